using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OnyxGen.Generator;

namespace OnyxGen.Benchmarks;

/// <summary>
/// Incremental runs from a warm driver (what the IDE does on a keystroke): an unrelated C# edit with the full catalog,
/// and one schema edited among the catalog's 54 and among 100 synthetic schemas. Baseline: the same set run cold.
/// </summary>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private IncrementalScenario _scenario = null!;

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = IncrementalScenario.CSharpEditCatalog;

    public static IEnumerable<string> Scenarios => IncrementalScenario.All;

    [GlobalSetup]
    public void Setup() => _scenario = IncrementalScenario.Create(Scenario, trackSteps: false);

    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => GeneratorHost.CreateDriver(_scenario.Texts).RunGenerators(_scenario.Compilation);

    [Benchmark]
    public GeneratorDriver Incremental() => _scenario.RunEdit();
}

/// <summary>A warm driver and one edit to apply to it.</summary>
public sealed class IncrementalScenario
{
    public const string CSharpEditCatalog = "csharp-edit/catalog";
    public const string SchemaEditCatalog = "schema-edit/catalog";
    public const string SchemaEdit100 = "schema-edit/syn-100";

    public static readonly string[] All = [CSharpEditCatalog, SchemaEditCatalog, SchemaEdit100];

    private GeneratorDriver _warm = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText? _oldText;
    private AdditionalText? _newText;

    public AdditionalText[] Texts { get; private set; } = [];

    public CSharpCompilation Compilation { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public static IncrementalScenario Create(string name, bool trackSteps)
    {
        // 100 synthetic schemas in ONE compilation: 50 sources, each claimed by two files, so the second of each pair is
        // parsed, reported as ONYX0011 and not emitted (one compilation cannot hold more than one schema per source).
        SchemaFile[] files = name == SchemaEdit100 ? SyntheticSchemas.Create(100) : SchemaSets.LoadCatalog();
        var scenario = new IncrementalScenario { Name = name, Texts = GeneratorHost.Texts(files) };
        scenario.Compilation = GeneratorHost.Compilation("public class UserCode { public int A; }", "public class Other { }");
        scenario._warm = GeneratorHost.CreateDriver(scenario.Texts, trackSteps).RunGenerators(scenario.Compilation);
        if (name == CSharpEditCatalog)
        {
            SyntaxTree tree = scenario.Compilation.SyntaxTrees.First();
            scenario._edited = scenario.Compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("public class UserCode { public int A; public int B; }", GeneratorHost.ParseOptions));
        }
        else
        {
            // Edit a description near the end of a file (the source claim and its location stay the same). Index 7 is a
            // schema that generates code in both sets (among 100, the first file of each source wins).
            AdditionalText old = scenario.Texts[7];
            string text = old.GetText()!.ToString();
            int at = text.LastIndexOf("\"description\": \"", StringComparison.Ordinal) + "\"description\": \"".Length;
            scenario._oldText = old;
            scenario._newText = new InMemoryAdditionalText(old.Path, text.Insert(at, "Edited. "));
            scenario._edited = scenario.Compilation;
        }

        return scenario;
    }

    public GeneratorDriver RunEdit()
    {
        GeneratorDriver driver = _oldText is null ? _warm : _warm.ReplaceAdditionalText(_oldText, _newText!);
        return driver.RunGenerators(_edited);
    }

    /// <summary>How many Parse and Emit step outputs re-ran (Modified or New) after the edit, out of how many.</summary>
    public static string Counts(string name)
    {
        IncrementalScenario scenario = Create(name, trackSteps: true);
        GeneratorRunResult result = scenario.RunEdit().GetRunResult().Results[0];
        string Count(string step)
        {
            var reasons = result.TrackedSteps.TryGetValue(step, out var steps)
                ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray()
                : [];
            int rerun = reasons.Count(r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
            return $"{rerun}/{reasons.Length}";
        }

        string otherReruns = string.Join(", ", result.TrackedSteps
            .Where(kv => kv.Key != TrackingNames.Parse && kv.Key != TrackingNames.Emit)
            .Select(kv => (kv.Key, Count: kv.Value.SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)))
            .Where(x => x.Count > 0)
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => $"{x.Key.Replace("OnyxGen.", "", StringComparison.Ordinal)} {x.Count}"));
        int sourcesOut = result.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        return $"| {name} | {scenario.Texts.Length} | {Count(TrackingNames.Parse)} | {Count(TrackingNames.Emit)} | {(otherReruns.Length == 0 ? "none" : otherReruns)} | {sourcesOut} | {result.GeneratedSources.Length} |";
    }
}
