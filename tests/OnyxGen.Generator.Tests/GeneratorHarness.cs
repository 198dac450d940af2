using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OnyxGen.Generator.Tests;

/// <summary>Runs the generator the way the compiler does, and compiles its output against real .NET 8 reference assemblies.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static string CatalogDirectory => Path.Combine(AppContext.BaseDirectory, "catalog");

    public static string TestSchemaDirectory => Path.Combine(AppContext.BaseDirectory, "TestSchemas");

    public static IEnumerable<MetadataReference> References { get; } = BuildReferences();

    public static (string Path, string Text) CatalogFile(string source)
    {
        string path = System.IO.Path.Combine(CatalogDirectory, source + ".schema.json");
        return (path, File.ReadAllText(path));
    }

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, string? @namespace = null)
    {
        var options = new TestOptionsProvider(@namespace);
        return CSharpGeneratorDriver.Create(
            new[] { new OnyxSchemaGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> files, string? @namespace = null, string userCode = "")
    {
        GeneratorDriver driver = CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), @namespace);
        CSharpCompilation input = Compilation(userCode);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    private static IEnumerable<MetadataReference> BuildReferences()
    {
        var references = new List<MetadataReference>(Net80.References.All);
        foreach (string name in new[] { "OnyxGen.dll", "Polly.Core.dll", "Microsoft.Extensions.Logging.Abstractions.dll", "Microsoft.Extensions.DependencyInjection.Abstractions.dll", "Microsoft.Extensions.Options.dll", "Microsoft.Extensions.Http.dll" })
        {
            references.Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, name)));
        }

        return references;
    }

    private sealed class TestOptionsProvider(string? @namespace) : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _global = new(@namespace is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.OnyxGenNamespace", @namespace));

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;
    }

    private sealed class TestOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<Diagnostic> Diagnostics => Result.Diagnostics;

    public IEnumerable<Diagnostic> CompilationErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<Diagnostic> CompilationWarnings => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>Emits the output compilation and loads it, to run the generated code.</summary>
    public System.Reflection.Assembly Load()
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = Output.Emit(stream);
        Xunit.Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var context = new System.Runtime.Loader.AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (ctx, name) => name.Name is string n && File.Exists(Path.Combine(AppContext.BaseDirectory, n + ".dll"))
            ? System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(name)
            : null;
        stream.Position = 0;
        return context.LoadFromStream(stream);
    }

    public string Generated(string hintNameEnd) => Result.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();
}
