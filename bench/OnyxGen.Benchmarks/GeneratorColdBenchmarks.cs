using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using OnyxGen.Generator.Emitting;
using OnyxGen.Generator.Model;
using OnyxGen.Generator.Parsing;

namespace OnyxGen.Benchmarks;

/// <summary>
/// Cold generation of a whole schema set (no incremental cache: a new driver each time), against the limit (only
/// parsing the same UTF-8 bytes with System.Text.Json) and the alternative (NJsonSchema's C# generator).
/// </summary>
[MemoryDiagnoser]
public class GeneratorColdBenchmarks
{
    private SchemaFile[] _files = [];
    private AdditionalText[][] _shards = [];
    private CSharpCompilation _compilation = null!;
    private GeneratorOptions _options = null!;
    private Dictionary<string, string> _outputs = [];

    [ParamsSource(nameof(Sets))]
    public string Set { get; set; } = SchemaSets.Catalog;

    public static IEnumerable<string> Sets => BenchSettings.ColdSets;

    [GlobalSetup]
    public void Setup()
    {
        _files = SchemaSets.Get(Set);
        _shards = SchemaSets.Shards(_files).Select(GeneratorHost.Texts).ToArray();
        _compilation = GeneratorHost.Compilation("public class UserCode { }");
        _options = new GeneratorOptions("OnyxGen.Connectors", null, false);
        _outputs = _files.ToDictionary(f => f.Path, f => SchemaEmitter.Emit(SchemaParser.Parse(f.Path, f.Text).Model!, _options).Text);
    }

    /// <summary>The limit: build a DOM of every file with System.Text.Json.</summary>
    [Benchmark(Baseline = true)]
    public int Limit_JsonDocumentParse()
    {
        int n = 0;
        foreach (SchemaFile file in _files)
        {
            using JsonDocument document = JsonDocument.Parse(file.Utf8);
            n += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return n;
    }

    /// <summary>A lower limit: one forward-only token pass over every file.</summary>
    [Benchmark]
    public int Limit_Utf8JsonReader()
    {
        int tokens = 0;
        foreach (SchemaFile file in _files)
        {
            var reader = new Utf8JsonReader(file.Utf8);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    /// <summary>The generator as the compiler runs it: a fresh CSharpGeneratorDriver per compilation (one per shard of at most 50 schemas).</summary>
    [Benchmark]
    public int Generator_Driver()
    {
        int generated = 0;
        foreach (AdditionalText[] shard in _shards)
        {
            GeneratorDriver driver = GeneratorHost.CreateDriver(shard).RunGenerators(_compilation);
            generated += driver.GetRunResult().Results[0].GeneratedSources.Length;
        }

        return generated;
    }

    /// <summary>
    /// The floor under the driver figure: a generator that computes nothing and adds the same C# (see EchoGenerator).
    /// What is left of Generator_Driver above this is OnyxGen's own work.
    /// </summary>
    [Benchmark]
    public int Floor_DriverAddingSameOutput()
    {
        int generated = 0;
        foreach (AdditionalText[] shard in _shards)
        {
            GeneratorDriver driver = EchoGenerator.CreateDriver(_outputs, shard).RunGenerators(_compilation);
            generated += driver.GetRunResult().Results[0].GeneratedSources.Length;
        }

        return generated;
    }

    /// <summary>The generator's own work without Roslyn's driver: parse each file to its model and emit its C#.</summary>
    [Benchmark]
    public int Generator_ParseAndEmit()
    {
        int chars = 0;
        foreach (SchemaFile file in _files)
        {
            ParseResult result = SchemaParser.Parse(file.Path, file.Text);
            if (result.Model is not null)
            {
                chars += SchemaEmitter.Emit(result.Model, _options).Text.Length;
            }
        }

        return chars;
    }

    /// <summary>The generator's parse alone (schema text → equatable model), to split the cost between parse and emit.</summary>
    [Benchmark]
    public int Generator_ParseOnly()
    {
        int types = 0;
        foreach (SchemaFile file in _files)
        {
            types += SchemaParser.Parse(file.Path, file.Text).Model is null ? 0 : 1;
        }

        return types;
    }

    /// <summary>The alternative: NJsonSchema reads each schema and its C# generator writes classes (System.Text.Json attributes).</summary>
    [Benchmark]
    public int NJsonSchema_CSharpGenerator() => NJsonSchemaRunner.GenerateAll(_files);
}

/// <summary>NJsonSchema.CodeGeneration.CSharp, configured as a user generating System.Text.Json POCOs would.</summary>
public static class NJsonSchemaRunner
{
    private static readonly CSharpGeneratorSettings Settings = new()
    {
        Namespace = "NJsonSchemaGenerated",
        JsonLibrary = CSharpJsonLibrary.SystemTextJson,
        ClassStyle = CSharpClassStyle.Poco,
        GenerateDataAnnotations = true,
        GenerateNullableReferenceTypes = true,
    };

    public static int GenerateAll(SchemaFile[] files)
    {
        int chars = 0;
        foreach (SchemaFile file in files)
        {
            chars += Generate(file).Length;
        }

        return chars;
    }

    public static string Generate(SchemaFile file)
    {
        JsonSchema schema = JsonSchema.FromJsonAsync(file.Text).GetAwaiter().GetResult();
        return new CSharpGenerator(schema, Settings).GenerateFile("Config");
    }
}
