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
/// Environment switches: ONYXGEN_QUICK_SPLIT=1 adds the parse's parts and the allocation per phase;
/// ONYXGEN_QUICK_DUMP=dir writes each set's first schema and its generated C# there; ONYXGEN_QUICK_LOOP=parse|emit only
/// runs that phase for 20 seconds (to attach a profiler, e.g. dotnet-trace).
/// </summary>
public static class QuickLook
{
    public static void Run()
    {
        var options = new GeneratorOptions("OnyxGen.Connectors", null, false);
        if (Environment.GetEnvironmentVariable("ONYXGEN_QUICK_LOOP") is string phase)
        {
            // For a profiler: only one phase, over and over, for 20 seconds.
            SchemaFile[] catalog = SchemaSets.Get("synthetic-100");
            var loop = Stopwatch.StartNew();
            while (loop.Elapsed < TimeSpan.FromSeconds(20))
            {
                foreach (SchemaFile file in catalog)
                {
                    ParseResult parsed = SchemaParser.Parse(file.Path, file.Text);
                    if (phase == "emit")
                    {
                        SchemaEmitter.Emit(parsed.Model!, options);
                    }
                }
            }

            return;
        }

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
            var outputs = files.ToDictionary(f => f.Path, f => SchemaEmitter.Emit(SchemaParser.Parse(f.Path, f.Text).Model!, options).Text);
            double echo = Median(() =>
            {
                foreach (AdditionalText[] shard in shards)
                {
                    EchoGenerator.CreateDriver(outputs, shard).RunGenerators(compilation);
                }
            });
            double njson = Median(() => NJsonSchemaRunner.GenerateAll(files));
            // The least any emitter of this text could spend: append its lines to a StringBuilder, then make the string.
            string[][] outputLines = outputs.Values.Select(o => o.Split('\n')).ToArray();
            double copy = Median(() =>
            {
                foreach (string[] lines in outputLines)
                {
                    var builder = new System.Text.StringBuilder();
                    foreach (string line in lines)
                    {
                        builder.Append(line).Append('\n');
                    }

                    _ = builder.ToString();
                }
            });
            long njsonChars = files.Sum(f => (long)NJsonSchemaRunner.Generate(f).Length);
            Console.WriteLine($"{set}: writing the same text line by line {copy:F0} µs = {copy / limit:F1}× limit; NJsonSchema output {(double)njsonChars / SchemaSets.TotalBytes(files):F1}× input");
            long input = SchemaSets.TotalBytes(files);
            Console.WriteLine($"{set}: driver floor (echo of the same output) {echo:F0} µs = {echo / limit:F1}× limit; NJsonSchema {njson:F0} µs");
            if (Environment.GetEnvironmentVariable("ONYXGEN_QUICK_SPLIT") is not null)
            {
                double bytes = Median(() => { foreach (SchemaFile file in files) System.Text.Encoding.UTF8.GetBytes(file.Text); });
                double lines = Median(() => { foreach (SchemaFile file in files) new LineMap(file.Path, file.Utf8); });
                double tree = Median(() => { foreach (SchemaFile file in files) JsonTreeReader.Read(file.Utf8, new List<JsonMember>(), null); });
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                foreach (SchemaFile file in files) JsonTreeReader.Read(file.Utf8, new List<JsonMember>(), null);
                long a1 = GC.GetAllocatedBytesForCurrentThread();
                foreach (SchemaFile file in files) SchemaParser.Parse(file.Path, file.Text);
                long a2 = GC.GetAllocatedBytesForCurrentThread();
                var models = files.Select(f => SchemaParser.Parse(f.Path, f.Text).Model!).ToArray();
                long a3 = GC.GetAllocatedBytesForCurrentThread();
                foreach (var model in models) SchemaEmitter.Emit(model, options);
                long a4 = GC.GetAllocatedBytesForCurrentThread();
                double emitOnly = Median(() => { foreach (var model in models) SchemaEmitter.Emit(model, options); });
                Console.WriteLine($"alloc {set}: tree {(a1 - a0) / files.Length} B/schema, parse {(a2 - a1) / files.Length} B/schema, emit {(a4 - a3) / files.Length} B/schema (output {output * 2 / files.Length} B/schema), input {input / files.Length} B/schema; emit only {emitOnly:F0} µs");
                Console.WriteLine($"split {set}: bytes {bytes:F0} µs, lines {lines:F0} µs, tree {tree:F0} µs, rest of parse {parse - bytes - lines - tree:F0} µs");
            }

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
