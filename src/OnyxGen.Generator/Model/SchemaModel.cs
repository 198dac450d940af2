namespace OnyxGen.Generator.Model;

// The equatable model between parsing and emitting: strings, numbers, enums and EquatableArrays only.
// No Roslyn symbols, syntax, locations or JSON documents, so the incremental pipeline can compare runs cheaply.

/// <summary>One schema file: a connector config type and, when declared, its credential type.</summary>
internal sealed record SchemaModel(
    string FilePath,
    string Source,
    string SourceIdentifier,
    string KnownSourceProperty,
    string ConnectorClassName,
    EquatableArray<string> InputTypes,
    bool PermissionSync,
    string ConfigTypeName,
    string? CredentialTypeName,
    EquatableArray<ObjectModel> Types,
    EquatableArray<SchemaNodeModel> Nodes);

/// <summary>A generated class: the config, the credential, a nested object or a $defs entry.</summary>
internal sealed record ObjectModel(
    string TypeName,
    ObjectRole Role,
    string? Title,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    bool AllowsAdditionalProperties,
    EquatableArray<AuthenticationMode> AuthenticationModes,
    EquatableArray<EnumModel> Enums,
    string? ExtensionDataName,
    int ExtensionDataNode)
{
    /// <summary>For a case of a discriminated union: the abstract base class it derives from.</summary>
    public string? BaseTypeName { get; init; }

    /// <summary>For a union (<see cref="ObjectRole.Union"/>): the JSON name of the discriminator property.</summary>
    public string? Discriminator { get; init; }

    /// <summary>For a union: each discriminator value and the class that holds it.</summary>
    public EquatableArray<UnionCase> Cases { get; init; } = EquatableArray<UnionCase>.Empty;
}

internal enum ObjectRole
{
    Config,
    Credential,
    Nested,

    /// <summary>The abstract base of a oneOf/anyOf of objects told apart by a const discriminator.</summary>
    Union,
}

/// <summary>One case of a discriminated union: the discriminator's wire value and the case's class.</summary>
internal sealed record UnionCase(string WireValue, string TypeName);

/// <summary>One alternative set of required keys (a credential's authentication mode, from <c>oneOf</c>).</summary>
internal sealed record AuthenticationMode(string Title, EquatableArray<string> RequiredJsonNames);

/// <summary>A generated C# enum for a string <c>enum</c>.</summary>
internal sealed record EnumModel(string TypeName, EquatableArray<EnumMember> Members);

internal sealed record EnumMember(string Name, string WireValue);

/// <summary>A property of a generated class.</summary>
internal sealed record PropertyModel(
    string JsonName,
    string PropertyName,
    TypeModel Type,
    bool IsRequired,
    bool IsNullable,
    bool AllowsNull,
    string? Title,
    string? Description,
    string? DefaultJson,
    bool IsDeprecated,
    bool IsReadOnly,
    bool IsWriteOnly);

internal enum TypeKind
{
    String,
    Secret,
    Integer,
    Number,
    Boolean,
    Uuid,
    DateTime,
    StringEnum,
    Array,
    Object,
    Any,
}

/// <summary>A property's or an item's type and the constraints its value must meet.</summary>
internal sealed record TypeModel(
    TypeKind Kind,
    string? ReferenceName,
    TypeModel? Items,
    ConstraintModel Constraints)
{
    /// <summary>For <see cref="TypeKind.Any"/>: the schema node that validates the raw JSON, or -1.</summary>
    public int Node { get; init; } = -1;

    /// <summary>A <c>const</c> value (JSON text) the property always has.</summary>
    public string? ConstJson { get; init; }

    /// <summary>For unions (<c>oneOf</c>/<c>anyOf</c>): the number of branches.</summary>
    public int UnionBranches { get; init; }
}

/// <summary>JSON Schema constraints, as the generated Validate() checks them.</summary>
internal sealed record ConstraintModel(
    string? Format,
    string? Pattern,
    int? MinLength,
    int? MaxLength,
    string? Minimum,
    string? Maximum,
    string? ExclusiveMinimum,
    string? ExclusiveMaximum,
    int? MinItems,
    int? MaxItems,
    bool UniqueItems,
    EquatableArray<string> IntegerEnum,
    string? MultipleOf = null)
{
    public static readonly ConstraintModel None = new(null, null, null, null, null, null, null, null, null, null, false, EquatableArray<string>.Empty);
}

/// <summary>
/// A schema kept as data for values that map to no single C# type (no type, several types, unions, allOf of values,
/// const/enum of mixed values). The runtime's SchemaNode evaluates it. Nodes refer to each other by index (cycles allowed).
/// </summary>
internal sealed record SchemaNodeModel(
    bool AcceptsAnything,
    EquatableArray<string> Types,
    string? ConstJson,
    EquatableArray<string> EnumJson,
    bool HasEnum,
    ConstraintModel Constraints,
    int Items,
    EquatableArray<NodeProperty> Properties,
    EquatableArray<string> Required,
    int AdditionalProperties,
    EquatableArray<int> AllOf,
    EquatableArray<int> AnyOf,
    EquatableArray<int> OneOf,
    int Ref);

internal sealed record NodeProperty(string JsonName, int Node);

/// <summary>What parsing one file produced: a model (null when the file has errors) and its diagnostics.</summary>
internal sealed record ParseResult(string FilePath, SchemaModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, string? Source, LocationInfo? SourceLocation);

/// <summary>Project settings the generator reads.</summary>
internal sealed record GeneratorOptions(string Namespace, string? CatalogDirectory, bool Internal);
