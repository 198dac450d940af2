using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OnyxGen.Generator.Diagnostics;
using OnyxGen.Generator.Emitting;
using OnyxGen.Generator.Model;
using OnyxGen.Generator.Parsing;

namespace OnyxGen.Generator;

/// <summary>
/// Schema files (<c>*.schema.json</c> AdditionalFiles) → typed connector config and credential classes and client methods.
/// Pipeline: one Select per file parses it into an equatable model (so an edit re-parses one file), the model is emitted
/// in its own step, and diagnostics travel on a separate output so they never force a re-emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OnyxSchemaGenerator : IIncrementalGenerator
{
    private const string DefaultNamespace = "OnyxGen.Connectors";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        // Most schema files stand alone and are parsed one by one, so editing one re-parses only that one. A file whose
        // $ref points into another file (a schema, or a definitions-only .json added as OnyxSchema) also sees the
        // project's other .json AdditionalFiles, and is re-parsed when any of them changes.
        IncrementalValuesProvider<SchemaFile> schemaFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new SchemaFile(file, ReferencesOtherFiles(file.GetText(cancellationToken))))
            .WithTrackingName(TrackingNames.Read);

        IncrementalValuesProvider<ParseResult> standalone = schemaFiles
            .Where(static file => !file.ReferencesOtherFiles)
            .Select(static (file, cancellationToken) => ParseFile(file.File, null, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<ParseResult> linked = schemaFiles
            .Where(static file => file.ReferencesOtherFiles)
            .Combine(context.AdditionalTextsProvider.Where(static file => file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Collect())
            .Select(static (pair, cancellationToken) => ParseFile(pair.Left.File, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // Two files for one source would generate colliding types. Only small (source, path, location) summaries are
        // collected, so this step re-runs cheaply; its result changes only when the set of claims does.
        IncrementalValueProvider<SourceResolution> resolution = Claims(standalone)
            .Combine(Claims(linked))
            .Combine(options)
            .Select(static (pair, _) => ResolveSources(pair.Left.Left.AddRange(pair.Left.Right), pair.Right.CatalogDirectory))
            .WithTrackingName(TrackingNames.DuplicateSources);

        IncrementalValueProvider<(GeneratorOptions Options, EquatableArray<string> Skipped)> emitSettings =
            options.Combine(resolution.Select(static (r, _) => r.Skipped));
        RegisterOutputs(context, standalone, emitSettings);
        RegisterOutputs(context, linked, emitSettings);

        context.RegisterSourceOutput(resolution, static (production, result) =>
        {
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
            {
                Report(production, diagnostic);
            }
        });
    }

    private static void RegisterOutputs(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ParseResult> parsed,
        IncrementalValueProvider<(GeneratorOptions Options, EquatableArray<string> Skipped)> settings)
    {
        IncrementalValuesProvider<GeneratedFile> generated = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Model)
            .Combine(settings)
            .Where(static pair => !pair.Right.Skipped.Contains(pair.Left.FilePath))
            .Select(static (pair, _) => SchemaEmitter.Emit(pair.Left, pair.Right.Options))
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(generated, static (production, file) => production.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8)));

        context.RegisterSourceOutput(
            parsed.Select(static (result, _) => result.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (production, diagnostics) =>
            {
                foreach (DiagnosticInfo diagnostic in diagnostics)
                {
                    Report(production, diagnostic);
                }
            });
    }

    private static IncrementalValueProvider<ImmutableArray<SourceClaim>> Claims(IncrementalValuesProvider<ParseResult> parsed) => parsed
        .Where(static result => result.Source is not null)
        .Select(static (result, _) => new SourceClaim(result.Source!, result.FilePath, result.SourceLocation))
        .Collect();

    private static ParseResult ParseFile(AdditionalText file, ImmutableArray<AdditionalText>? others, System.Threading.CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        if (text is null)
        {
            return new ParseResult(file.Path, null, EquatableArray.ToEquatableArray(new[] { DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJsonId, null, Path.GetFileName(file.Path), "the file could not be read") }), null, null);
        }

        Func<string, string?>? readFile = others is { } files
            ? fullPath => files.FirstOrDefault(f => string.Equals(Path.GetFullPath(f.Path), fullPath, StringComparison.Ordinal))?.GetText(cancellationToken)?.ToString()
            : null;
        return SchemaParser.Parse(file.Path, text.ToString(), cancellationToken, readFile);
    }

    /// <summary>True when the file has a <c>$ref</c> that does not start with '#' (it may point into another file).</summary>
    private static bool ReferencesOtherFiles(SourceText? text)
    {
        if (text is null)
        {
            return false;
        }

        // A scan, not a regular expression: this runs on every schema file in every build.
        string content = text.ToString();
        for (int at = content.IndexOf("\"$ref\"", StringComparison.Ordinal); at >= 0; at = content.IndexOf("\"$ref\"", at + 1, StringComparison.Ordinal))
        {
            int i = SkipWhiteSpace(content, at + 6);
            if (i < content.Length && content[i] == ':')
            {
                i = SkipWhiteSpace(content, i + 1);
                if (i + 1 < content.Length && content[i] == '"' && content[i + 1] != '#' && content[i + 1] != '"')
                {
                    return true;
                }
            }
        }

        return false;

        static int SkipWhiteSpace(string s, int i)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            return i;
        }
    }

    private static GeneratorOptions ReadOptions(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
    {
        string ns = options.TryGetValue("build_property.OnyxGenNamespace", out string? value) && IsNamespace(value) ? value!.Trim() : DefaultNamespace;
        string? catalog = options.TryGetValue("build_property.OnyxGenCatalogDirectory", out string? directory) && !string.IsNullOrWhiteSpace(directory)
            ? NormalizeDirectory(directory!)
            : null;
        bool isInternal = options.TryGetValue("build_property.OnyxGenAccessibility", out string? accessibility)
            && string.Equals(accessibility?.Trim(), "internal", StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(ns, catalog, isInternal);
    }

    private static bool IsNamespace(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value!.Trim().Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    /// <summary>
    /// One file per source: a project's own schema silently replaces the catalog's schema for that source; two of the
    /// project's own files for one source is ONYX0011, and only the first (by path) generates code.
    /// </summary>
    private static SourceResolution ResolveSources(ImmutableArray<SourceClaim> claims, string? catalogDirectory)
    {
        var skipped = new System.Collections.Generic.List<string>();
        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
        foreach (IGrouping<string, SourceClaim> group in claims.GroupBy(claim => claim.Source, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            SourceClaim[] own = group.Where(c => !IsInCatalog(c.FilePath, catalogDirectory)).OrderBy(c => c.FilePath, StringComparer.Ordinal).ToArray();
            SourceClaim[] catalog = group.Where(c => IsInCatalog(c.FilePath, catalogDirectory)).OrderBy(c => c.FilePath, StringComparer.Ordinal).ToArray();
            SourceClaim[] ordered = own.Concat(catalog).ToArray();
            foreach (SourceClaim loser in ordered.Skip(1))
            {
                skipped.Add(loser.FilePath);
                if (!IsInCatalog(loser.FilePath, catalogDirectory))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateSourceId, loser.Location, loser.Source, ordered[0].FilePath, loser.FilePath));
                }
            }
        }

        return new SourceResolution(skipped.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static bool IsInCatalog(string path, string? catalogDirectory) =>
        catalogDirectory is not null && NormalizeDirectory(Path.GetDirectoryName(path) ?? "") == catalogDirectory;

    private static string NormalizeDirectory(string directory) =>
        directory.Replace('\\', '/').TrimEnd('/').ToUpperInvariant();

    private static void Report(SourceProductionContext production, DiagnosticInfo info)
    {
        DiagnosticDescriptor? descriptor = DiagnosticDescriptors.Find(info.Id);
        if (descriptor is not null)
        {
            production.ReportDiagnostic(Diagnostic.Create(descriptor, info.Location?.ToLocation() ?? Location.None, info.MessageArgs.Cast<object>().ToArray()));
        }
    }

    private sealed record SourceClaim(string Source, string FilePath, LocationInfo? Location);

    /// <summary>A schema file and whether it refers into other schema files (AdditionalText compares by identity, as the driver keeps it).</summary>
    private sealed record SchemaFile(AdditionalText File, bool ReferencesOtherFiles);

    private sealed record SourceResolution(EquatableArray<string> Skipped, EquatableArray<DiagnosticInfo> Diagnostics);
}

/// <summary>Names of the tracked pipeline steps (tests read them).</summary>
public static class TrackingNames
{
    public const string Options = "OnyxGen.Options";
    public const string Read = "OnyxGen.Read";
    public const string Parse = "OnyxGen.Parse";
    public const string Model = "OnyxGen.Model";
    public const string Emit = "OnyxGen.Emit";
    public const string Diagnostics = "OnyxGen.Diagnostics";
    public const string DuplicateSources = "OnyxGen.DuplicateSources";
}
