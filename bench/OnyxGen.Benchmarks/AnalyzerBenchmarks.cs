using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OnyxGen.Benchmarks;

/// <summary>
/// What OnyxGen's analyzers add to a compilation. Both compilations hold the catalog's generated code (54 schemas) and
/// 200 methods of user code of the same shape: "heavy-use" builds generated configs and calls the generated client
/// methods; "no-use" does the same with look-alike user types. Baseline: the compiler's own diagnostics (all method
/// bodies bound); then the same with every OnyxGen analyzer.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    public const int Methods = 200;

    private static readonly Lazy<SyntaxTree[]> GeneratedCatalog = new(() =>
    {
        GeneratorDriver driver = GeneratorHost.CreateDriver(GeneratorHost.Texts(SchemaSets.LoadCatalog())).RunGenerators(GeneratorHost.Compilation());
        return driver.GetRunResult().GeneratedTrees.ToArray();
    });

    private SyntaxTree[] _trees = [];
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [Params("heavy-use", "no-use")]
    public string Code { get; set; } = "heavy-use";

    public static ImmutableArray<DiagnosticAnalyzer> OnyxAnalyzers() => typeof(OnyxGen.Analyzers.ConfigValueAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static SyntaxTree[] Trees(string code) =>
        [.. GeneratedCatalog.Value, CSharpSyntaxTree.ParseText(code == "heavy-use" ? HeavyUse() : NoUse(), GeneratorHost.ParseOptions, path: "User.cs")];

    [GlobalSetup]
    public void Setup()
    {
        _trees = Trees(Code);
        _analyzers = OnyxAnalyzers();
    }

    /// <summary>The compilation alone: every diagnostic the compiler reports (binding every method body), no analyzers.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerOnly() => GeneratorHost.FullCompilation(_trees).GetDiagnostics().Length;

    /// <summary>The same with OnyxGen's analyzers (compiler and analyzer diagnostics).</summary>
    [Benchmark]
    public int WithOnyxAnalyzers() => GeneratorHost.FullCompilation(_trees)
        .WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
        .GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>
    /// The analysis infrastructure alone: one analyzer that subscribes to the same operation kinds as OnyxGen's and does
    /// nothing. Roslyn builds the IOperation trees for it, as it does in a real build for the SDK's own analyzers.
    /// </summary>
    [Benchmark]
    public int WithNoOpOperationAnalyzer() => GeneratorHost.FullCompilation(_trees)
        .WithAnalyzers([new NoOpOperationAnalyzer()], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
        .GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>Counts for the facts table: compiler errors and analyzer diagnostics of each compilation.</summary>
    public static string Counts(string code)
    {
        Compilation compilation = GeneratorHost.FullCompilation(Trees(code));
        int errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        ImmutableArray<DiagnosticAnalyzer> analyzers = OnyxAnalyzers();
        ImmutableArray<Diagnostic> fromAnalyzers = compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        string ids = string.Join(", ", fromAnalyzers.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
        return $"| {code} | {analyzers.Length} | {errors} | {fromAnalyzers.Length}{(ids.Length > 0 ? " (" + ids + ")" : "")} |";
    }

    private static string HeavyUse()
    {
        // One deliberate mistake (a URL without a scheme) proves the analyzers look at this code.
        var code = new StringBuilder("using OnyxGen;\nusing OnyxGen.Connectors;\nnamespace User;\npublic static class Heavy\n{\n    public static IConnectorConfig Wrong() => new JiraConnectorConfig { JiraBaseUrl = \"acme.atlassian.net\" };\n");
        for (int i = 0; i < Methods; i++)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            code.Append(CultureInfo.InvariantCulture, $$"""
                public static IConnectorConfig[] Configs{{n}}() =>
                [
                    new JiraConnectorConfig { JiraBaseUrl = "https://acme{{n}}.atlassian.net", ProjectKey = "P{{n}}", CommentEmailBlacklist = ["bot{{n}}@example.com"], JqlQuery = "project = P{{n}}", ScopedToken = true },
                    new WebConnectorConfig { BaseUrl = "https://docs{{n}}.example.com", MintlifyCleanup = false, ScrollBeforeScraping = true },
                    new ConfluenceConnectorConfig { WikiBase = "https://acme{{n}}.atlassian.net/wiki", IsCloud = true },
                ];
                public static async System.Threading.Tasks.Task<int> Create{{n}}(OnyxClient onyx)
                {
                    var created = await onyx.Connectors.CreateJiraAsync("jira-{{n}}", new JiraConnectorConfig { JiraBaseUrl = "https://acme.atlassian.net", ProjectKey = "K{{n}}" }, refreshFreq: System.TimeSpan.FromHours(1));
                    await onyx.Connectors.AssociateCredentialAsync(created.Id, 0, "jira-{{n}}");
                    return created.Id;
                }

            """);
        }

        return code.Append("}\n").ToString();
    }

    private static string NoUse()
    {
        var code = new StringBuilder("""
            namespace User;
            public interface IConfig { }
            public sealed class JiraLike : IConfig { public string JiraBaseUrl { get; set; } = ""; public string? ProjectKey { get; set; } public System.Collections.Generic.IReadOnlyList<string>? CommentEmailBlacklist { get; set; } public string? JqlQuery { get; set; } public bool? ScopedToken { get; set; } }
            public sealed class WebLike : IConfig { public string BaseUrl { get; set; } = ""; public bool? MintlifyCleanup { get; set; } public bool? ScrollBeforeScraping { get; set; } }
            public sealed class ConfluenceLike : IConfig { public string WikiBase { get; set; } = ""; public bool IsCloud { get; set; } }
            public sealed class Created { public int Id { get; set; } }
            public sealed class FakeClient
            {
                public System.Threading.Tasks.Task<Created> CreateJiraAsync(string name, JiraLike config, System.TimeSpan? refreshFreq = null) => System.Threading.Tasks.Task.FromResult(new Created());
                public System.Threading.Tasks.Task AssociateCredentialAsync(int connectorId, int credentialId, string name) => System.Threading.Tasks.Task.CompletedTask;
            }
            public static class Plain
            {
                public static IConfig Wrong() => new JiraLike { JiraBaseUrl = "acme.atlassian.net" };

            """);
        for (int i = 0; i < Methods; i++)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            code.Append(CultureInfo.InvariantCulture, $$"""
                public static IConfig[] Configs{{n}}() =>
                [
                    new JiraLike { JiraBaseUrl = "https://acme{{n}}.atlassian.net", ProjectKey = "P{{n}}", CommentEmailBlacklist = ["bot{{n}}@example.com"], JqlQuery = "project = P{{n}}", ScopedToken = true },
                    new WebLike { BaseUrl = "https://docs{{n}}.example.com", MintlifyCleanup = false, ScrollBeforeScraping = true },
                    new ConfluenceLike { WikiBase = "https://acme{{n}}.atlassian.net/wiki", IsCloud = true },
                ];
                public static async System.Threading.Tasks.Task<int> Create{{n}}(FakeClient onyx)
                {
                    var created = await onyx.CreateJiraAsync("jira-{{n}}", new JiraLike { JiraBaseUrl = "https://acme.atlassian.net", ProjectKey = "K{{n}}" }, refreshFreq: System.TimeSpan.FromHours(1));
                    await onyx.AssociateCredentialAsync(created.Id, 0, "jira-{{n}}");
                    return created.Id;
                }

            """);
        }

        return code.Append("}\n").ToString();
    }
}

#pragma warning disable RS1036, RS1041, RS2008 // Not shipped: a benchmark-only analyzer, instantiated directly.
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH0001", "Unused", "Unused", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Unused];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(static _ => { }, Microsoft.CodeAnalysis.OperationKind.SimpleAssignment, Microsoft.CodeAnalysis.OperationKind.ObjectCreation, Microsoft.CodeAnalysis.OperationKind.Invocation);
    }
}
