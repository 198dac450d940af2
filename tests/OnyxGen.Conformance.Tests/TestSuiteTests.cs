using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace OnyxGen.Conformance.Tests;

/// <summary>
/// The official JSON Schema Test Suite (draft 2020-12 and its optional format cases) run through generated types.
/// Each case's schema becomes <c>$defs/root</c> of a wrapper object schema whose one required property, <c>value</c>,
/// refers to it; each test's data is checked as <c>{"value": data}</c> with the generated <c>ValidateJson</c>.
/// </summary>
public sealed class TestSuiteTests(ITestOutputHelper output)
{
    private static readonly string SuiteDirectory = Path.Combine(
        Environment.GetEnvironmentVariable("ONYXGEN_TEST_SUITE") ?? Path.Combine(Harness.RepositoryRoot, "tests", "OnyxGen.Conformance.Tests", "JsonSchemaTestSuite"),
        "draft2020-12");

    /// <summary>
    /// Cases (file, case description) the generator does not support, with why. Each must get a located ONYX0003
    /// (unsupported keyword) or ONYX0005 (unresolved $ref) diagnostic; one that stops getting it fails the test, so the list
    /// stays exact. Nothing else is skipped.
    /// </summary>
    internal static readonly Dictionary<(string File, string Case), string> Unsupported = new()
    {
        // patternProperties, propertyNames, dependentSchemas: not in OnyxGen's schema language (ONYX0003).
        [("additionalProperties.json", "additionalProperties being false does not allow other properties")] = "patternProperties",
        [("additionalProperties.json", "non-ASCII pattern with additionalProperties")] = "patternProperties",
        [("additionalProperties.json", "additionalProperties with propertyNames")] = "propertyNames",
        [("additionalProperties.json", "dependentSchemas with additionalProperties")] = "dependentSchemas",
        [("properties.json", "properties, patternProperties, additionalProperties interaction")] = "patternProperties",

        // prefixItems (tuples): not supported (ONYX0003).
        [("items.json", "items and subitems")] = "prefixItems",
        [("items.json", "items does not look in applicators, valid case")] = "prefixItems",
        [("items.json", "items with heterogeneous array")] = "prefixItems",
        [("items.json", "prefixItems validation adjusts the starting index for items")] = "prefixItems",
        [("items.json", "prefixItems with no additional items allowed")] = "prefixItems",
        [("uniqueItems.json", "uniqueItems with an array of items")] = "prefixItems",
        [("uniqueItems.json", "uniqueItems with an array of items and additionalItems=false")] = "prefixItems",
        [("uniqueItems.json", "uniqueItems=false with an array of items")] = "prefixItems",
        [("uniqueItems.json", "uniqueItems=false with an array of items and additionalItems=false")] = "prefixItems",
        [("ref.json", "relative pointer ref to array")] = "prefixItems",

        // unevaluatedProperties, if/then/else: not supported (ONYX0003).
        [("ref.json", "ref creates new scope when adjacent to keywords")] = "unevaluatedProperties",
        [("ref.json", "ref to if")] = "if, and a $ref by $id URI",
        [("ref.json", "ref to then")] = "then, and a $ref by $id URI",
        [("ref.json", "ref to else")] = "else, and a $ref by $id URI",

        // Remote references (other documents, the meta-schema): only JSON pointers within the file resolve (ONYX0005).
        [("defs.json", "validate definition against metaschema")] = "remote $ref to the 2020-12 meta-schema",
        [("ref.json", "remote ref, containing refs itself")] = "remote $ref to the 2020-12 meta-schema",
        [("ref.json", "ref with absolute-path-reference")] = "$ref to another document (/absref/foobar.json)",

        // $id-based resolution (base URIs, URNs, relative document refs) and $anchor: not supported (ONYX0005).
        [("ref.json", "$id must be resolved against nearest parent, not just immediate parent")] = "$ref by $id URI",
        [("ref.json", "Recursive references between schemas")] = "$ref by relative $id ('node')",
        [("ref.json", "URN base URI with URN and JSON pointer ref")] = "$ref by URN $id",
        [("ref.json", "URN base URI with URN and anchor ref")] = "$ref by URN $id and $anchor",
        [("ref.json", "URN ref with nested pointer ref")] = "$ref by URN $id",
        [("ref.json", "simple URN base URI with $ref via the URN")] = "$ref by URN $id",
        [("ref.json", "order of evaluation: $id and $anchor and $ref")] = "$ref to an $anchor",
        [("ref.json", "order of evaluation: $id and $ref on nested schema")] = "$ref by relative $id",
        [("ref.json", "order of evaluation: $id and $ref")] = "$ref by relative $id",
        [("ref.json", "refs with relative uris and defs")] = "$ref by relative $id",
        [("ref.json", "relative refs with absolute uris and defs")] = "$ref by relative $id",
    };

