using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OnyxGen.Benchmarks;

/// <summary>
/// A generator that computes nothing: for each schema file it adds the C# OnyxGen generated for it, looked up by path.
/// Driving it costs what Roslyn charges any generator for reading the same AdditionalFiles and taking in the same amount
/// of generated C# (hashing, SourceText, syntax trees): the floor under <c>Generator_Driver</c> for this output.
/// </summary>

public sealed class EchoGenerator(IReadOnlyDictionary<string, string> outputs) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<(string Hint, string Text)> files = context.AdditionalTextsProvider
            .Select((text, cancellationToken) => (Hint: Path.GetFileName(text.Path) + ".g.cs", Text: outputs[text.Path]));
        context.RegisterSourceOutput(files, static (production, file) => production.AddSource(file.Hint, file.Text));
    }

    public static GeneratorDriver CreateDriver(IReadOnlyDictionary<string, string> outputs, IEnumerable<AdditionalText> texts) => CSharpGeneratorDriver.Create(
        new[] { new EchoGenerator(outputs).AsSourceGenerator() },
        texts,
        GeneratorHost.ParseOptions);
}
