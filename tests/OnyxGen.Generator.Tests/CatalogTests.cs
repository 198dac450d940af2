using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Xunit;

namespace OnyxGen.Generator.Tests;

/// <summary>
/// The catalog as a whole: schemas/catalog.json pins it and lists exactly the schema files present, every file names its
/// own source, and docs/connectors.md is rendered from the schemas (run with ONYXGEN_ACCEPT_DOCS=1 to rewrite it).
/// </summary>
public sealed class CatalogTests
{
    private const string PinnedCommit = "a7d66a8b778c3f9026c4f89dae47d14a3f84816f";

    [Fact]
    public void Catalog_json_pins_the_version_and_the_onyx_commit()
    {
        using JsonDocument catalog = JsonDocument.Parse(File.ReadAllText(CatalogJsonPath()));
        JsonElement root = catalog.RootElement;
        Assert.Equal("1.0.0", root.GetProperty("catalogVersion").GetString());
        Assert.Equal("onyx-dot-app/onyx", root.GetProperty("onyxRepository").GetString());
        Assert.Equal(PinnedCommit, root.GetProperty("onyxCommit").GetString());
    }

    [Fact]
    public void Catalog_json_sources_are_the_schema_files_present()
    {
        using JsonDocument catalog = JsonDocument.Parse(File.ReadAllText(CatalogJsonPath()));
        string[] listed = catalog.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToArray();

        Assert.Equal(listed.Order(StringComparer.Ordinal), listed); // sorted
        Assert.Equal(SchemaSources(RepoSchemaDirectory()), listed);
        Assert.Equal(SchemaSources(GeneratorHarness.CatalogDirectory), listed); // what the tests and the emulator see
    }

