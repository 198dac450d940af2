using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OnyxGen.Analyzers;

/// <summary>
/// ONYX1xxx: constants written in C# for the properties of generated config and credential types, checked against the
/// schema constraints the generator put on those properties (<c>[OnyxProperty]</c>), and credentials that set the keys
/// of two authentication modes at once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigValueAnalyzer : DiagnosticAnalyzer
{
    private int _operationCallbacks;
    private int _constrainedValues;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PatternMismatch,
        DiagnosticDescriptors.FormatMismatch,
        DiagnosticDescriptors.ValueNotAllowed,
        DiagnosticDescriptors.LengthOutOfRange,
        DiagnosticDescriptors.NumberOutOfRange,
        DiagnosticDescriptors.ItemCountOutOfRange,
        DiagnosticDescriptors.DuplicateItems,
        DiagnosticDescriptors.HardCodedSecret,
        DiagnosticDescriptors.ConflictingAuthenticationModes);

    /// <summary>Test hook: operation callbacks run by this instance.</summary>
    internal int OperationCallbacks => Volatile.Read(ref _operationCallbacks);

    /// <summary>Test hook: values this instance checked against a generated property's constraints.</summary>
    internal int ConstrainedValues => Volatile.Read(ref _constrainedValues);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // No OnyxGen reference, no generated types: register nothing, so the analyzer costs nothing.
            if (OnyxSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
            if (symbols.AuthenticationModeAttribute is not null)
            {
                start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
            }
        });
    }

    private void AnalyzeAssignment(OperationAnalysisContext context, OnyxSymbols symbols)
    {
        Interlocked.Increment(ref _operationCallbacks);
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
        {
            return;
        }

        PropertyConstraints constraints = symbols.GetConstraints(property);
        if (ReferenceEquals(constraints, PropertyConstraints.None))
        {
            return;
        }

        Interlocked.Increment(ref _constrainedValues);
        IOperation value = assignment.Value;
        if (constraints.IsSecret || symbols.IsOnyxSecret(property.Type))
        {
            CheckSecret(context, value, constraints, symbols);
        }

        if (constraints.HasScalarChecks && OperationHelpers.TryGetConstant(value, out object? constant, out IOperation constantOperation) && constant is not null)
        {
            CheckScalar(context.ReportDiagnostic, constraints, constant, constantOperation.Syntax, "Value");
        }

        if (constraints.HasListChecks)
        {
            CheckList(context, constraints, value);
        }
    }

    private static void CheckSecret(OperationAnalysisContext context, IOperation value, PropertyConstraints constraints, OnyxSymbols symbols)
    {
        IOperation literal;
        if (OperationHelpers.TryGetConstant(value, out object? constant, out IOperation constantOperation))
        {
            literal = constantOperation;
        }
        else if (OperationHelpers.Unwrap(value) is IObjectCreationOperation { Arguments.Length: 1 } creation
            && symbols.IsOnyxSecret(creation.Type)
            && OperationHelpers.TryGetConstant(creation.Arguments[0].Value, out constant, out constantOperation))
        {
            literal = constantOperation;
        }
        else
        {
            return;
        }

        // An empty string is a placeholder, not a secret.
        if (constant is not string { Length: > 0 })
        {
            return;
        }

        string variable = constraints.JsonName.ToUpperInvariant();
        string replacement = $"(global::System.Environment.GetEnvironmentVariable({OperationHelpers.StringLiteral(variable)}) ?? throw new global::System.InvalidOperationException({OperationHelpers.StringLiteral($"Set the {variable} environment variable.")}))";
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.HardCodedSecret,
            literal.Syntax.GetLocation(),
            Fix(replacement, $"Read '{constraints.JsonName}' from the {variable} environment variable"),
            constraints.JsonName));
    }

    private static void CheckScalar(Action<Diagnostic> report, PropertyConstraints constraints, object constant, SyntaxNode syntax, string what)
    {
        string name = constraints.JsonName;
        if (constant is string text)
        {
            if (constraints.Format is { } format && !ValueChecks.MatchesFormat(text, format))
            {
                string? fixedUri = format == "uri" ? ValueChecks.WithHttpsScheme(text) : null;
                string hint = format == "uri" && fixedUri is not null ? " (no scheme: add https://)" : "";
                report(Diagnostic.Create(
                    DiagnosticDescriptors.FormatMismatch,
                    syntax.GetLocation(),
                    fixedUri is null ? null : Fix(OperationHelpers.StringLiteral(fixedUri), "Add 'https://'"),
                    what, text, format, name, hint));
            }

            if (constraints.Pattern is { } pattern && ValueChecks.MatchesPattern(text, pattern) == false)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.PatternMismatch, syntax.GetLocation(), what, text, pattern, name));
            }

            if (constraints.MinLength >= 0 || constraints.MaxLength >= 0)
            {
                int length = OnyxGen.Validation.FormatRules.CodePointLength(text);
                if ((constraints.MinLength >= 0 && length < constraints.MinLength) || (constraints.MaxLength >= 0 && length > constraints.MaxLength))
                {
                    string bounds = constraints.MinLength >= 0 && constraints.MaxLength >= 0
                        ? $"between {constraints.MinLength} and {constraints.MaxLength} long"
                        : constraints.MinLength >= 0 ? $"at least {constraints.MinLength} long" : $"at most {constraints.MaxLength} long";
                    report(Diagnostic.Create(DiagnosticDescriptors.LengthOutOfRange, syntax.GetLocation(), what, text, length, name, bounds));
                }
            }

            return;
        }

        if (ValueChecks.AsNumber(constant) is not double number)
        {
            return;
        }

        if (constraints.AllowedValues.Length > 0 && !constraints.AllowedValues.Any(a => a == number))
        {
            long nearest = ValueChecks.Nearest(number, constraints.AllowedValues);
            report(Diagnostic.Create(
                DiagnosticDescriptors.ValueNotAllowed,
                syntax.GetLocation(),
                Fix(nearest.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Use the nearest allowed value, {nearest}"),
                ValueChecks.Format(number),
                name,
                string.Join(", ", constraints.AllowedValues)));
        }

        var rules = new List<string>();
        if (!double.IsNaN(constraints.Minimum) && number < constraints.Minimum)
        {
            rules.Add(">= " + ValueChecks.Format(constraints.Minimum));
        }

        if (!double.IsNaN(constraints.Maximum) && number > constraints.Maximum)
        {
            rules.Add("<= " + ValueChecks.Format(constraints.Maximum));
        }

        if (!double.IsNaN(constraints.ExclusiveMinimum) && number <= constraints.ExclusiveMinimum)
        {
            rules.Add("> " + ValueChecks.Format(constraints.ExclusiveMinimum));
        }

        if (!double.IsNaN(constraints.ExclusiveMaximum) && number >= constraints.ExclusiveMaximum)
        {
            rules.Add("< " + ValueChecks.Format(constraints.ExclusiveMaximum));
        }

        if (rules.Count > 0)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.NumberOutOfRange, syntax.GetLocation(), ValueChecks.Format(number), name, string.Join(" and ", rules)));
        }
    }

    private static void CheckList(OperationAnalysisContext context, PropertyConstraints constraints, IOperation value)
    {
        List<ListElement>? elements = OperationHelpers.GetListElements(value, out bool complete, context.CancellationToken);
        if (elements is null)
        {
            return;
        }

        string name = constraints.JsonName;
        if (complete && ((constraints.MinItems >= 0 && elements.Count < constraints.MinItems) || (constraints.MaxItems >= 0 && elements.Count > constraints.MaxItems)))
        {
            string bounds = constraints.MinItems >= 0 && constraints.MaxItems >= 0
                ? $"between {constraints.MinItems} and {constraints.MaxItems} items"
                : constraints.MinItems >= 0 ? $"at least {constraints.MinItems} item(s)" : $"at most {constraints.MaxItems} item(s)";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ItemCountOutOfRange, OperationHelpers.Unwrap(value).Syntax.GetLocation(), name, elements.Count, bounds));
        }

        if (constraints.UniqueItems)
        {
            var seen = new HashSet<object>();
            foreach (ListElement element in elements)
            {
                if (element.IsConstant && element.Value is not null && !seen.Add(element.Value))
                {
                    string shown = element.Value is string s ? $"'{s}'" : Convert.ToString(element.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateItems, element.Syntax.GetLocation(), shown, name));
                }
            }
        }

        PropertyConstraints items = constraints.ForItems();
        if (items.HasScalarChecks)
        {
            foreach (ListElement element in elements)
            {
                if (element.IsConstant && element.Value is not null)
                {
                    CheckScalar(context.ReportDiagnostic, items, element.Value, element.Syntax, "Item");
                }
            }
        }
    }

    private void AnalyzeCreation(OperationAnalysisContext context, OnyxSymbols symbols)
    {
        Interlocked.Increment(ref _operationCallbacks);
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Initializer is not { } initializer || symbols.GetCredential(creation.Type) is not { Modes.Length: > 1 } credential)
        {
            return;
        }

        Interlocked.Increment(ref _constrainedValues);

        // The keys this initializer sets to something other than null, in source order.
        var set = new List<(string JsonName, IOperation Assignment)>();
        foreach (IOperation member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment
                && !(OperationHelpers.TryGetConstant(assignment.Value, out object? constant, out _) && constant is null)
                && symbols.GetConstraints(property) is { } constraints
                && !ReferenceEquals(constraints, PropertyConstraints.None))
            {
                set.Add((constraints.JsonName, assignment));
            }
        }

        var keys = new HashSet<string>(set.Select(s => s.JsonName), StringComparer.Ordinal);
        ImmutableArray<AuthenticationMode> modes = credential.Modes;
        for (int i = 0; i < modes.Length; i++)
        {
            for (int j = i + 1; j < modes.Length; j++)
            {
                AuthenticationMode first = modes[i];
                AuthenticationMode second = modes[j];

                // A mode whose keys are a subset of another's is told apart by a discriminator value, not by its keys.
                if (first.Keys.Count == 0 || second.Keys.Count == 0 || first.Keys.IsSubsetOf(second.Keys) || second.Keys.IsSubsetOf(first.Keys)
                    || !first.Keys.All(keys.Contains) || !second.Keys.All(keys.Contains))
                {
                    continue;
                }

                IOperation at = set.First(s => second.Keys.Contains(s.JsonName) && !first.Keys.Contains(s.JsonName)).Assignment;
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ConflictingAuthenticationModes,
                    at.Syntax.GetLocation(),
                    creation.Type!.Name,
                    first.Title,
                    second.Title));
                return;
            }
        }
    }

    private static ImmutableDictionary<string, string?> Fix(string replacement, string title) => ImmutableDictionary<string, string?>.Empty
        .Add(DiagnosticDescriptors.ReplacementProperty, replacement)
        .Add(DiagnosticDescriptors.FixTitleProperty, title);
}
