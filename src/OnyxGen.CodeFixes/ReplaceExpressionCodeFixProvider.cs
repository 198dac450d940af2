using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using OnyxGen.Analyzers;

namespace OnyxGen.CodeFixes;

/// <summary>
/// The obvious fixes of OnyxGen diagnostics, each a replacement of the reported expression that the analyzer computed
/// (it knows the schema facts): add <c>https://</c> to a scheme-less URL (ONYX1002), use the nearest allowed integer
/// (ONYX1003), read a hard-coded secret from an environment variable (ONYX1008), use an accepted input type (ONYX2001),
/// raise a frequency to Onyx's minimum (ONYX2002, ONYX2003).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceExpressionCodeFixProvider)), Shared]
public sealed class ReplaceExpressionCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.FormatMismatchId,
        DiagnosticDescriptors.ValueNotAllowedId,
        DiagnosticDescriptors.HardCodedSecretId,
        DiagnosticDescriptors.InputTypeNotAcceptedId,
        DiagnosticDescriptors.RefreshFrequencyTooLowId,
        DiagnosticDescriptors.PruneFrequencyTooLowId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.ReplacementProperty, out string? replacement) || replacement is null
                || !diagnostic.Properties.TryGetValue(DiagnosticDescriptors.FixTitleProperty, out string? title) || title is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax target)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, target, replacement, ct), equivalenceKey: diagnostic.Id),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax target, string replacement, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        ExpressionSyntax expression = SyntaxFactory.ParseExpression(replacement);
        if (model is not null)
        {
            expression = ShortenTypeNames(expression, model, target.SpanStart);
        }

        expression = expression
            .WithTriviaFrom(target)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(target, expression));
    }

    // The analyzer writes global::-qualified type names; use the simple name wherever it means the same type (a using is in scope).
    private static ExpressionSyntax ShortenTypeNames(ExpressionSyntax expression, SemanticModel model, int position)
    {
        var qualified = expression.DescendantNodesAndSelf()
            .Where(n => n is MemberAccessExpressionSyntax or QualifiedNameSyntax && n.ToString().StartsWith("global::", StringComparison.Ordinal))
            .Where(n => IsTypeName(n, model, position) is not null)
            .ToList();
        return expression.ReplaceNodes(qualified, (original, _) => SyntaxFactory.IdentifierName(IsTypeName(original, model, position)!).WithTriviaFrom(original));
    }

    private static string? IsTypeName(SyntaxNode node, SemanticModel model, int position)
    {
        string fullName = node.ToString().Substring("global::".Length);
        int dot = fullName.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        string simpleName = fullName.Substring(dot + 1);
        ImmutableArray<ISymbol> found = model.LookupNamespacesAndTypes(position, name: simpleName);
        return found.Length == 1 && found[0] is INamedTypeSymbol type && type.ToDisplayString() == fullName ? simpleName : null;
    }
}