    [Fact]
    public void Every_schema_names_its_own_source()
    {
        foreach (string path in SchemaFiles())
        {
            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(path));
            string source = SourceOf(path);
            Assert.True(schema.RootElement.TryGetProperty("x-onyx-source", out JsonElement value), $"{source}: no x-onyx-source");
            Assert.Equal(source, value.GetString());
        }
    }

    [Fact]
    public void Connectors_doc_is_up_to_date()
    {
        string path = Path.Combine(RepoRoot(), "docs", "connectors.md");
        string rendered = RenderConnectorsDoc();
        if (Environment.GetEnvironmentVariable("ONYXGEN_ACCEPT_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
            return;
        }

        Assert.True(File.Exists(path), $"No {path}. Run with ONYXGEN_ACCEPT_DOCS=1 to create it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != rendered)
        {
            string[] e = expected.Split('\n'), a = rendered.Split('\n');
            int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"docs/connectors.md is out of date with the schemas at line {line + 1}:\n  file:     {(line < e.Length ? e[line] : "<end>")}\n  rendered: {(line < a.Length ? a[line] : "<end>")}\nRun the tests with ONYXGEN_ACCEPT_DOCS=1 to rewrite it, and review the diff.");
        }
    }

    /// <summary>The markdown table of every connector, from the schema files alone.</summary>
    internal static string RenderConnectorsDoc()
    {
        using JsonDocument catalog = JsonDocument.Parse(File.ReadAllText(CatalogJsonPath()));
        JsonElement pin = catalog.RootElement;
        string[] files = SchemaFiles();
        var sb = new StringBuilder();
        sb.Append("<!--\n");
        sb.Append("  Generated from schemas/connectors/*.schema.json by CatalogTests.Connectors_doc_is_up_to_date. Do not edit by hand:\n");
        sb.Append("  change the schemas, then run\n");
        sb.Append("    ONYXGEN_ACCEPT_DOCS=1 dotnet test tests/OnyxGen.Generator.Tests --filter Connectors_doc_is_up_to_date\n");
        sb.Append("  to rewrite this file, and review the diff. Without the variable the test fails when this file differs.\n");
        sb.Append("-->\n");
        sb.Append("# Onyx connectors in the OnyxGen catalog\n\n");
        sb.Append($"Catalog {pin.GetProperty("catalogVersion").GetString()}, read from [{pin.GetProperty("onyxRepository").GetString()}](https://github.com/{pin.GetProperty("onyxRepository").GetString()}) ");
        sb.Append($"at commit `{pin.GetProperty("onyxCommit").GetString()}` (pinned in `schemas/catalog.json`): {files.Length} connectors.\n\n");
        sb.Append("- **Input types**: the ones the connector class accepts; the first is the one the admin UI sends and the default when none is given.\n");
        sb.Append("- **Config properties** (`connector_specific_config`): JSON name, JSON type, **required** when the Python parameter has no default, ");
        sb.Append("and the Python default when it is a literal (Onyx applies it when the property is omitted).\n");
        sb.Append("- **Credential keys** (`credential_json`): 🔒 marks a secret; **required** keys are needed in every mode; ");
        sb.Append("**Modes** lists the keys each alternative authentication mode needs (one mode must be complete). ");
        sb.Append("\"none\": the connector reads no credential keys (use credential 0, the empty public credential).\n");
        sb.Append("- **Perm sync**: whether Onyx supports permission sync (`access_type: sync`) for the source.\n\n");
        sb.Append("| Source | Title | Input types | Config properties | Credential keys | Perm sync |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        foreach (string path in files)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement schema = document.RootElement;
            string source = SourceOf(path);
            string title = schema.TryGetProperty("title", out JsonElement t) ? t.GetString() ?? source : source;
            string inputs = schema.TryGetProperty("x-onyx-input-types", out JsonElement it)
                ? string.Join(", ", it.EnumerateArray().Select(i => $"`{i.GetString()}`"))
                : "";
            bool permSync = schema.TryGetProperty("x-onyx-perm-sync", out JsonElement ps) && ps.ValueKind == JsonValueKind.True;
            sb.Append($"| `{source}` | {Cell(title)} | {inputs} | {ConfigCell(schema)} | {CredentialCell(schema)} | {(permSync ? "yes" : "no")} |\n");
        }

        return sb.ToString();
    }

    private static string ConfigCell(JsonElement schema)
    {
        var required = RequiredSet(schema);
        var lines = new List<string>();
        if (schema.TryGetProperty("properties", out JsonElement props))
        {
            foreach (JsonProperty p in props.EnumerateObject())
            {
                var line = new StringBuilder($"`{p.Name}`: {TypeText(p.Value)}");
                if (required.Contains(p.Name))
                {
                    line.Append(", **required**");
                }

                if (p.Value.TryGetProperty("default", out JsonElement d))
                {
                    line.Append($", default `{d.GetRawText()}`");
                }

                if (p.Value.TryGetProperty("deprecated", out JsonElement dep) && dep.ValueKind == JsonValueKind.True)
                {
                    line.Append(", deprecated");
                }

                lines.Add(line.ToString());
            }
        }

        if (!schema.TryGetProperty("additionalProperties", out JsonElement ap) || ap.ValueKind != JsonValueKind.False)
        {
            lines.Add("(extra keys accepted)");
        }

        return lines.Count == 0 ? "none" : Cell(string.Join("<br>", lines));
    }

    private static string CredentialCell(JsonElement schema)
    {
        if (!schema.TryGetProperty("x-onyx-credential", out JsonElement credential)
            || !credential.TryGetProperty("properties", out JsonElement props)
            || !props.EnumerateObject().Any())
        {
            return "none";
        }

        var required = RequiredSet(credential);
        var lines = new List<string>();
        foreach (JsonProperty p in props.EnumerateObject())
        {
            bool secret = p.Value.TryGetProperty("x-onyx-secret", out JsonElement s) && s.ValueKind == JsonValueKind.True;
            lines.Add($"`{p.Name}`{(secret ? " 🔒" : "")}{(required.Contains(p.Name) ? ", **required**" : "")}");
        }

        if (credential.TryGetProperty("oneOf", out JsonElement oneOf))
        {
            var modes = oneOf.EnumerateArray().Select(branch =>
            {
                string title = branch.TryGetProperty("title", out JsonElement bt) ? bt.GetString() ?? "" : "";
                string keys = string.Join(", ", RequiredList(branch).Select(k => $"`{k}`"));
                return $"{title}: {(keys.Length == 0 ? "no keys" : keys)}";
            });
            lines.Add("**Modes**: " + string.Join("; ", modes));
        }

        return Cell(string.Join("<br>", lines));
    }

    private static string TypeText(JsonElement property)
    {
        string[] types = property.TryGetProperty("type", out JsonElement t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : new[] { t.GetString()! }
            : new[] { "any" };
        string text = string.Join(" | ", types.Select(type =>
            type == "array" && property.TryGetProperty("items", out JsonElement items) && items.TryGetProperty("type", out JsonElement itemType) && itemType.ValueKind == JsonValueKind.String
                ? $"array of {itemType.GetString()}"
                : type));
        if (property.TryGetProperty("enum", out JsonElement values))
        {
            text += " (" + string.Join(", ", values.EnumerateArray().Select(v => v.GetRawText())) + ")";
        }

        if (property.TryGetProperty("format", out JsonElement format))
        {
            text += $", format {format.GetString()}";
        }

        return text;
    }

    private static HashSet<string> RequiredSet(JsonElement schema) => new(RequiredList(schema), StringComparer.Ordinal);

    private static IEnumerable<string> RequiredList(JsonElement schema) =>
        schema.TryGetProperty("required", out JsonElement r) ? r.EnumerateArray().Select(x => x.GetString()!) : Array.Empty<string>();

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    private static string[] SchemaFiles() =>
        Directory.GetFiles(GeneratorHarness.CatalogDirectory, "*.schema.json").OrderBy(SourceOf, StringComparer.Ordinal).ToArray();

    private static string[] SchemaSources(string directory) =>
        Directory.GetFiles(directory, "*.schema.json").Select(SourceOf).Order(StringComparer.Ordinal).ToArray();

    private static string SourceOf(string path) => Path.GetFileName(path)[..^".schema.json".Length];

    private static string CatalogJsonPath() => Path.Combine(RepoRoot(), "schemas", "catalog.json");

    private static string RepoSchemaDirectory() => Path.Combine(RepoRoot(), "schemas", "connectors");

    private static string RepoRoot([CallerFilePath] string testFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", ".."));
}
