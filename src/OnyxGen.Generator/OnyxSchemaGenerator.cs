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

        IncrementalValuesProvider<ParseResult> parsed = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) =>
            {
                SourceText? text = file.GetText(cancellationToken);
                return text is null
                    ? new ParseResult(file.Path, null, EquatableArray.ToEquatableArray(new[] { DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJsonId, null, Path.GetFileName(file.Path), "the file could not be read") }), null, null)
                    : SchemaParser.Parse(file.Path, text.ToString(), cancellationToken);
            })
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<GeneratedFile> generated = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Model)
            .Combine(options)
            .Select(static (pair, _) => SchemaEmitter.Emit(pair.Left, pair.Right))
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

        // Two files for one source would generate colliding types: compare small (source, path, location) summaries only.
        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> duplicates = parsed
            .Where(static result => result.Source is not null)
            .Select(static (result, _) => new SourceClaim(result.Source!, result.FilePath, result.SourceLocation))
            .Collect()
            .Select(static (claims, _) => DuplicateSources(claims))
            .WithTrackingName(TrackingNames.DuplicateSources);

        context.RegisterSourceOutput(duplicates, static (production, diagnostics) =>
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                Report(production, diagnostic);
            }
        });
    }

    private static GeneratorOptions ReadOptions(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
    {
        string ns = options.TryGetValue("build_property.OnyxGenNamespace", out string? value) && IsNamespace(value) ? value!.Trim() : DefaultNamespace;
        return new GeneratorOptions(ns);
    }

    private static bool IsNamespace(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value!.Trim().Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);

    private static EquatableArray<DiagnosticInfo> DuplicateSources(ImmutableArray<SourceClaim> claims)
    {
        return claims
            .GroupBy(claim => claim.Source, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .SelectMany(group =>
            {
                SourceClaim[] ordered = group.OrderBy(c => c.FilePath, StringComparer.Ordinal).ToArray();
                return ordered.Skip(1).Select(c => DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateSourceId, c.Location, c.Source, ordered[0].FilePath, c.FilePath));
            })
            .ToEquatableArray();
    }

    private static void Report(SourceProductionContext production, DiagnosticInfo info)
    {
        DiagnosticDescriptor? descriptor = DiagnosticDescriptors.Find(info.Id);
        if (descriptor is not null)
        {
            production.ReportDiagnostic(Diagnostic.Create(descriptor, info.Location?.ToLocation() ?? Location.None, info.MessageArgs.Cast<object>().ToArray()));
        }
    }

    private sealed record SourceClaim(string Source, string FilePath, LocationInfo? Location);
}

/// <summary>Names of the tracked pipeline steps (tests read them).</summary>
public static class TrackingNames
{
    public const string Options = "OnyxGen.Options";
    public const string Parse = "OnyxGen.Parse";
    public const string Model = "OnyxGen.Model";
    public const string Emit = "OnyxGen.Emit";
    public const string Diagnostics = "OnyxGen.Diagnostics";
    public const string DuplicateSources = "OnyxGen.DuplicateSources";
}
