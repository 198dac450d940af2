using System.Text.Json;

namespace OnyxGen.Emulator.Schemas;

/// <summary>
/// The per-source table behind the connector-validation stand-in (onyx-api.md §7.3), built from the catalog schema
/// files embedded at build time plus an optional directory of extra or overriding files.
/// </summary>
internal sealed class ConnectorSchemaTable
{
    private const string ResourcePrefix = "OnyxGen.Emulator.Catalog.";
    private const string FileSuffix = ".schema.json";

    private readonly Dictionary<string, ConnectorSchema> _bySource;

    private ConnectorSchemaTable(Dictionary<string, ConnectorSchema> bySource, List<string> loadErrors)
    {
        _bySource = bySource;
        LoadErrors = loadErrors;
    }

    /// <summary>Files that could not be read; they are skipped so one broken file cannot stop the emulator.</summary>
    public IReadOnlyList<string> LoadErrors { get; }

    public IReadOnlyCollection<string> Sources => _bySource.Keys;

    public ConnectorSchema? Find(string source) => _bySource.GetValueOrDefault(source);

    public static ConnectorSchemaTable Load(string? extraDirectory)
    {
        var table = new Dictionary<string, ConnectorSchema>(StringComparer.Ordinal);
        var errors = new List<string>();
        var assembly = typeof(ConnectorSchemaTable).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            AddFrom(table, errors, stream, name[ResourcePrefix.Length..], "embedded:" + name);
        }
        if (extraDirectory is not null)
        {
            if (!Directory.Exists(extraDirectory))
                throw new DirectoryNotFoundException($"Extra schema directory not found: {extraDirectory}");
            foreach (var path in Directory.GetFiles(extraDirectory, "*" + FileSuffix).Order(StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(path);
                AddFrom(table, errors, stream, Path.GetFileName(path), path);
            }
        }
        return new ConnectorSchemaTable(table, errors);
    }

    private static void AddFrom(Dictionary<string, ConnectorSchema> table, List<string> errors, Stream stream, string fileName, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var schema = Parse(document.RootElement, fileName, origin);
            table[schema.Source] = schema; // later files (the extra directory) override embedded ones
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            errors.Add($"{origin}: {ex.Message}");
        }
    }

    internal static ConnectorSchema Parse(JsonElement root, string fileName, string origin)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("the schema is not a JSON object");
        var source = StringOr(root, "x-onyx-source")
            ?? (fileName.EndsWith(FileSuffix, StringComparison.Ordinal) ? fileName[..^FileSuffix.Length] : Path.GetFileNameWithoutExtension(fileName));
        var className = StringOr(root, "x-onyx-class") ?? DocumentSources.DefaultClassName(source);
        var credential = root.TryGetProperty("x-onyx-credential", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var oneOf = new List<IReadOnlyList<string>>();
        if (credential.ValueKind == JsonValueKind.Object && credential.TryGetProperty("oneOf", out var branches) && branches.ValueKind == JsonValueKind.Array)
        {
            foreach (var branch in branches.EnumerateArray())
                if (branch.ValueKind == JsonValueKind.Object) oneOf.Add(StringList(branch, "required"));
        }
        var additional = root.TryGetProperty("additionalProperties", out var ap) ? ap : default;
        return new ConnectorSchema
        {
            Source = source,
            ClassName = className,
            InputTypes = StringList(root, "x-onyx-input-types"),
            Properties = root.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
                ? props.EnumerateObject().Select(p => p.Name).ToList()
                : [],
            Required = StringList(root, "required"),
            // additionalProperties: false is the only form that forbids extras; a sub-schema or true allows them.
            AllowsExtraKeys = additional.ValueKind != JsonValueKind.False,
            CredentialRequired = credential.ValueKind == JsonValueKind.Object ? StringList(credential, "required") : [],
            CredentialOneOf = oneOf,
            Origin = origin,
        };
    }

    private static string? StringOr(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0 ? v.GetString() : null;

    private static List<string> StringList(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
            : [];
}
