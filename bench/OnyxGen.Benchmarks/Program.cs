using System.Diagnostics;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using OnyxGen.Benchmarks;

// Usage (from the repository root):
//   dotnet run -c Release --project bench/OnyxGen.Benchmarks -- --short    a few minutes: fewer sizes, 2 warm-up + 5 measured iterations
//   dotnet run -c Release --project bench/OnyxGen.Benchmarks -- --full     every size, 5 warm-up + 15 measured iterations
//   dotnet run -c Release --project bench/OnyxGen.Benchmarks -- --facts    only the counts (incremental re-runs, set sizes)
//   dotnet run -c Release --project bench/OnyxGen.Benchmarks -- --quick    a stopwatch look at the generator's cold cost (seconds; not a benchmark)
// Anything else is passed to BenchmarkDotNet, e.g. --filter '*Provisioning*'. Results: bench/OnyxGen.Benchmarks/BenchmarkDotNet.Artifacts.
bool full = args.Contains("--full");
bool factsOnly = args.Contains("--facts");
if (args.Contains("--quick"))
{
    QuickLook.Run();
    return 0;
}

BenchSettings.Full = full;
string[] rest = args.Where(a => a is not "--short" and not "--full" and not "--facts").ToArray();

string artifacts = Path.Combine(BenchSettings.ProjectDirectory, "BenchmarkDotNet.Artifacts");
Directory.CreateDirectory(Path.Combine(artifacts, "results"));
string facts = Facts.Collect();
Console.WriteLine(facts);
File.WriteAllText(Path.Combine(artifacts, "results", "facts.md"), facts);
if (factsOnly)
{
    return 0;
}

Job job = (full
        ? Job.Default.WithWarmupCount(5).WithIterationCount(15)
        : Job.Default.WithWarmupCount(2).WithIterationCount(5))
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId(full ? "Full" : "Short");
IConfig config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddColumn(StatisticColumn.Median)
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value))
    .WithArtifactsPath(artifacts)
    .WithOptions(ConfigOptions.DisableLogFile);

Type[] all = [typeof(GeneratorColdBenchmarks), typeof(IncrementalBenchmarks), typeof(AnalyzerBenchmarks), typeof(SerializationBenchmarks), typeof(ClientOverheadBenchmarks), typeof(ProvisioningBenchmarks)];
var stopwatch = Stopwatch.StartNew();
IEnumerable<Summary> summaries = rest.Length > 0
    ? BenchmarkSwitcher.FromTypes(all).Run(rest, config)
    : BenchmarkRunner.Run(all, config);
int failures = summaries.Sum(s => s.Reports.Count(r => !r.Success)) + summaries.Sum(s => s.ValidationErrors.Count(e => e.IsCritical));
Console.WriteLine($"Done in {stopwatch.Elapsed.TotalMinutes:F1} min; {failures} failed benchmark(s). Results: {Path.Combine(artifacts, "results")}");
return failures == 0 ? 0 : 1;

namespace OnyxGen.Benchmarks
{
    public static class BenchSettings
    {
        public static bool Full { get; set; }

        /// <summary>Short mode runs fewer sizes; scaling to 1,000 needs --full (or --filter with --full).</summary>
        public static IEnumerable<string> ColdSets => Full
            ? [SchemaSets.Catalog, "synthetic-1", "synthetic-10", "synthetic-100", "synthetic-1000"]
            : [SchemaSets.Catalog, "synthetic-1", "synthetic-100"];

        public static string ProjectDirectory => typeof(BenchSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "ProjectDirectory").Value!;
    }

