using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OnyxGen.Analyzers.Tests;

/// <summary>Every ID (the generator's and the analyzers') is declared once, tracked in a release file, linked to its doc page, and documented.</summary>
public class DescriptorTests
{
    private static readonly string Docs = Path.Combine(AppContext.BaseDirectory, "docs");

    public static TheoryData<string> AnalyzerIds() => new(AllAnalyzerDescriptors().Select(d => d.Id));

    public static TheoryData<string> GeneratorIds() => new(
        typeof(Generator.OnyxSchemaGenerator).Assembly.GetType("OnyxGen.Generator.Diagnostics.DiagnosticDescriptors")!
            .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name.EndsWith("Id", StringComparison.Ordinal)).Select(f => (string)f.GetValue(null)!));

    private static IEnumerable<DiagnosticDescriptor> AllAnalyzerDescriptors() =>
        new DiagnosticAnalyzer[] { new ConfigValueAnalyzer(), new ApiUsageAnalyzer() }.SelectMany(a => a.SupportedDiagnostics);

    [Fact]
    public void IdsAreUniqueAndWellFormed()
    {
        var ids = AllAnalyzerDescriptors().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^ONYX[12][0-9]{3}$", id));
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void AnalyzerDescriptorIsComplete(string id)
    {
        DiagnosticDescriptor descriptor = AllAnalyzerDescriptors().Single(d => d.Id == id);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.Equal($"https://github.com/onyxgen/onyxgen/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.StartsWith("OnyxGen.", descriptor.Category, StringComparison.Ordinal);
        Assert.True(descriptor.IsEnabledByDefault);

        string releases = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "releases", "Analyzers.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", releases);
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    [MemberData(nameof(GeneratorIds))]
    public void IdHasADocPageListedInTheIndex(string id)
    {
        string page = Path.Combine(Docs, id + ".md");
        Assert.True(File.Exists(page), $"docs/diagnostics/{id}.md is missing.");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}:", text, StringComparison.Ordinal);
        foreach (string section in new[] { "## What", "## Why", "## How to fix", "## Example" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(Docs, "README.md")), StringComparison.Ordinal);
    }
}
