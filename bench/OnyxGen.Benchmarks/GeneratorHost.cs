using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OnyxGen.Generator;

namespace OnyxGen.Benchmarks;

/// <summary>Runs the generator as the compiler does: a <see cref="CSharpGeneratorDriver"/> over in-memory AdditionalTexts.</summary>
public static class GeneratorHost
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<MetadataReference[]> LazyReferences = new(() =>
    {
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net80.References.All);
        // Generated code needs only the OnyxGen runtime (and System.Text.Json, which the .NET 8 references include).
        references.Add(MetadataReference.CreateFromFile(typeof(OnyxClient).Assembly.Location));

        return references.ToArray();
    });

    /// <summary>.NET 8 reference assemblies plus the OnyxGen runtime: enough to compile generated code.</summary>
    public static MetadataReference[] References => LazyReferences.Value;

    public static AdditionalText[] Texts(IEnumerable<SchemaFile> files) => files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToArray();

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, bool trackSteps = false) => CSharpGeneratorDriver.Create(
        new[] { new OnyxSchemaGenerator().AsSourceGenerator() },
        texts,
        ParseOptions,
        new EmptyOptionsProvider(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A compilation holding the given user code (no references: the generator reads no symbols).</summary>
    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        Array.Empty<MetadataReference>(),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>A compilation that can be type-checked (reference assemblies and the runtime).</summary>
    public static CSharpCompilation FullCompilation(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Consumer",
        trees,
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private sealed class EmptyOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => EmptyOptions.Instance;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => EmptyOptions.Instance;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => EmptyOptions.Instance;
    }

    private sealed class EmptyOptions : AnalyzerConfigOptions
    {
        public static readonly EmptyOptions Instance = new();

        public override bool TryGetValue(string key, out string value)
        {
            value = null!;
            return false;
        }
    }
}

public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
