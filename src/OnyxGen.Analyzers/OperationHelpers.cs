using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace OnyxGen.Analyzers;

/// <summary>One element of a list written in code: its expression and, when it is a constant, its value.</summary>
internal readonly record struct ListElement(SyntaxNode Syntax, bool IsConstant, object? Value);

/// <summary>Reading constants, lists, time spans and the origin of ids out of operations.</summary>
internal static class OperationHelpers
{
    /// <summary>Drops implicit conversions (to nullable, to a wider number, to <c>OnyxSecret</c>, ...).</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The constant under any implicit conversions, and the operation that has it (the expression to report on).</summary>
    public static bool TryGetConstant(IOperation operation, out object? value, out IOperation constantOperation)
    {
        IOperation current = operation;
        while (true)
        {
            if (current.ConstantValue.HasValue)
            {
                value = current.ConstantValue.Value;
                constantOperation = current;
                return true;
            }

            if (current is IConversionOperation conversion && (conversion.IsImplicit || conversion.Type is { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }))
            {
                current = conversion.Operand;
                continue;
            }

            value = null;
            constantOperation = operation;
            return false;
        }
    }

    /// <summary>
    /// The elements of a list written in place (collection expression, array creation, collection initializer), or null when
    /// the value is not such a list. <paramref name="complete"/> is false when a spread makes the count unknown.
    /// </summary>
    public static List<ListElement>? GetListElements(IOperation value, out bool complete, CancellationToken cancellationToken)
    {
        complete = true;
        IOperation operation = Unwrap(value);
        if (operation.Syntax is CollectionExpressionSyntax collection)
        {
            // Collection expressions have no public IOperation shape in Roslyn 4.8: read their elements from the syntax.
            SemanticModel? model = operation.SemanticModel;
            if (model is null)
            {
                return null;
            }

            var elements = new List<ListElement>(collection.Elements.Count);
            foreach (CollectionElementSyntax element in collection.Elements)
            {
                if (element is ExpressionElementSyntax expression)
                {
                    Optional<object?> constant = model.GetConstantValue(expression.Expression, cancellationToken);
                    elements.Add(new ListElement(expression.Expression, constant.HasValue, constant.HasValue ? constant.Value : null));
                }
                else
                {
                    complete = false;
                }
            }

            return elements;
        }

        IEnumerable<IOperation>? values = operation switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IObjectCreationOperation { Initializer: { } initializer } when initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 }) && initializer.Initializers.Length > 0
                => initializer.Initializers.Select(i => ((IInvocationOperation)i).Arguments[0].Value),
            _ => null,
        };
        if (values is null)
        {
            return null;
        }

        var result = new List<ListElement>();
        foreach (IOperation item in values)
        {
            bool isConstant = TryGetConstant(item, out object? constantValue, out IOperation constantOperation);
            result.Add(new ListElement(constantOperation.Syntax, isConstant, constantValue));
        }

        return result;
    }

    /// <summary>The length in seconds of a constant <c>TimeSpan</c> expression, or null when it is not a constant.</summary>
    public static double? ConstantSeconds(IOperation operation, INamedTypeSymbol timeSpan, out string? unitMethod)
    {
        unitMethod = null;
        operation = Unwrap(operation);
        switch (operation)
        {
            case IFieldReferenceOperation { Field.IsStatic: true, Field.Name: "Zero" } field when SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, timeSpan):
                return 0;
            case IInvocationOperation { TargetMethod.IsStatic: true } invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, timeSpan):
                double? unit = invocation.TargetMethod.Name switch
                {
                    "FromDays" => 86400,
                    "FromHours" => 3600,
                    "FromMinutes" => 60,
                    "FromSeconds" => 1,
                    "FromMilliseconds" => 1e-3,
                    "FromMicroseconds" => 1e-6,
                    "FromTicks" => 1e-7,
                    _ => null,
                };
                if (unit is null)
                {
                    return null;
                }

                unitMethod = invocation.TargetMethod.Name;
                return Sum(invocation.Arguments, unit.Value);
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, timeSpan):
                return creation.Arguments.Length == 0 ? 0 : Sum(creation.Arguments, 1e-7);
            case IDefaultValueOperation defaultValue when SymbolEqualityComparer.Default.Equals(defaultValue.Type, timeSpan):
                return 0;
            default:
                return null;
        }
    }

    // TimeSpan factories and constructors: parameters named by unit (days, hours, ..., ticks); a lone 'value' is in the method's unit.
    private static double? Sum(IEnumerable<IArgumentOperation> arguments, double valueUnit)
    {
        double total = 0;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is null || !TryGetConstant(argument.Value, out object? constant, out _) || ValueChecks.AsNumber(constant) is not double number)
            {
                return null;
            }

            double? unit = argument.Parameter.Name switch
            {
                "value" => valueUnit,
                "days" => 86400,
                "hours" => 3600,
                "minutes" => 60,
                "seconds" => 1,
                "milliseconds" => 1e-3,
                "microseconds" => 1e-6,
                "ticks" => 1e-7,
                _ => null,
            };
            if (unit is null)
            {
                return null;
            }

            total += number * unit.Value;
        }

        return total;
    }

    /// <summary>
    /// Where an id or a created object comes from, as far as it can be seen statically: a <c>ConnectorCreated&lt;TConfig&gt;</c> or <c>Credential&lt;TCredential&gt;</c>,
    /// a call of a generated <c>Create{Source}Async</c>, or a local initialized with one and never assigned again.
    /// </summary>
    public static (ITypeSymbol? ConfigType, ITypeSymbol? CredentialType) Origin(IOperation operation, OnyxSymbols symbols, CancellationToken cancellationToken, int depth = 0)
    {
        if (depth > 3)
        {
            return default;
        }

        operation = Unwrap(operation);
        if (operation is IAwaitOperation awaited)
        {
            operation = Unwrap(awaited.Operation);
        }

        if (operation is IParenthesizedOperation parenthesized)
        {
            return Origin(parenthesized.Operand, symbols, cancellationToken, depth + 1);
        }

        if (OnyxSymbols.TypeArgumentOf(operation.Type, symbols.ConnectorCreatedOfT) is { } config)
        {
            return (config, null);
        }

        if (OnyxSymbols.TypeArgumentOf(operation.Type, symbols.CredentialOfT) is { } credential)
        {
            return (null, credential);
        }

        switch (operation)
        {
            case IInvocationOperation invocation when symbols.IsConnectorsApi(invocation.TargetMethod) || symbols.IsCredentialsApi(invocation.TargetMethod):
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    ITypeSymbol? parameterType = argument.Parameter?.Type;
                    if (symbols.GetConnector(parameterType) is not null)
                    {
                        return (parameterType, null);
                    }

                    if (symbols.GetCredential(parameterType) is not null)
                    {
                        return (null, parameterType);
                    }
                }

                return default;
            case ILocalReferenceOperation local:
                return LocalOrigin(local, symbols, cancellationToken, depth);
            default:
                return default;
        }
    }

    private static (ITypeSymbol?, ITypeSymbol?) LocalOrigin(ILocalReferenceOperation local, OnyxSymbols symbols, CancellationToken cancellationToken, int depth)
    {
        if (local.Local.DeclaringSyntaxReferences.Length != 1 || local.SemanticModel is not { } model
            || local.Local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return default;
        }

        // A local assigned again after its declaration may hold anything.
        SyntaxNode? scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.Parent;
        string name = declarator.Identifier.ValueText;
        if (scope is null || scope.DescendantNodes().Any(n => n is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == name
            || n is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax refArgument } && refArgument.Identifier.ValueText == name))
        {
            return default;
        }

        IOperation? initializerOperation = model.GetOperation(initializer, cancellationToken);
        return initializerOperation is null ? default : Origin(initializerOperation, symbols, cancellationToken, depth + 1);
    }

    /// <summary>The snake_case wire name of an <c>InputType</c> member (LoadState → load_state).</summary>
    public static string ToWire(string memberName)
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < memberName.Length; i++)
        {
            char ch = memberName[i];
            if (char.IsUpper(ch))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>The name of the enum member with this constant value, or null.</summary>
    public static string? EnumMemberName(INamedTypeSymbol enumType, object? value) =>
        enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;

    /// <summary>A C# string literal for the value.</summary>
    public static string StringLiteral(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).ToString();
}
