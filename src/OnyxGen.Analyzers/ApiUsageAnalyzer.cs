using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OnyxGen.Analyzers;

/// <summary>
/// ONYX2xxx: calls of the OnyxGen API (<c>ConnectorsClient</c>, the generated <c>Create{Source}Async</c> extensions,
/// <c>ConnectorSpec</c>) with an input type, frequency, access type or credential the connector cannot take.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiUsageAnalyzer : DiagnosticAnalyzer
{
    private const double MinimumRefreshSeconds = 60;
    private const double MinimumPruneSeconds = 300;

    private int _operationCallbacks;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InputTypeNotAccepted,
        DiagnosticDescriptors.RefreshFrequencyTooLow,
        DiagnosticDescriptors.PruneFrequencyTooLow,
        DiagnosticDescriptors.PermissionSyncNotSupported,
        DiagnosticDescriptors.CredentialSourceMismatch);

    /// <summary>Test hook: operation callbacks run by this instance.</summary>
    internal int OperationCallbacks => Volatile.Read(ref _operationCallbacks);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (OnyxSymbols.TryCreate(start.Compilation) is not { ConnectorsClient: not null, TimeSpan: not null } symbols)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            if (symbols.ConnectorSpec is not null)
            {
                start.RegisterOperationAction(c => AnalyzeSpecAssignment(c, symbols), OperationKind.SimpleAssignment);
            }
        });
    }

    private void AnalyzeInvocation(OperationAnalysisContext context, OnyxSymbols symbols)
    {
        Interlocked.Increment(ref _operationCallbacks);
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (!symbols.IsConnectorsApi(method))
        {
            return;
        }

        ITypeSymbol? configType = null;
        IArgumentOperation? connectorId = null;
        IArgumentOperation? credentialId = null;
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "config" when symbols.GetConnector(argument.Parameter.Type) is not null:
                    configType = argument.Parameter.Type;
                    break;
                case "config":
                    configType = OperationHelpers.Unwrap(argument.Value).Type;
                    break;
                case "connector" when OnyxSymbols.TypeArgumentOf(argument.Parameter.Type, symbols.ConnectorCreatedOfT) is { } typedConnector:
                    // AssociateCredentialAsync(ConnectorCreated<TConfig>, Credential<TCredential>, ...): the source check is the compiler's.
                    configType = typedConnector;
                    break;
                case "connectorId":
                    connectorId = argument;
                    break;
                case "credentialId":
                    credentialId = argument;
                    break;
            }
        }

        if (method.Name == "AssociateCredentialAsync" && connectorId is not null)
        {
            (ITypeSymbol? connectorConfig, _) = IdOrigin(connectorId.Value, symbols, context.CancellationToken);
            configType = connectorConfig;
            if (credentialId is not null && symbols.GetConnector(connectorConfig) is { } connector)
            {
                (_, ITypeSymbol? credentialType) = IdOrigin(credentialId.Value, symbols, context.CancellationToken);
                if (symbols.GetCredential(credentialType) is { } credential && credential.Source != connector.Source)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CredentialSourceMismatch, credentialId.Value.Syntax.GetLocation(), credential.Source, connector.Source));
                }
            }
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            switch (argument.Parameter?.Name)
            {
                case "refreshFreq":
                    CheckFrequency(context.ReportDiagnostic, argument.Value, symbols, refresh: true);
                    break;
                case "pruneFreq":
                    CheckFrequency(context.ReportDiagnostic, argument.Value, symbols, refresh: false);
                    break;
                case "inputType":
                    CheckInputType(context.ReportDiagnostic, argument.Value, symbols.GetConnector(configType), symbols);
                    break;
                case "accessType":
                    CheckAccessType(context.ReportDiagnostic, argument.Value, symbols.GetConnector(configType), symbols);
                    break;
            }
        }
    }

    private void AnalyzeSpecAssignment(OperationAnalysisContext context, OnyxSymbols symbols)
    {
        Interlocked.Increment(ref _operationCallbacks);
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.ConnectorSpec))
        {
            return;
        }

        switch (property.Name)
        {
            case "RefreshFreq":
                CheckFrequency(context.ReportDiagnostic, assignment.Value, symbols, refresh: true);
                break;
            case "PruneFreq":
                CheckFrequency(context.ReportDiagnostic, assignment.Value, symbols, refresh: false);
                break;
            case "InputType":
                CheckInputType(context.ReportDiagnostic, assignment.Value, symbols.GetConnector(SpecConfigType(assignment)), symbols);
                break;
            case "AccessType":
                CheckAccessType(context.ReportDiagnostic, assignment.Value, symbols.GetConnector(SpecConfigType(assignment)), symbols);
                break;
        }
    }

    // new ConnectorSpec(name, new JiraConnectorConfig { ... }) { AccessType = ... }: the config's static type, when visible.
    private static ITypeSymbol? SpecConfigType(ISimpleAssignmentOperation assignment)
    {
        IOperation? owner = assignment.Parent is IObjectOrCollectionInitializerOperation initializer ? initializer.Parent : null;
        if (owner is IWithOperation with)
        {
            owner = OperationHelpers.Unwrap(with.Operand);
        }

        if (owner is IObjectCreationOperation creation)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "Config")
                {
                    return OperationHelpers.Unwrap(argument.Value).Type;
                }
            }
        }

        return null;
    }

    private static (ITypeSymbol? Config, ITypeSymbol? Credential) IdOrigin(IOperation value, OnyxSymbols symbols, CancellationToken cancellationToken) =>
        OperationHelpers.Unwrap(value) is IPropertyReferenceOperation { Property.Name: "Id", Instance: { } instance }
            ? OperationHelpers.Origin(instance, symbols, cancellationToken)
            : default;

    private static void CheckFrequency(Action<Diagnostic> report, IOperation value, OnyxSymbols symbols, bool refresh)
    {
        double minimum = refresh ? MinimumRefreshSeconds : MinimumPruneSeconds;
        if (OperationHelpers.ConstantSeconds(value, symbols.TimeSpan!, out string? unitMethod) is not double seconds || seconds >= minimum)
        {
            return;
        }

        string replacement = unitMethod == "FromSeconds"
            ? $"global::System.TimeSpan.FromSeconds({minimum})"
            : $"global::System.TimeSpan.FromMinutes({minimum / 60})";
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticDescriptors.ReplacementProperty, replacement)
            .Add(DiagnosticDescriptors.FixTitleProperty, refresh ? "Raise the refresh frequency to 60 seconds" : "Raise the prune frequency to 5 minutes");
        report(Diagnostic.Create(
            refresh ? DiagnosticDescriptors.RefreshFrequencyTooLow : DiagnosticDescriptors.PruneFrequencyTooLow,
            OperationHelpers.Unwrap(value).Syntax.GetLocation(),
            properties,
            ValueChecks.Format(seconds)));
    }

    private static void CheckInputType(Action<Diagnostic> report, IOperation value, ConnectorFacts? connector, OnyxSymbols symbols)
    {
        if (connector is null || connector.InputTypes.Length == 0 || symbols.InputType is null
            || !OperationHelpers.TryGetConstant(value, out object? constant, out IOperation constantOperation)
            || OperationHelpers.EnumMemberName(symbols.InputType, constant) is not { } member)
        {
            return;
        }

        string wire = OperationHelpers.ToWire(member);
        if (connector.InputTypes.Contains(wire))
        {
            return;
        }

        string? accepted = symbols.InputType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => OperationHelpers.ToWire(f.Name) == connector.InputTypes[0])?.Name;
        ImmutableDictionary<string, string?>? properties = accepted is null ? null : ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticDescriptors.ReplacementProperty, "global::OnyxGen.InputType." + accepted)
            .Add(DiagnosticDescriptors.FixTitleProperty, $"Use InputType.{accepted}");
        report(Diagnostic.Create(DiagnosticDescriptors.InputTypeNotAccepted, constantOperation.Syntax.GetLocation(), properties, connector.Source, wire, string.Join(", ", connector.InputTypes)));
    }

    private static void CheckAccessType(Action<Diagnostic> report, IOperation value, ConnectorFacts? connector, OnyxSymbols symbols)
    {
        if (connector is null || connector.PermissionSync || symbols.AccessType is null
            || !OperationHelpers.TryGetConstant(value, out object? constant, out IOperation constantOperation)
            || OperationHelpers.EnumMemberName(symbols.AccessType, constant) != "Sync")
        {
            return;
        }

        report(Diagnostic.Create(DiagnosticDescriptors.PermissionSyncNotSupported, constantOperation.Syntax.GetLocation(), connector.Source));
    }
}
