using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OnyxGen.Generator;

namespace OnyxGen.Conformance.Tests;

/// <summary>Drives the generator the way the compiler does, compiles its output in memory and loads it.</summary>
internal static class Harness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>Onyx's DocumentSource values (one generated config type per source and namespace).</summary>
    public static readonly string[] Sources = OnyxGen.DocumentSource.All.Select(source => source.Value).ToArray();

    public static string RepositoryRoot { get; } = typeof(Harness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "OnyxRepositoryRoot").Value!;

    public static string CatalogDirectory => Path.Combine(AppContext.BaseDirectory, "catalog");

    public static IReadOnlyList<MetadataReference> References { get; } = BuildReferences();

    public static CSharpCompilation EmptyCompilation(string name = "Consumer") => CSharpCompilation.Create(
        name,
        Array.Empty<SyntaxTree>(),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));

    /// <summary>Runs the generator over <paramref name="files"/> (no compilation of the output).</summary>
    public static GeneratorDriverRunResult Generate(IEnumerable<(string Path, string Text)> files, string? @namespace = null, CSharpCompilation? input = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OnyxSchemaGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            ParseOptions,
            new OptionsProvider(@namespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        driver = driver.RunGenerators(input ?? EmptyCompilation());
        return driver.GetRunResult();
    }

    /// <summary>Compiles syntax trees, loads the assembly into a collectible context; throws with the errors when it does not compile.</summary>
    public static Assembly CompileAndLoad(IEnumerable<SyntaxTree> trees, string name)
    {
        CSharpCompilation compilation = EmptyCompilation(name).AddSyntaxTrees(trees);
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Generated code does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(30)));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext(name, isCollectible: true);
        context.Resolving += (ctx, assemblyName) => assemblyName.Name == "OnyxGen" ? typeof(OnyxGen.OnyxValidationError).Assembly : null;
        return context.LoadFromStream(stream);
    }

    /// <summary>The generated config type for <paramref name="source"/> in <paramref name="assembly"/>.</summary>
    public static Type ConfigType(Assembly assembly, string @namespace, string source) =>
        assembly.GetTypes().Single(t => t.Namespace == @namespace && t.GetCustomAttributes().OfType<OnyxGen.Schema.OnyxConnectorAttribute>().Any(a => a.Source == source));

    /// <summary>A compiled config type, its static <c>ValidateJson</c>, <c>FromJson</c> and instance <c>WriteJson</c>.</summary>
    public sealed class ConfigAccess(Type type)
    {
        private readonly MethodInfo _validateJson = type.GetMethod("ValidateJson", BindingFlags.Public | BindingFlags.Static, new[] { typeof(JsonElement) })!;
        private readonly MethodInfo _fromJson = type.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static, new[] { typeof(JsonElement) })!;
        private readonly MethodInfo _writeJson = type.GetMethod("WriteJson", BindingFlags.Public | BindingFlags.Instance, new[] { typeof(Utf8JsonWriter) })!;

        public Type Type { get; } = type;

        public IReadOnlyList<OnyxValidationError> ValidateJson(JsonElement json) =>
            (IReadOnlyList<OnyxValidationError>)Invoke(_validateJson, null, json)!;

        public object FromJson(JsonElement json) => Invoke(_fromJson, null, json)!;

        public string RoundTrip(JsonElement json)
        {
            object value = FromJson(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Invoke(_writeJson, value, writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static object? Invoke(MethodInfo method, object? target, object argument)
        {
            try
            {
                return method.Invoke(target, new[] { argument });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }
    }

    private static IReadOnlyList<MetadataReference> BuildReferences()
    {
        var references = new List<MetadataReference>(Net80.References.All);
        foreach (string name in new[] { "OnyxGen.dll", "Polly.Core.dll", "Microsoft.Extensions.Logging.Abstractions.dll", "Microsoft.Extensions.DependencyInjection.Abstractions.dll", "Microsoft.Extensions.Options.dll", "Microsoft.Extensions.Http.dll" })
        {
            references.Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, name)));
        }

        return references;
    }

    private sealed class OptionsProvider(string? @namespace) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(@namespace is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.OnyxGenNamespace", @namespace));

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
