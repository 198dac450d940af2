using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace OnyxGen.Generator.Tests;

/// <summary>
/// Generated output compared with checked-in baselines (Baselines/*.verified.cs). To accept new output after an intended
/// change, run the tests with ONYXGEN_ACCEPT_BASELINES=1 and review the diff before committing.
/// </summary>
public sealed class BaselineTests
{
    [Theory]
    [InlineData("jira")]
    [InlineData("web")]
    [InlineData("file")]
    [InlineData("s3")]
    [InlineData("confluence")]
    public void Catalog_schema_output_matches_baseline(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.CatalogFile(source) });
        Assert.Empty(run.Diagnostics);
        AssertBaseline(source, run.Result.Results.Single().GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Keyword_coverage_schema_output_matches_baseline()
    {
        string path = Path.Combine(GeneratorHarness.TestSchemaDirectory, "keywords.schema.json");
        GeneratorRun run = GeneratorHarness.Run(new[] { (path, File.ReadAllText(path)) });
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        AssertBaseline("keywords", run.Result.Results.Single().GeneratedSources.Single().SourceText.ToString());
    }

    internal static void AssertBaseline(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string scrubbed = Regex.Replace(actual, "GeneratedCode\\(\"OnyxGen.Generator\", \"[^\"]*\"\\)", "GeneratedCode(\"OnyxGen.Generator\", \"VERSION\")");
        string path = Path.Combine(Path.GetDirectoryName(testFile)!, "Baselines", name + ".verified.cs");
        if (Environment.GetEnvironmentVariable("ONYXGEN_ACCEPT_BASELINES") == "1")
        {
            File.WriteAllText(path, scrubbed);
            return;
        }

        Assert.True(File.Exists(path), $"No baseline at {path}. Run with ONYXGEN_ACCEPT_BASELINES=1 to create it, then review it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != scrubbed)
        {
            File.WriteAllText(Path.ChangeExtension(path, null).Replace(".verified", ".received") + ".cs", scrubbed);
            string[] e = expected.Split('\n'), a = scrubbed.Split('\n');
            int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"Generated output for '{name}' differs from {path} at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\n(ONYXGEN_ACCEPT_BASELINES=1 accepts it; a .received.cs file was written next to the baseline.)");
        }
    }
}