    /// <summary>
    /// Tests that fail because of a known generator bug (repros in docs/conformance.md). Keyed by (file, case, test);
    /// test "*" is the whole case. They count as failures in the table; the test fails when one of them starts passing
    /// (remove the entry) or any other test fails.
    /// </summary>
    internal static readonly Dictionary<(string File, string Case, string Test), string> KnownGeneratorBugs = new()
    {
        // Empty: G1 (typed multipleOf) and G2 (ECMA-262 Unicode property names) are fixed in the generator.
    };

    [Fact]
    public void Every_case_of_every_supported_keyword_passes()
    {
        Assert.True(Directory.Exists(SuiteDirectory), "The JSON Schema Test Suite is not at " + SuiteDirectory + " (set ONYXGEN_TEST_SUITE).");
        SuiteResult result = Run();

        var problems = new List<string>();
        foreach (CaseOutcome outcome in result.Outcomes)
        {
            var key = (outcome.File, outcome.Case);
            bool listed = Unsupported.ContainsKey(key);
            string? bug = KnownBug(outcome);
            if (bug is not null)
            {
                if (outcome.Kind == OutcomeKind.Pass)
                {
                    problems.Add($"{outcome.File} / {outcome.Case} / {outcome.Test}: passes now; remove it from KnownGeneratorBugs ({bug}).");
                }
            }
            else if (outcome.Kind == OutcomeKind.Unsupported && !listed)
            {
                problems.Add($"{outcome.File} / {outcome.Case} / {outcome.Test}: unsupported ({outcome.Detail}) but not in the explicit Unsupported list.");
            }
            else if (outcome.Kind != OutcomeKind.Unsupported && listed)
            {
                problems.Add($"{outcome.File} / {outcome.Case} / {outcome.Test}: listed as unsupported ({Unsupported[key]}) but the generator reported no ONYX0003/ONYX0005 for it (outcome: {outcome.Kind} {outcome.Detail}).");
            }
            else if (outcome.Kind == OutcomeKind.Fail)
            {
                problems.Add($"{outcome.File} / {outcome.Case} / {outcome.Test}: FAIL {outcome.Detail}");
            }
        }

        foreach (var known in KnownGeneratorBugs.Keys.Where(k => !result.Outcomes.Any(o => o.File == k.File && o.Case == k.Case && (k.Test == "*" || o.Test == k.Test))))
        {
            problems.Add($"KnownGeneratorBugs names a test the suite does not have: {known}.");
        }

        foreach (var listed in Unsupported.Keys.Where(k => !result.Outcomes.Any(o => o.File == k.File && o.Case == k.Case)))
        {
            problems.Add($"Unsupported list names a case the suite does not have: {listed}.");
        }

        string table = Table(result);
        output.WriteLine(table);
        foreach (string problem in problems)
        {
            output.WriteLine(problem);
        }

        string? doc = ConformanceDoc.Check("test-suite", table);
        Assert.True(problems.Count == 0, problems.Count + " problem(s):\n" + string.Join("\n", problems));
        Assert.True(doc is null, doc);
    }

