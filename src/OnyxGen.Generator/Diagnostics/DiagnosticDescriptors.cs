using Microsoft.CodeAnalysis;

namespace OnyxGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports on schema files. IDs are stable; each has a page under docs/diagnostics/.</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "OnyxGen.Schema";
    private const string HelpBase = "https://github.com/onyxgen/onyxgen/blob/main/docs/diagnostics/";

    public const string InvalidJsonId = "ONYX0001";
    public const string RootNotObjectId = "ONYX0002";
    public const string UnsupportedKeywordId = "ONYX0003";
    public const string InvalidPatternId = "ONYX0004";
    public const string UnresolvedRefId = "ONYX0005";
    public const string UndeclaredRequiredId = "ONYX0006";
    public const string ValueFailsSchemaId = "ONYX0007";
    public const string NameCollisionId = "ONYX0008";
    public const string UnknownSourceId = "ONYX0009";
    public const string UnknownInputTypeId = "ONYX0010";
    public const string DuplicateSourceId = "ONYX0011";
    public const string InvalidKeywordValueId = "ONYX0012";
    public const string DuplicateKeyId = "ONYX0013";

    public static readonly DiagnosticDescriptor InvalidJson = Error(InvalidJsonId, "Schema file is not valid JSON",
        "'{0}' is not valid JSON: {1}", "The schema file could not be read as JSON, so no code was generated for it.");

    public static readonly DiagnosticDescriptor RootNotObject = Error(RootNotObjectId, "Schema root is not an object schema",
        "The root of '{0}' must be an object schema (\"type\": \"object\"): {1}", "A connector config is a JSON object; the schema's root must describe one.");

    public static readonly DiagnosticDescriptor UnsupportedKeyword = Warning(UnsupportedKeywordId, "Keyword not supported",
        "Keyword '{0}' at '{1}' is not supported by OnyxGen and is ignored", "The generator does not act on this keyword; the generated type does not enforce it.");

    public static readonly DiagnosticDescriptor InvalidPattern = Error(InvalidPatternId, "Invalid pattern",
        "The pattern at '{0}' is not a valid regular expression: {1}", "A 'pattern' must be a regular expression .NET can compile.");

    public static readonly DiagnosticDescriptor UnresolvedRef = Error(UnresolvedRefId, "Unresolved or cyclic $ref",
        "The $ref '{0}' at '{1}' {2}", "A $ref must point at a schema under $defs in the same file, and must not refer to itself without an object in between.");

    public static readonly DiagnosticDescriptor UndeclaredRequired = Error(UndeclaredRequiredId, "Required property not declared",
        "'{0}' is required at '{1}' but is not declared in 'properties'", "Every name in 'required' must be a declared property, or the generated type could never satisfy it.");

    public static readonly DiagnosticDescriptor ValueFailsSchema = Error(ValueFailsSchemaId, "Value fails its own schema",
        "The {0} at '{1}' does not match its schema: {2}", "A 'default', 'const' or 'enum' value must itself be valid against the schema it belongs to.");

    public static readonly DiagnosticDescriptor NameCollision = Error(NameCollisionId, "Generated name collision",
        "The name '{0}' at '{1}' cannot be used: {2}", "An 'x-onyx-name' must be a legal C# identifier that no other member of the type uses.");

    public static readonly DiagnosticDescriptor UnknownSource = Error(UnknownSourceId, "Unknown Onyx source",
        "'{0}' is not an Onyx DocumentSource value (at '{1}')", "x-onyx-source (or the file name before .schema.json) must be a DocumentSource value such as jira or google_drive.");

    public static readonly DiagnosticDescriptor UnknownInputType = Error(UnknownInputTypeId, "Unknown Onyx input type",
        "'{0}' at '{1}' is not an Onyx input type (load_state, poll, event, slim_retrieval)", "x-onyx-input-types lists Onyx InputType values.");

    public static readonly DiagnosticDescriptor DuplicateSource = Error(DuplicateSourceId, "Two schema files for one source",
        "Source '{0}' is described by both '{1}' and '{2}'", "Each Onyx source may have one schema file in a project; the generated types would collide.");

    public static readonly DiagnosticDescriptor InvalidKeywordValue = Error(InvalidKeywordValueId, "Invalid keyword value",
        "Keyword '{0}' at '{1}' {2}", "A keyword's value has the wrong JSON type or an impossible value.");

    public static readonly DiagnosticDescriptor DuplicateKey = Warning(DuplicateKeyId, "Duplicate key",
        "Key '{0}' appears more than once in the same object at '{1}'; the last one is used", "JSON objects should not repeat a key; readers disagree on which one wins.");

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        InvalidJsonId => InvalidJson,
        RootNotObjectId => RootNotObject,
        UnsupportedKeywordId => UnsupportedKeyword,
        InvalidPatternId => InvalidPattern,
        UnresolvedRefId => UnresolvedRef,
        UndeclaredRequiredId => UndeclaredRequired,
        ValueFailsSchemaId => ValueFailsSchema,
        NameCollisionId => NameCollision,
        UnknownSourceId => UnknownSource,
        UnknownInputTypeId => UnknownInputType,
        DuplicateSourceId => DuplicateSource,
        InvalidKeywordValueId => InvalidKeywordValue,
        DuplicateKeyId => DuplicateKey,
        _ => null,
    };

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpBase + id + ".md");

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpBase + id + ".md");
}
