using System.Diagnostics;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using OnyxGen.Generator.Emitting;
using OnyxGen.Generator.Model;
using OnyxGen.Generator.Parsing;

namespace OnyxGen.Benchmarks;

/// <summary>
/// <c>--quick</c>: a stopwatch look (medians of 31 runs) at the generator's cold cost against JsonDocument.Parse, for
/// iterating on the generator in seconds. Not a benchmark: the figures in docs/performance.md come from BenchmarkDotNet.
/// </summary>
public static class QuickLook
{
    public static void Run()
    {
        var options = new GeneratorOptions("OnyxGen.Connectors", null, false);
        Console.WriteLine("| Set | JsonDocument.Parse | parse | parse+emit | driver | parse ×limit | parse+emit ×limit | driver ×limit | C# out ÷ JSON in |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (string set in new[] { SchemaSets.Catalog, "synthetic-100" })
        {
            SchemaFile[] files = SchemaSets.Get(set);
            AdditionalText[][] shards = SchemaSets.Shards(files).Select(GeneratorHost.Texts).ToArray();
            var compilation = GeneratorHost.Compilation("public class UserCode { }");
            long output = 0;
            double limit = Median(() =>
            {
                foreach (SchemaFile file in files)
                {
                    using JsonDocument document = JsonDocument.Parse(file.Utf8);
                }
            });
            double parse = Median(() =>
            {
                foreach (SchemaFile file in files)
                {
                    SchemaParser.Parse(file.Path, file.Text);
                }
            });
            double parseEmit = Median(() =>
            {
                output = 0;
                foreach (SchemaFile file in files)
                {
                    output += SchemaEmitter.Emit(SchemaParser.Parse(file.Path, file.Text).Model!, options).Text.Length;
                }
            });
            double driver = Median(() =>
            {
                foreach (AdditionalText[] shard in shards)
                {
                    GeneratorHost.CreateDriver(shard).RunGenerators(compilation);
                }
            });
            long input = SchemaSets.TotalBytes(files);
            if (Environment.GetEnvironmentVariable("ONYXGEN_QUICK_DUMP") is string dump)
            {
                File.WriteAllText(Path.Combine(dump, set + ".json"), files[0].Text);
                File.WriteAllText(Path.Combine(dump, set + ".cs"), SchemaEmitter.Emit(SchemaParser.Parse(files[0].Path, files[0].Text).Model!, options).Text);
            }

            Console.WriteLine($"| {set} | {limit:F0} µs | {parse:F0} µs | {parseEmit:F0} µs | {driver:F0} µs | {parse / limit:F1}× | {parseEmit / limit:F1}× | {driver / limit:F1}× | {(double)output / input:F1}× |");
        }
    }

    private static double Median(Action action)
    {
        // Warm up long enough for tiered JIT to reach its optimized code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            action();
        }

        GC.Collect();

        var times = new double[31];
        for (int i = 0; i < times.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }
}
