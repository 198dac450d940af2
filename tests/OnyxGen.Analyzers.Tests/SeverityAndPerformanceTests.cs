using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OnyxGen.Analyzers.Tests;

/// <summary>Severities follow .editorconfig; code that touches no generated type costs (almost) nothing.</summary>
public class SeverityAndPerformanceTests
{
    private static readonly string Code = ConfigValueTests.Program("""
                existing.BaseUrl = "x.example.com";
                credential.Password = "hunter2";
                return existing;
        """);

    [Fact]
    public async Task EditorConfigSeverityNoneSilencesARule()
    {
        var compilation = AnalyzerHarness.Compile(Code, [ConfigValueTests.Mock], editorConfig: """
            root = true

            [*.cs]
            dotnet_diagnostic.ONYX1002.severity = none
            """);
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Equal(["ONYX1008"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task EditorConfigSeverityErrorRaisesARule()
    {
        var compilation = AnalyzerHarness.Compile(Code, [ConfigValueTests.Mock], editorConfig: """
            root = true

            [*.cs]
            dotnet_diagnostic.ONYX1008.severity = error
            dotnet_diagnostic.ONYX1002.severity = suggestion
            """);
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Equal(DiagnosticSeverity.Error, diagnostics.Single(d => d.Id == "ONYX1008").Severity);
        Assert.Equal(DiagnosticSeverity.Info, diagnostics.Single(d => d.Id == "ONYX1002").Severity);
    }

    [Fact]
    public async Task DefaultSeverityIsWarning()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(Code, [ConfigValueTests.Mock]));
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    private const string PlainCode = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        public sealed class Settings
        {
            public string Url { get; set; } = "";
            public TimeSpan Every { get; set; }
            public List<string> Tags { get; set; } = new();
        }

        public static class Program
        {
            public static object Run(string[] args)
            {
                var settings = new Settings { Url = "example.com", Every = TimeSpan.FromSeconds(1), Tags = ["a", "a"] };
                settings.Url = "no-scheme";
                return args.Select(a => new Settings { Url = a }).ToList();
            }
        }
        """;

    [Fact]
    public async Task CompilationWithoutOnyxGenRegistersNothing()
    {
        var config = new ConfigValueAnalyzer();
        var api = new ApiUsageAnalyzer();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Plain",
            [CSharpSyntaxTree.ParseText(PlainCode, AnalyzerHarness.ParseOptions)],
            AnalyzerHarness.FrameworkOnlyReferences,
            AnalyzerHarness.CompilationOptions);
        AnalyzerHarness.AssertCompiles(compilation);

        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(compilation, config, api));

        // The compilation-start check found no OnyxGen types and registered no operation action: not one callback ran.
        Assert.Equal(0, config.OperationCallbacks);
        Assert.Equal(0, api.OperationCallbacks);
    }

    [Fact]
    public async Task CodeThatTouchesNoGeneratedTypeIsSkipped()
    {
        var config = new ConfigValueAnalyzer();
        var api = new ApiUsageAnalyzer();
        CSharpCompilation compilation = AnalyzerHarness.Compile(PlainCode, [ConfigValueTests.Mock, "jira"]);
        AnalyzerHarness.AssertCompiles(compilation);

        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(compilation, config, api));

        // OnyxGen is referenced, so the cheap callbacks run, but no value is ever checked against a schema constraint.
        Assert.True(config.OperationCallbacks > 0);
        Assert.Equal(0, config.ConstrainedValues);
    }

    [Fact]
    public async Task GeneratedCodeIsNotAnalyzed()
    {
        // The generated files themselves assign and call the API; they are skipped (GeneratedCodeAnalysisFlags.None).
        var config = new ConfigValueAnalyzer();
        var api = new ApiUsageAnalyzer();
        CSharpCompilation compilation = AnalyzerHarness.Compile("", AnalyzerHarness.CatalogSources.ToArray());
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(compilation, config, api));
        Assert.Equal(0, config.OperationCallbacks);
        Assert.Equal(0, api.OperationCallbacks);
    }
}
