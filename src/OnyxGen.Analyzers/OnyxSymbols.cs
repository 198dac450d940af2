using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace OnyxGen.Analyzers;

/// <summary>
/// The OnyxGen types of one compilation, looked up once at compilation start, and per-symbol caches of the schema facts
/// read from their attributes. <see cref="TryCreate"/> returns null when the compilation does not reference OnyxGen.
/// </summary>
internal sealed class OnyxSymbols
{
    private readonly ConcurrentDictionary<IPropertySymbol, PropertyConstraints> _properties = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ConnectorFacts?> _connectors = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, CredentialFacts?> _credentials = new(SymbolEqualityComparer.Default);

    private OnyxSymbols(Compilation compilation, INamedTypeSymbol propertyAttribute)
    {
        PropertyAttribute = propertyAttribute;
        ConnectorAttribute = compilation.GetTypeByMetadataName("OnyxGen.Schema.OnyxConnectorAttribute");
        CredentialAttribute = compilation.GetTypeByMetadataName("OnyxGen.Schema.OnyxCredentialAttribute");
        AuthenticationModeAttribute = compilation.GetTypeByMetadataName("OnyxGen.Schema.OnyxAuthenticationModeAttribute");
        OnyxSecret = compilation.GetTypeByMetadataName("OnyxGen.OnyxSecret");
        AccessType = compilation.GetTypeByMetadataName("OnyxGen.AccessType");
        InputType = compilation.GetTypeByMetadataName("OnyxGen.InputType");
        ConnectorsClient = compilation.GetTypeByMetadataName("OnyxGen.ConnectorsClient");
        CredentialsClient = compilation.GetTypeByMetadataName("OnyxGen.CredentialsClient");
        ConnectorSpec = compilation.GetTypeByMetadataName("OnyxGen.ConnectorSpec");
        ConnectorCreatedOfT = compilation.GetTypeByMetadataName("OnyxGen.ConnectorCreated`1");
        CredentialOfT = compilation.GetTypeByMetadataName("OnyxGen.Credential`1");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
    }

    public INamedTypeSymbol PropertyAttribute { get; }
    public INamedTypeSymbol? ConnectorAttribute { get; }
    public INamedTypeSymbol? CredentialAttribute { get; }
    public INamedTypeSymbol? AuthenticationModeAttribute { get; }
    public INamedTypeSymbol? OnyxSecret { get; }
    public INamedTypeSymbol? AccessType { get; }
    public INamedTypeSymbol? InputType { get; }
    public INamedTypeSymbol? ConnectorsClient { get; }
    public INamedTypeSymbol? CredentialsClient { get; }
    public INamedTypeSymbol? ConnectorSpec { get; }
    public INamedTypeSymbol? ConnectorCreatedOfT { get; }
    public INamedTypeSymbol? CredentialOfT { get; }
    public INamedTypeSymbol? TimeSpan { get; }

    /// <summary>The OnyxGen symbols, or null when the compilation does not reference OnyxGen (then no analysis is registered).</summary>
    public static OnyxSymbols? TryCreate(Compilation compilation)
    {
        INamedTypeSymbol? attribute = compilation.GetTypeByMetadataName("OnyxGen.Schema.OnyxPropertyAttribute");
        return attribute is null ? null : new OnyxSymbols(compilation, attribute);
    }

    /// <summary>The property's schema constraints, or <see cref="PropertyConstraints.None"/> for a property OnyxGen did not generate.</summary>
    public PropertyConstraints GetConstraints(IPropertySymbol property) => _properties.GetOrAdd(property, p =>
    {
        foreach (AttributeData attribute in p.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, PropertyAttribute))
            {
                return PropertyConstraints.FromAttribute(attribute);
            }
        }

        return PropertyConstraints.None;
    });

    /// <summary>The connector facts of a generated config type, or null.</summary>
    public ConnectorFacts? GetConnector(ITypeSymbol? type)
    {
        if (type is null || ConnectorAttribute is null || type.TypeKind != TypeKind.Class)
        {
            return null;
        }

        return _connectors.GetOrAdd(type, t =>
        {
            foreach (AttributeData attribute in t.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ConnectorAttribute))
                {
                    return ConnectorFacts.FromAttribute(attribute);
                }
            }

            return null;
        });
    }

    /// <summary>The credential facts of a generated credential type, or null.</summary>
    public CredentialFacts? GetCredential(ITypeSymbol? type)
    {
        if (type is null || CredentialAttribute is null || type.TypeKind != TypeKind.Class)
        {
            return null;
        }

        return _credentials.GetOrAdd(type, t =>
        {
            string? source = null;
            var modes = ImmutableArray.CreateBuilder<AuthenticationMode>();
            foreach (AttributeData attribute in t.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, CredentialAttribute))
                {
                    source = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                }
                else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, AuthenticationModeAttribute)
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string title
                    && attribute.ConstructorArguments[1].Kind == TypedConstantKind.Array
                    && !attribute.ConstructorArguments[1].IsNull)
                {
                    modes.Add(new AuthenticationMode(title, attribute.ConstructorArguments[1].Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!).ToImmutableHashSet(StringComparer.Ordinal)));
                }
            }

            return source is null ? null : new CredentialFacts(source, modes.ToImmutable());
        });
    }

    /// <summary>The type argument of <paramref name="type"/> when it is <paramref name="generic"/> constructed (ConnectorCreated&lt;T&gt;, Credential&lt;T&gt;), or null.</summary>
    public static ITypeSymbol? TypeArgumentOf(ITypeSymbol? type, INamedTypeSymbol? generic) =>
        generic is not null && type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
        && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, generic)
            ? named.TypeArguments[0]
            : null;

    /// <summary>True for <c>OnyxSecret</c> and <c>OnyxSecret?</c>.</summary>
    public bool IsOnyxSecret(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return OnyxSecret is not null && SymbolEqualityComparer.Default.Equals(type, OnyxSecret);
    }

    /// <summary>True when the method is a member of <c>ConnectorsClient</c> (or a subclass) or an extension method on it.</summary>
    public bool IsConnectorsApi(IMethodSymbol method) => IsClientApi(method, ConnectorsClient);

    /// <summary>True when the method is a member of <c>CredentialsClient</c> (or a subclass) or an extension method on it.</summary>
    public bool IsCredentialsApi(IMethodSymbol method) => IsClientApi(method, CredentialsClient);

    private static bool IsClientApi(IMethodSymbol method, INamedTypeSymbol? client)
    {
        if (client is null)
        {
            return false;
        }

        if (method.IsExtensionMethod)
        {
            IMethodSymbol definition = method.ReducedFrom ?? method;
            return definition.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(definition.Parameters[0].Type, client);
        }

        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, client))
            {
                return true;
            }
        }

        return false;
    }
}
