using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OnyxGen.CodeFixes;
using OnyxGen.Generator;

namespace OnyxGen.Analyzers.Tests;

/// <summary>
/// Compiles user code together with what the OnyxGen generator makes of schema files (the way the compiler does), runs the
/// OnyxGen analyzers on it, and compares the diagnostics with markup in the user code: <c>{|ONYX1002:text|}</c> expects
/// exactly one ONYX1002 whose span is exactly <c>text</c>. Any diagnostic not marked fails the test.
/// </summary>
internal static class AnalyzerHarness
{
    public const string UserFile = "/src/Program.cs";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static string CatalogDirectory => Path.Combine(AppContext.BaseDirectory, "catalog");

    public static IReadOnlyList<string> CatalogSources { get; } = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "catalog"), "*.schema.json")
        .Select(p => Path.GetFileName(p)[..^".schema.json".Length]).Order(StringComparer.Ordinal).ToArray();

    public static ImmutableArray<MetadataReference> References { get; } = BuildReferences();

    public static ImmutableArray<MetadataReference> FrameworkOnlyReferences { get; } = Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

    private static readonly Dictionary<string, ImmutableArray<(string HintName, string Text)>> GeneratedCache = new();

    /// <summary>A schema from the catalog by source name (<c>jira</c>), or a test schema by file name (<c>mock_connector.schema.json</c>).</summary>
    public static (string Path, string Text) Schema(string name)
    {
        string path = name.EndsWith(".json", StringComparison.Ordinal)
            ? Path.Combine(AppContext.BaseDirectory, "TestSchemas", name)
            : Path.Combine(CatalogDirectory, name + ".schema.json");
        return (path, File.ReadAllText(path));
    }

    /// <summary>The generated sources for the schemas (generated once per set of schemas).</summary>
    public static ImmutableArray<(string HintName, string Text)> Generate(params string[] schemas)
    {
        string key = string.Join("|", schemas);
        lock (GeneratedCache)
        {
            if (GeneratedCache.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var driver = CSharpGeneratorDriver.Create(
            new[] { new OnyxSchemaGenerator().AsSourceGenerator() },
            schemas.Select(s => Schema(s)).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            ParseOptions);
        CSharpCompilation empty = CSharpCompilation.Create("Gen", [], References, CompilationOptions);
        GeneratorDriverRunResult result = driver.RunGenerators(empty).GetRunResult();
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        var generated = result.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToImmutableArray();
        lock (GeneratedCache)
        {
            GeneratedCache[key] = generated;
        }

        return generated;
    }

    public static CSharpCompilationOptions CompilationOptions { get; } = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress, ["CS1998"] = ReportDiagnostic.Suppress });

    /// <summary>User code (without markup) plus the generated code for the schemas.</summary>
    public static CSharpCompilation Compile(string userCode, string[] schemas, string? editorConfig = null, IEnumerable<MetadataReference>? references = null)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(userCode, ParseOptions, UserFile, Encoding.UTF8) };
        foreach ((string hintName, string text) in Generate(schemas))
        {
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, "/src/Generated/" + hintName, Encoding.UTF8));
        }

        CSharpCompilationOptions options = CompilationOptions;
        if (editorConfig is not null)
        {
            options = options.WithSyntaxTreeOptionsProvider(new EditorConfigOptionsProvider(editorConfig, trees));
        }

        return CSharpCompilation.Create("Consumer", trees, references ?? References, options);
    }

    /// <summary>Runs the analyzers on the user code (with markup) and asserts exactly the marked diagnostics, no more, and that the code compiles.</summary>
    public static async Task VerifyAsync(string markup, params string[] schemas)
    {
        (string code, List<(string Id, TextSpan Span)> expected) = ParseMarkup(markup);
        CSharpCompilation compilation = Compile(code, schemas);
        ImmutableArray<Diagnostic> all = await AnalyzeAllAsync(compilation);
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("ONYX", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "The test code does not compile:\n" + string.Join("\n", errors));
        AssertDiagnostics(code, expected, all.Where(d => d.Id.StartsWith("ONYX", StringComparison.Ordinal)));
    }

    /// <summary>Runs both analyzers and returns every OnyxGen diagnostic (all trees).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, params DiagnosticAnalyzer[] analyzers)
    {
        CompilationWithAnalyzers withAnalyzers = WithAnalyzers(compilation, analyzers);
        ImmutableArray<Diagnostic> all = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        // An analyzer that throws reports AD0001: never acceptable.
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return all.Where(d => d.Id.StartsWith("ONYX", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>Compiler and analyzer diagnostics in one pass.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAllAsync(Compilation compilation, params DiagnosticAnalyzer[] analyzers)
    {
        ImmutableArray<Diagnostic> all = await WithAnalyzers(compilation, analyzers).GetAllDiagnosticsAsync();
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return all;
    }

    private static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, DiagnosticAnalyzer[] analyzers)
    {
        if (analyzers.Length == 0)
        {
            analyzers = [new ConfigValueAnalyzer(), new ApiUsageAnalyzer()];
        }

        return compilation.WithAnalyzers(
            analyzers.ToImmutableArray(),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
    }

    public static void AssertCompiles(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test code does not compile:\n" + string.Join("\n", errors));
    }

    public static void AssertDiagnostics(string code, IReadOnlyCollection<(string Id, TextSpan Span)> expected, IEnumerable<Diagnostic> actual)
    {
        SourceText text = SourceText.From(code);
        string Describe(string id, TextSpan span)
        {
            LinePosition start = text.Lines.GetLinePosition(span.Start);
            return $"{id} at {start.Line + 1}:{start.Character + 1} '{text.ToString(span)}'";
        }

        var actualList = actual.Select(d =>
        {
            Assert.True(d.Location.SourceTree?.FilePath == UserFile, $"Diagnostic outside the user's code: {d}");
            return (d.Id, d.Location.SourceSpan);
        }).ToList();
        var expectedSorted = expected.Select(e => Describe(e.Id, e.Span)).Order(StringComparer.Ordinal).ToList();
        var actualSorted = actualList.Select(a => Describe(a.Id, a.SourceSpan)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            expectedSorted.SequenceEqual(actualSorted),
            $"Expected:\n  {string.Join("\n  ", expectedSorted)}\nActual:\n  {string.Join("\n  ", actualSorted)}\nMessages:\n  {string.Join("\n  ", actual.Select(d => d.ToString()))}");
    }

    private static readonly Regex MarkupStart = new(@"\{\|(ONYX\d{4}):", RegexOptions.Compiled);

    /// <summary>Strips <c>{|ID:...|}</c> markup (nestable) and returns the clean code and the expected diagnostics.</summary>
    public static (string Code, List<(string Id, TextSpan Span)> Expected) ParseMarkup(string markup)
    {
        var code = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        int i = 0;
        while (i < markup.Length)
        {
            Match match = MarkupStart.Match(markup, i);
            int close = markup.IndexOf("|}", i, StringComparison.Ordinal);
            if (match.Success && (close < 0 || match.Index < close))
            {
                code.Append(markup, i, match.Index - i);
                open.Push((match.Groups[1].Value, code.Length));
                i = match.Index + match.Length;
            }
            else if (close >= 0 && open.Count > 0)
            {
                code.Append(markup, i, close - i);
                (string id, int start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, code.Length)));
                i = close + 2;
            }
            else
            {
                code.Append(markup, i, markup.Length - i);
                break;
            }
        }

        Assert.Empty(open);
        return (code.ToString(), expected);
    }

    /// <summary>A workspace project with the user code and the generated code as documents, for code fixes.</summary>
    public static Document CreateDocument(string code, string[] schemas)
    {
        var workspace = new AdhocWorkspace();
        ProjectId projectId = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
                compilationOptions: CompilationOptions, parseOptions: ParseOptions, metadataReferences: References));
        foreach ((string hintName, string text) in Generate(schemas))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), hintName, SourceText.From(text), filePath: "/src/Generated/" + hintName);
        }

        DocumentId documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Program.cs", SourceText.From(code), filePath: UserFile);
        return solution.GetDocument(documentId)!;
    }

    /// <summary>Applies the code fix registered for the first diagnostic with this id, or for all of them with Fix All.</summary>
    public static async Task<Document> ApplyFixAsync(Document document, string diagnosticId, bool fixAll = false)
    {
        var provider = new ReplaceExpressionCodeFixProvider();
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = (await AnalyzeAsync(compilation)).Where(d => d.Id == diagnosticId).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        Assert.NotEmpty(diagnostics);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        CodeAction action = Assert.Single(actions);

        if (fixAll)
        {
            var fixAllContext = new FixAllContext(document, provider, FixAllScope.Document, action.EquivalenceKey, [diagnosticId], new FixedDiagnostics(diagnostics), CancellationToken.None);
            action = (await provider.GetFixAllProvider()!.GetFixAsync(fixAllContext))!;
            Assert.NotNull(action);
        }

        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetDocument(document.Id)!;
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>([]);
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var references = new List<MetadataReference>(Net80.References.All);
        foreach (string name in new[] { "OnyxGen.dll", "Polly.Core.dll", "Microsoft.Extensions.Logging.Abstractions.dll", "Microsoft.Extensions.DependencyInjection.Abstractions.dll", "Microsoft.Extensions.Options.dll", "Microsoft.Extensions.Http.dll" })
        {
            references.Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, name)));
        }

        return references.ToImmutableArray();
    }

    /// <summary>Applies a real <c>.editorconfig</c>'s <c>dotnet_diagnostic.*.severity</c> entries, the way the compiler does.</summary>
    private sealed class EditorConfigOptionsProvider : SyntaxTreeOptionsProvider
    {
        private readonly Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> _options = new();
        private readonly AnalyzerConfigOptionsResult _global;

        public EditorConfigOptionsProvider(string editorConfig, IEnumerable<SyntaxTree> trees)
        {
            AnalyzerConfigSet set = AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse(editorConfig, "/src/.editorconfig")));
            foreach (SyntaxTree tree in trees)
            {
                _options[tree] = set.GetOptionsForSourcePath(tree.FilePath).TreeOptions;
            }

            _global = set.GlobalConfigOptions;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (_options.TryGetValue(tree, out var options) && options.TryGetValue(diagnosticId, out severity))
            {
                return true;
            }

            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
