using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace OnyxGen.Generator.Tests;

/// <summary>The pipeline caches: an unrelated edit re-runs nothing; editing one schema re-parses and re-emits only that one.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] Sources = { "jira", "web", "file", "confluence", "slack" };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, InMemoryAdditionalText[] Files) FirstRun()
    {
        InMemoryAdditionalText[] files = Sources.Select(s => GeneratorHarness.CatalogFile(s)).Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToArray();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(files);
        CSharpCompilation compilation = GeneratorHarness.Compilation("public class A { }");
        driver = driver.RunGenerators(compilation);
        return (driver, compilation, files);
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        (GeneratorDriver driver, CSharpCompilation compilation, _) = FirstRun();

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class B { }", GeneratorHarness.ParseOptions));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.NotEmpty(result.TrackedSteps);
        foreach ((string name, var steps) in result.TrackedSteps)
        {
            foreach (IncrementalGeneratorRunStep step in steps)
            {
                Assert.All(step.Outputs, output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {name} output was {output.Reason} after an unrelated edit."));
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_schema_reparses_and_reemits_only_that_one()
    {
        (GeneratorDriver driver, CSharpCompilation compilation, InMemoryAdditionalText[] files) = FirstRun();

        InMemoryAdditionalText web = files.Single(f => f.Path.EndsWith("web.schema.json", StringComparison.Ordinal));
        string edited = web.GetText().ToString().Replace("\"title\": \"Web\"", "\"title\": \"Web site\"");
        Assert.NotEqual(web.GetText().ToString(), edited);
        driver = driver.ReplaceAdditionalText(web, new InMemoryAdditionalText(web.Path, edited));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        IncrementalStepRunReason[] parse = Reasons(result, TrackingNames.Parse);
        IncrementalStepRunReason[] emit = Reasons(result, TrackingNames.Emit);
        Assert.Equal(Sources.Length, parse.Length);
        Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(Sources.Length - 1, parse.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Equal(1, emit.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(Sources.Length - 1, emit.Count(r => r == IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void Pipeline_step_outputs_hold_no_roslyn_or_json_dom_objects()
    {
        (GeneratorDriver driver, _, _) = FirstRun();
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        string[] ours = { TrackingNames.Options, TrackingNames.Parse, TrackingNames.Model, TrackingNames.Emit, TrackingNames.Diagnostics, TrackingNames.DuplicateSources };
        foreach (string name in ours)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"No tracked step {name}.");
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object value, _) in step.Outputs)
                {
                    AssertNoForbiddenTypes(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step.Name ?? "?");
                }
            }
        }
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static void AssertNoForbiddenTypes(object? value, HashSet<object> seen, string step)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or Location or AdditionalText || type.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true,
            $"Step {step} holds a {type.FullName}, which defeats caching.");

        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                AssertNoForbiddenTypes(item, seen, step);
            }

            return;
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoForbiddenTypes(field.GetValue(value), seen, step);
        }
    }
}