    /// <summary>Numbers that are counts, not timings: set sizes, what the generator produced, incremental re-runs.</summary>
    public static class Facts
    {
        public static string Collect()
        {
            var text = new StringBuilder();
            text.AppendLine($"# OnyxGen benchmark facts ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {LoadAverage()})");
            text.AppendLine();
            text.AppendLine("| Set | Files | Bytes | Compilations | Generated sources | Generator diagnostics | Compile errors in generated code |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (string set in new[] { SchemaSets.Catalog, "synthetic-1", "synthetic-10", "synthetic-100", "synthetic-1000" })
            {
                SchemaFile[] files = SchemaSets.Get(set);
                SchemaFile[][] shards = SchemaSets.Shards(files);
                int sources = 0, diagnostics = 0, errors = 0;
                foreach (SchemaFile[] shard in shards)
                {
                    GeneratorDriver driver = GeneratorHost.CreateDriver(GeneratorHost.Texts(shard))
                        .RunGeneratorsAndUpdateCompilation(GeneratorHost.FullCompilation([]), out Compilation output, out var generatorDiagnostics);
                    sources += driver.GetRunResult().GeneratedTrees.Length;
                    diagnostics += generatorDiagnostics.Length;
                    if (shard == shards[0])
                    {
                        errors += output.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                    }
                }

                text.AppendLine($"| {set} | {files.Length} | {SchemaSets.TotalBytes(files)} | {shards.Length} | {sources} | {diagnostics} | {errors}{(shards.Length > 1 ? " (first compilation)" : "")} |");
            }

            text.AppendLine();
            text.AppendLine("Allocation per schema, measured with GC.GetAllocatedBytesForCurrentThread (after a warm-up pass):");
            text.AppendLine();
            text.AppendLine("| Set | Input bytes/schema | JsonDocument.Parse B/schema | Generator parse B/schema | Generator emit B/schema | Generated C# chars/schema |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (string set in new[] { SchemaSets.Catalog, "synthetic-100" })
            {
                text.AppendLine(AllocationRow(set));
            }

            text.AppendLine();
            text.AppendLine("Incremental: step outputs that re-ran (Modified or New) / all outputs of the step, after one edit to a warm driver.");
            text.AppendLine();
            text.AppendLine("| Scenario | Files | Parse re-ran | Emit re-ran | Other steps re-ran | Source outputs re-added | Generated sources |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (string scenario in IncrementalScenario.All)
            {
                text.AppendLine(IncrementalScenario.Counts(scenario));
            }

            text.AppendLine();
            text.AppendLine($"Analyzer benchmark compilations (catalog's generated code + {AnalyzerBenchmarks.Methods} user methods):");
            text.AppendLine();
            text.AppendLine("| User code | OnyxGen analyzers | Compiler errors | Analyzer diagnostics |");
            text.AppendLine("|---|---:|---:|---:|");
            text.AppendLine(AnalyzerBenchmarks.Counts("heavy-use"));
            text.AppendLine(AnalyzerBenchmarks.Counts("no-use"));
            return text.ToString();
        }

        private static string AllocationRow(string set)
        {
            SchemaFile[] files = SchemaSets.Get(set);
            var options = new OnyxGen.Generator.Model.GeneratorOptions("OnyxGen.Connectors", null, false);
            long parse = 0, emit = 0, dom = 0, chars = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                parse = emit = dom = chars = 0;
                foreach (SchemaFile file in files)
                {
                    long start = GC.GetAllocatedBytesForCurrentThread();
                    using (System.Text.Json.JsonDocument.Parse(file.Utf8))
                    {
                    }

                    long afterDom = GC.GetAllocatedBytesForCurrentThread();
                    var result = OnyxGen.Generator.Parsing.SchemaParser.Parse(file.Path, file.Text);
                    long afterParse = GC.GetAllocatedBytesForCurrentThread();
                    var generated = OnyxGen.Generator.Emitting.SchemaEmitter.Emit(result.Model!, options);
                    long afterEmit = GC.GetAllocatedBytesForCurrentThread();
                    dom += afterDom - start;
                    parse += afterParse - afterDom;
                    emit += afterEmit - afterParse;
                    chars += generated.Text.Length;
                }
            }

            long n = files.Length;
            return $"| {set} | {SchemaSets.TotalBytes(files) / n} | {dom / n} | {parse / n} | {emit / n} | {chars / n} |";
        }

        private static string LoadAverage()
        {
            try
            {
                return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
            catch (IOException)
            {
                return "n/a";
            }
        }
    }
}
