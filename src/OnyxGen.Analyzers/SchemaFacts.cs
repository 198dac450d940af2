using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace OnyxGen.Analyzers;

/// <summary>
/// The constraints a generated property's <c>[OnyxProperty]</c> attribute carries: the same schema model the generator
/// parsed, read back from the compilation (there is no second schema parser).
/// </summary>
internal sealed class PropertyConstraints
{
    public static readonly PropertyConstraints None = new();

    public string JsonName { get; private set; } = "";
    public bool IsSecret { get; private set; }
    public string? Format { get; private set; }
    public string? Pattern { get; private set; }
    public int MinLength { get; private set; } = -1;
    public int MaxLength { get; private set; } = -1;
    public double Minimum { get; private set; } = double.NaN;
    public double Maximum { get; private set; } = double.NaN;
    public double ExclusiveMinimum { get; private set; } = double.NaN;
    public double ExclusiveMaximum { get; private set; } = double.NaN;
    public ImmutableArray<long> AllowedValues { get; private set; } = ImmutableArray<long>.Empty;
    public int MinItems { get; private set; } = -1;
    public int MaxItems { get; private set; } = -1;
    public bool UniqueItems { get; private set; }
    public string? ItemFormat { get; private set; }
    public string? ItemPattern { get; private set; }
    public int ItemMinLength { get; private set; } = -1;
    public int ItemMaxLength { get; private set; } = -1;

    /// <summary>True when a single value of the property can break something.</summary>
    public bool HasScalarChecks => Format is not null || Pattern is not null || MinLength >= 0 || MaxLength >= 0
        || !double.IsNaN(Minimum) || !double.IsNaN(Maximum) || !double.IsNaN(ExclusiveMinimum) || !double.IsNaN(ExclusiveMaximum)
        || AllowedValues.Length > 0;

    /// <summary>True when the property's list or its items can break something.</summary>
    public bool HasListChecks => MinItems >= 0 || MaxItems >= 0 || UniqueItems || ItemFormat is not null || ItemPattern is not null
        || ItemMinLength >= 0 || ItemMaxLength >= 0;

    /// <summary>The per-item constraints seen as the constraints of a scalar.</summary>
    public PropertyConstraints ForItems() => new()
    {
        JsonName = JsonName,
        Format = ItemFormat,
        Pattern = ItemPattern,
        MinLength = ItemMinLength,
        MaxLength = ItemMaxLength,
    };

    public static PropertyConstraints FromAttribute(AttributeData attribute)
    {
        var result = new PropertyConstraints();
        if (attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string jsonName)
        {
            result.JsonName = jsonName;
        }

        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            TypedConstant value = named.Value;
            switch (named.Key)
            {
                case "IsSecret": result.IsSecret = value.Value is true; break;
                case "Format": result.Format = value.Value as string; break;
                case "Pattern": result.Pattern = value.Value as string; break;
                case "MinLength": result.MinLength = AsInt(value); break;
                case "MaxLength": result.MaxLength = AsInt(value); break;
                case "Minimum": result.Minimum = AsDouble(value); break;
                case "Maximum": result.Maximum = AsDouble(value); break;
                case "ExclusiveMinimum": result.ExclusiveMinimum = AsDouble(value); break;
                case "ExclusiveMaximum": result.ExclusiveMaximum = AsDouble(value); break;
                case "AllowedValues":
                    if (value.Kind == TypedConstantKind.Array && !value.IsNull)
                    {
                        result.AllowedValues = value.Values.Where(v => v.Value is long).Select(v => (long)v.Value!).ToImmutableArray();
                    }

                    break;
                case "MinItems": result.MinItems = AsInt(value); break;
                case "MaxItems": result.MaxItems = AsInt(value); break;
                case "UniqueItems": result.UniqueItems = value.Value is true; break;
                case "ItemFormat": result.ItemFormat = value.Value as string; break;
                case "ItemPattern": result.ItemPattern = value.Value as string; break;
                case "ItemMinLength": result.ItemMinLength = AsInt(value); break;
                case "ItemMaxLength": result.ItemMaxLength = AsInt(value); break;
            }
        }

        return result;
    }

    private static int AsInt(TypedConstant value) => value.Value is int i ? i : -1;

    private static double AsDouble(TypedConstant value) => value.Value is double d ? d : double.NaN;
}

/// <summary>A generated connector config type's <c>[OnyxConnector]</c> facts.</summary>
internal sealed record ConnectorFacts(string Source, ImmutableArray<string> InputTypes, bool PermissionSync)
{
    public static ConnectorFacts FromAttribute(AttributeData attribute)
    {
        string source = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string s ? s : "";
        ImmutableArray<string> inputTypes = ImmutableArray<string>.Empty;
        bool permissionSync = false;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "InputTypes" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
            {
                inputTypes = named.Value.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!).ToImmutableArray();
            }
            else if (named.Key == "PermissionSync")
            {
                permissionSync = named.Value.Value is true;
            }
        }

        return new ConnectorFacts(source, inputTypes, permissionSync);
    }
}

/// <summary>One authentication mode (a <c>oneOf</c> branch) of a credential.</summary>
internal sealed record AuthenticationMode(string Title, ImmutableHashSet<string> Keys);

/// <summary>A generated credential type's <c>[OnyxCredential]</c> and <c>[OnyxAuthenticationMode]</c> facts.</summary>
internal sealed record CredentialFacts(string Source, ImmutableArray<AuthenticationMode> Modes);