    internal enum OutcomeKind
    {
        Pass,
        Fail,
        Unsupported,
    }

    internal sealed record CaseOutcome(string Keyword, string File, string Case, string Test, OutcomeKind Kind, string Detail);

    internal sealed record SuiteResult(List<CaseOutcome> Outcomes);

    private sealed record SuiteCase(string Keyword, string File, int Index, string Description, string Source, string Path, string SchemaText, JsonElement[] Data, bool[] Valid, string[] TestDescriptions);

    internal static string Table(SuiteResult result)
    {
        var rows = result.Outcomes.GroupBy(o => o.File).OrderBy(g => g.Key.StartsWith("optional/", StringComparison.Ordinal) ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            int pass = g.Count(o => o.Kind == OutcomeKind.Pass);
            int fail = g.Count(o => o.Kind == OutcomeKind.Fail);
            int unsupported = g.Count(o => o.Kind == OutcomeKind.Unsupported);
            int supported = pass + fail;
            string rate = supported == 0 ? "–" : (100.0 * pass / supported).ToString("0.#", CultureInfo.InvariantCulture) + "%";
            return new[] { "`" + g.First().Keyword + "`" + (g.Key.StartsWith("optional/", StringComparison.Ordinal) ? " (format)" : ""), g.Count().ToString(CultureInfo.InvariantCulture), pass.ToString(CultureInfo.InvariantCulture), fail.ToString(CultureInfo.InvariantCulture), unsupported.ToString(CultureInfo.InvariantCulture), rate };
        }).ToList();
        int all = result.Outcomes.Count;
        int passed = result.Outcomes.Count(o => o.Kind == OutcomeKind.Pass);
        int failed = result.Outcomes.Count(o => o.Kind == OutcomeKind.Fail);
        int skipped = result.Outcomes.Count(o => o.Kind == OutcomeKind.Unsupported);
        rows.Add(new[] { "**total**", all.ToString(CultureInfo.InvariantCulture), passed.ToString(CultureInfo.InvariantCulture), failed.ToString(CultureInfo.InvariantCulture), skipped.ToString(CultureInfo.InvariantCulture), (100.0 * passed / Math.Max(1, passed + failed)).ToString("0.#", CultureInfo.InvariantCulture) + "%" });
        return ConformanceDoc.Table(new[] { "Keyword (file)", "Tests", "Pass", "Fail", "Unsupported", "Pass rate (supported)" }, rows);
    }

    internal static SuiteResult Run()
    {
        var files = Directory.GetFiles(SuiteDirectory, "*.json").Concat(Directory.GetFiles(Path.Combine(SuiteDirectory, "optional", "format"), "*.json"))
            .Select(f => Path.GetRelativePath(SuiteDirectory, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

        var outcomes = new List<CaseOutcome>();
        var trees = new List<(SyntaxTree Tree, SuiteCase Case, string Namespace)>();
        var generated = new List<(SuiteCase Case, string Namespace)>();
        for (int f = 0; f < files.Length; f++)
        {
            string file = files[f];
            string keyword = Path.GetFileNameWithoutExtension(file);
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SuiteDirectory, file)));
            JsonElement[] caseElements = document.RootElement.EnumerateArray().ToArray();

            // One generator run per batch of up to 59 cases: each case its own schema file and DocumentSource.
            for (int batchStart = 0; batchStart < caseElements.Length; batchStart += Harness.Sources.Length)
            {
                string ns = "Suite.F" + f.ToString(CultureInfo.InvariantCulture) + "B" + batchStart.ToString(CultureInfo.InvariantCulture);
                var cases = new List<SuiteCase>();
                for (int i = batchStart; i < Math.Min(caseElements.Length, batchStart + Harness.Sources.Length); i++)
                {
                    JsonElement c = caseElements[i];
                    string source = Harness.Sources[i - batchStart];
                    JsonElement[] tests = c.GetProperty("tests").EnumerateArray().ToArray();
                    cases.Add(new SuiteCase(
                        keyword,
                        file,
                        i,
                        c.GetProperty("description").GetString()!,
                        source,
                        $"/suite/{file.Replace('/', '_')}/case{i}.schema.json",
                        Wrap(c.GetProperty("schema"), source),
                        tests.Select(t => JsonDocument.Parse("{\"value\": " + t.GetProperty("data").GetRawText() + "}").RootElement.Clone()).ToArray(),
                        tests.Select(t => t.GetProperty("valid").GetBoolean()).ToArray(),
                        tests.Select(t => t.GetProperty("description").GetString()!).ToArray()));
                }

                GeneratorDriverRunResult run = Harness.Generate(cases.Select(c => (c.Path, c.SchemaText)), ns);
                GeneratorRunResult single = run.Results.Single();
                if (single.Exception is not null)
                {
                    throw new InvalidOperationException($"The generator threw on {file}: {single.Exception}");
                }

                foreach (SuiteCase suiteCase in cases)
                {
                    Diagnostic[] diagnostics = run.Diagnostics.Where(d => d.Location.GetLineSpan().Path == suiteCase.Path).ToArray();
                    Diagnostic[] unsupported = diagnostics.Where(d => d.Id is "ONYX0003" or "ONYX0005").ToArray();
                    Diagnostic[] errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id is not "ONYX0005").ToArray();
                    GeneratedSourceResult[] sources = single.GeneratedSources.Where(s => s.SourceText.ToString().Contains("SchemaFile = \"" + Path.GetFileName(suiteCase.Path) + "\"", StringComparison.Ordinal)).ToArray();
                    if (unsupported.Length > 0)
                    {
                        string detail = string.Join("; ", unsupported.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)));
                        outcomes.AddRange(suiteCase.TestDescriptions.Select(t => new CaseOutcome(keyword, file, suiteCase.Description, t, OutcomeKind.Unsupported, detail)));
                    }
                    else if (errors.Length > 0 || sources.Length == 0)
                    {
                        string detail = errors.Length > 0
                            ? "the generator rejected the schema: " + string.Join("; ", errors.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)))
                            : "the generator produced no code and no diagnostic";
                        outcomes.AddRange(suiteCase.TestDescriptions.Select(t => new CaseOutcome(keyword, file, suiteCase.Description, t, OutcomeKind.Fail, detail)));
                    }
                    else
                    {
                        trees.AddRange(sources.Select(s => (s.SyntaxTree, suiteCase, ns)));
                        generated.Add((suiteCase, ns));
                    }
                }
            }
        }

        // One compilation for every generated file; a case whose code does not compile is a failure, and is left out.
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = Harness.EmptyCompilation("SuiteProbe").AddSyntaxTrees(trees.Select(t => t.Tree));
        var broken = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is not null)
            .GroupBy(d => trees.First(t => t.Tree == d.Location.SourceTree).Case)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Take(3).Select(d => d.ToString())));
        foreach ((SuiteCase suiteCase, string detail) in broken)
        {
            outcomes.AddRange(suiteCase.TestDescriptions.Select(t => new CaseOutcome(suiteCase.Keyword, suiteCase.File, suiteCase.Description, t, OutcomeKind.Fail, "generated code does not compile: " + detail)));
        }

        Assembly assembly = Harness.CompileAndLoad(trees.Where(t => !broken.ContainsKey(t.Case)).Select(t => t.Tree), "Suite");
        foreach ((SuiteCase suiteCase, string ns) in generated.Where(g => !broken.ContainsKey(g.Case)))
        {
            var access = new Harness.ConfigAccess(Harness.ConfigType(assembly, ns, suiteCase.Source));
            for (int t = 0; t < suiteCase.Data.Length; t++)
            {
                string test = suiteCase.TestDescriptions[t];
                try
                {
                    IReadOnlyList<OnyxValidationError> errors = access.ValidateJson(suiteCase.Data[t]);
                    bool valid = errors.Count == 0;
                    string detail = valid == suiteCase.Valid[t]
                        ? ""
                        : $"expected {(suiteCase.Valid[t] ? "valid" : "invalid")}, got {(valid ? "valid" : "invalid: " + string.Join("; ", errors.Select(e => e.Pointer + " " + e.Message)))}; data {suiteCase.Data[t].GetProperty("value").GetRawText()}";
                    outcomes.Add(new CaseOutcome(suiteCase.Keyword, suiteCase.File, suiteCase.Description, test, valid == suiteCase.Valid[t] ? OutcomeKind.Pass : OutcomeKind.Fail, detail));
                }
                catch (Exception ex)
                {
                    outcomes.Add(new CaseOutcome(suiteCase.Keyword, suiteCase.File, suiteCase.Description, test, OutcomeKind.Fail, "ValidateJson threw " + ex.GetType().Name + ": " + ex.Message));
                }
            }
        }

        // A known generator bug that shows as "unsupported" (a keyword the generator should support) counts as a failure.
        outcomes = outcomes.Select(o => o.Kind == OutcomeKind.Unsupported && KnownBug(o) is string bug
            ? o with { Kind = OutcomeKind.Fail, Detail = "generator bug " + bug + ": " + o.Detail }
            : o).ToList();
        return new SuiteResult(outcomes);
    }

    private static string? KnownBug(CaseOutcome outcome)
    {
        return KnownGeneratorBugs.TryGetValue((outcome.File, outcome.Case, outcome.Test), out string? bug)
            || KnownGeneratorBugs.TryGetValue((outcome.File, outcome.Case, "*"), out bug)
            ? bug
            : null;
    }

    /// <summary>The case's schema as <c>$defs/root</c> of a mock connector's object schema with one required property, <c>value</c>.</summary>
    internal static string Wrap(JsonElement schema, string source)
    {
        JsonNode root = RewriteRefs(JsonNode.Parse(schema.GetRawText()));
        var wrapper = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["value"] = new JsonObject { ["$ref"] = "#/$defs/root" } },
            ["required"] = new JsonArray("value"),
            ["x-onyx-source"] = source,
            ["$defs"] = new JsonObject { ["root"] = root },
        };
        return wrapper.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static readonly HashSet<string> SchemaMapKeywords = new(StringComparer.Ordinal) { "properties", "$defs", "definitions", "patternProperties", "dependentSchemas" };
    private static readonly HashSet<string> SchemaArrayKeywords = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };
    private static readonly HashSet<string> SchemaKeywords = new(StringComparer.Ordinal) { "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema" };

    /// <summary>Rewrites the $refs of a schema moved to <c>#/$defs/root</c>: <c>#</c> → <c>#/$defs/root</c>, <c>#/x</c> → <c>#/$defs/root/x</c>.</summary>
    private static JsonNode RewriteRefs(JsonNode? schema)
    {
        if (schema is JsonObject obj)
        {
            foreach (KeyValuePair<string, JsonNode?> member in obj.ToArray())
            {
                if (member.Key == "$ref" && member.Value is JsonValue refValue && refValue.TryGetValue(out string? target))
                {
                    if (target == "#")
                    {
                        obj["$ref"] = "#/$defs/root";
                    }
                    else if (target.StartsWith("#/", StringComparison.Ordinal))
                    {
                        obj["$ref"] = "#/$defs/root" + target.Substring(1);
                    }
                }
                else if (SchemaMapKeywords.Contains(member.Key) && member.Value is JsonObject map)
                {
                    foreach (KeyValuePair<string, JsonNode?> entry in map.ToArray())
                    {
                        RewriteRefs(entry.Value);
                    }
                }
                else if (SchemaArrayKeywords.Contains(member.Key) && member.Value is JsonArray list)
                {
                    foreach (JsonNode? item in list)
                    {
                        RewriteRefs(item);
                    }
                }
                else if (SchemaKeywords.Contains(member.Key))
                {
                    RewriteRefs(member.Value);
                }
            }
        }

        return schema ?? JsonValue.Create((string?)null)!;
    }
}
