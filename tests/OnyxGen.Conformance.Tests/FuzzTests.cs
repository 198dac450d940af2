using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace OnyxGen.Conformance.Tests;

/// <summary>
/// Never throws, always compiles: thousands of mutated and random schema files through the generator. For every input,
/// either its generated code compiles without errors, or a located ONYX error diagnostic in that file says why nothing
/// was generated. Seeded: ONYXGEN_FUZZ_SEED (default fixed, "random" for a fresh one) and ONYXGEN_FUZZ_COUNT (default 5000).
/// A failure prints the seed and writes the failing inputs to a temp directory.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_260_301;

    /// <summary>
    /// Known generator bugs (repros in docs/conformance.md). A failure matching one is counted and printed, not failed;
    /// anything else fails.
    /// </summary>
    internal static readonly (string Id, Func<string, bool> Matches)[] KnownGeneratorBugs =
    {
        // Empty: G4 (reserved member names vs nested types) and G5 (lone surrogates) are fixed in the generator.
    };

    [Fact]
    public void Generator_never_throws_and_every_input_compiles_or_has_a_located_error()
    {
        string? seedText = Environment.GetEnvironmentVariable("ONYXGEN_FUZZ_SEED");
        int seed = seedText switch
        {
            null or "" => DefaultSeed,
            "random" => Environment.TickCount & int.MaxValue,
            _ => int.Parse(seedText, CultureInfo.InvariantCulture),
        };
        int count = int.TryParse(Environment.GetEnvironmentVariable("ONYXGEN_FUZZ_COUNT"), out int n) ? n : 5000;

        var stopwatch = Stopwatch.StartNew();
        FuzzReport report = Run(seed, count);
        stopwatch.Stop();

        output.WriteLine($"seed {seed}: {report.Inputs} inputs in {stopwatch.Elapsed.TotalSeconds:0.0} s; {report.Compiled} generated code that compiled, {report.Rejected} rejected with a located error.");
        output.WriteLine(Timing);
        foreach ((string id, int hits) in report.DiagnosticCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {id}: {hits}");
        }

        foreach (var known in report.Known.GroupBy(k => k.Bug))
        {
            output.WriteLine($"  known generator bug {known.Key}: {known.Count()} input(s), e.g. #{known.First().Failure.Index} [{known.First().Failure.Recipe}]: {known.First().Failure.Problem}");
        }

        if (report.Failures.Count > 0)
        {
            string directory = Path.Combine(Path.GetTempPath(), "onyxgen-fuzz-" + seed.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            foreach (FuzzFailure failure in report.Failures)
            {
                File.WriteAllText(Path.Combine(directory, "input" + failure.Index.ToString(CultureInfo.InvariantCulture) + ".schema.json"), failure.Text);
            }

            string message = $"Fuzz failures with seed {seed} (rerun with ONYXGEN_FUZZ_SEED={seed}); inputs written to {directory}:\n"
                + string.Join("\n", report.Failures.Take(20).Select(f => $"#{f.Index} [{f.Recipe}]: {f.Problem}"));
            output.WriteLine(message);
            Assert.Fail(message);
        }

        Assert.True(report.Inputs >= count, $"only {report.Inputs} inputs ran (seed {seed})");
    }

    internal static string Timing { get; private set; } = "";

    internal sealed record FuzzFailure(int Index, string Recipe, string Text, string Problem);

    internal sealed record FuzzReport(int Inputs, int Compiled, int Rejected, List<FuzzFailure> Failures, Dictionary<string, int> DiagnosticCounts)
    {
        public List<(string Bug, FuzzFailure Failure)> Known { get; } = new();
    }

    private sealed record FuzzInput(int Index, string Path, string Source, string Text, string Recipe);

    internal static FuzzReport Run(int seed, int count)
    {
        List<string> corpus = Corpus();
        var random = new Random(seed);
        var failures = new List<FuzzFailure>();
        var diagnosticCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        int compiled = 0, rejected = 0, index = 0, batchNumber = 0;
        CSharpCompilation empty = Harness.EmptyCompilation("Fuzz");

        var mutateTime = new Stopwatch();
        var generateTime = new Stopwatch();
        var compileTime = new Stopwatch();
        var pending = new List<(List<FuzzInput> Batch, GeneratorDriverRunResult Run, Dictionary<FuzzInput, List<SyntaxTree>> Trees)>();
        while (index < count)
        {
            mutateTime.Start();
            // One batch: up to 59 files, each named after (and claiming) its own source, in a namespace of its own.
            var batch = new List<FuzzInput>();
            string directory = "/fuzz/b" + batchNumber.ToString(CultureInfo.InvariantCulture) + "/";
            for (int slot = 0; slot < Harness.Sources.Length && index < count; slot++, index++)
            {
                var mutator = new SchemaMutator(new Random(random.Next()));
                string source = Harness.Sources[slot];
                string recipe;
                string text = mutator.Random.Next(10) == 0
                    ? mutator.RandomDocument(source, out recipe)
                    : mutator.Mutate(corpus[mutator.Random.Next(corpus.Count)], source, out recipe);
                batch.Add(new FuzzInput(index, directory + source + ".schema.json", source, text, recipe));
            }

            mutateTime.Stop();
            string ns = "Fuzz.B" + batchNumber.ToString(CultureInfo.InvariantCulture);
            batchNumber++;
            GeneratorDriverRunResult run;
            try
            {
                generateTime.Start();
                run = Harness.Generate(batch.Select(b => (b.Path, b.Text)), ns, empty);
                generateTime.Stop();
            }
            catch (Exception ex)
            {
                failures.AddRange(batch.Select(b => new FuzzFailure(b.Index, b.Recipe, b.Text, "the driver threw (batch): " + ex.GetType().Name + ": " + ex.Message)));
                continue;
            }

            GeneratorRunResult result = run.Results.Single();
            if (result.Exception is not null || run.Diagnostics.Any(d => d.Id == "CS8785"))
            {
                // Find the input(s) that make the generator throw by running each alone.
                foreach (FuzzInput input in batch)
                {
                    GeneratorRunResult alone = Harness.Generate(new[] { (input.Path, input.Text) }, ns, empty).Results.Single();
                    if (alone.Exception is not null)
                    {
                        failures.Add(new FuzzFailure(input.Index, input.Recipe, input.Text, "the generator threw: " + alone.Exception));
                    }
                }

                continue;
            }

            foreach (Diagnostic diagnostic in run.Diagnostics)
            {
                diagnosticCounts[diagnostic.Id] = diagnosticCounts.GetValueOrDefault(diagnostic.Id) + 1;
            }

            // Which generated files belong to which input: the header names the schema file.
            var treesByInput = new Dictionary<FuzzInput, List<SyntaxTree>>();
            foreach (GeneratedSourceResult generated in result.GeneratedSources)
            {
                string header = generated.SourceText.Lines.Count > 1 ? generated.SourceText.Lines[1].ToString() : "";
                FuzzInput? owner = batch.FirstOrDefault(b => header.StartsWith("// Generated by OnyxGen from " + System.IO.Path.GetFileName(b.Path) + ". ", StringComparison.Ordinal));
                if (owner is null)
                {
                    failures.Add(new FuzzFailure(-1, "", generated.SourceText.ToString(), $"generated file {generated.HintName} names no input of its batch: {header}"));
                    continue;
                }

                if (!treesByInput.TryGetValue(owner, out List<SyntaxTree>? list))
                {
                    treesByInput[owner] = list = new List<SyntaxTree>();
                }

                list.Add(generated.SyntaxTree);
            }

            pending.Add((batch, run, treesByInput));
            if (pending.Sum(p => p.Trees.Count) >= 150 || index >= count)
            {
                CheckPending();
            }
        }

        CheckPending();

        void CheckPending()
        {
            if (pending.Count == 0)
            {
                return;
            }

            // Many generator batches compile together (each its own namespace): one compilation amortizes the binder's setup.
            CSharpCompilation compilation = empty.AddSyntaxTrees(pending.SelectMany(p => p.Trees.Values.SelectMany(t => t)));
            compileTime.Start();
            Diagnostic[] compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            compileTime.Stop();
            foreach (Diagnostic error in compileErrors.Where(e => e.Location.SourceTree is null))
            {
                failures.Add(new FuzzFailure(-1, "", "", "compilation error with no location: " + error));
            }

            foreach ((List<FuzzInput> batch, GeneratorDriverRunResult run, Dictionary<FuzzInput, List<SyntaxTree>> treesByInput) in pending)
            {
                foreach (FuzzInput input in batch)
                {
                    Diagnostic[] own = run.Diagnostics.Where(d => d.Location.Kind == LocationKind.ExternalFile && d.Location.GetLineSpan().Path == input.Path).ToArray();
                    Diagnostic[] unlocated = run.Diagnostics.Where(d => d.Location == Location.None).ToArray();
                    foreach (Diagnostic internalError in own.Where(d => d.GetMessage(CultureInfo.InvariantCulture).Contains("internal error", StringComparison.Ordinal)))
                    {
                        failures.Add(new FuzzFailure(input.Index, input.Recipe, input.Text, "the generator caught its own exception: " + internalError));
                    }

                    if (treesByInput.TryGetValue(input, out List<SyntaxTree>? trees))
                    {
                        Diagnostic[] errors = compileErrors.Where(e => e.Location.SourceTree is SyntaxTree tree && trees.Contains(tree)).ToArray();
                        if (errors.Length > 0)
                        {
                            failures.Add(new FuzzFailure(input.Index, input.Recipe, input.Text, "generated code does not compile: " + string.Join(" | ", errors.Take(3).Select(e => e.ToString()))));
                        }
                        else
                        {
                            compiled++;
                        }
                    }
                    else if (own.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("ONYX", StringComparison.Ordinal)))
                    {
                        rejected++;
                    }
                    else
                    {
                        failures.Add(new FuzzFailure(input.Index, input.Recipe, input.Text,
                            "no code and no located ONYX error in this file; diagnostics: " + string.Join(" | ", own.Concat(unlocated).Select(d => d.ToString()).DefaultIfEmpty("none"))));
                    }
                }
            }

            pending.Clear();
        }

        Timing = $"mutate {mutateTime.Elapsed.TotalSeconds:0.0} s, generate {generateTime.Elapsed.TotalSeconds:0.0} s, compile {compileTime.Elapsed.TotalSeconds:0.0} s";
        var report = new FuzzReport(index, compiled, rejected, new List<FuzzFailure>(), diagnosticCounts);
        foreach (FuzzFailure failure in failures)
        {
            string? bug = KnownGeneratorBugs.FirstOrDefault(b => b.Matches(failure.Problem)).Id;
            if (bug is null)
            {
                report.Failures.Add(failure);
            }
            else
            {
                report.Known.Add((bug, failure));
            }
        }

        return report;
    }

    /// <summary>The seeds mutations start from: the catalog, the keyword-coverage schema, the differential schemas and wrapped test-suite schemas.</summary>
    private static List<string> Corpus()
    {
        var corpus = new List<string>();
        corpus.AddRange(Directory.GetFiles(Harness.CatalogDirectory, "*.schema.json").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText));
        corpus.Add(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestSchemas", "keywords.schema.json")));
        string differential = Path.Combine(AppContext.BaseDirectory, "DifferentialSchemas");
        if (Directory.Exists(differential))
        {
            corpus.AddRange(Directory.GetFiles(differential, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText));
        }

        string suite = Path.Combine(Harness.RepositoryRoot, "tests", "OnyxGen.Conformance.Tests", "JsonSchemaTestSuite", "draft2020-12");
        if (Directory.Exists(suite))
        {
            foreach (string file in Directory.GetFiles(suite, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
                corpus.AddRange(document.RootElement.EnumerateArray().Select(c => TestSuiteTests.Wrap(c.GetProperty("schema"), "mock_connector")));
            }
        }

        return corpus;
    }
}
