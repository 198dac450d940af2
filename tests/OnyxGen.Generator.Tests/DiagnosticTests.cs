using Microsoft.CodeAnalysis;
using Xunit;

namespace OnyxGen.Generator.Tests;

/// <summary>Bad schema files give located diagnostics and no output for that file; the generator never throws.</summary>
public sealed class DiagnosticTests
{
    private static GeneratorRun RunOne(string text, string path = "/schemas/jira.schema.json") => GeneratorHarness.Run(new[] { (path, text) });

    private static void AssertNoGeneratorException(GeneratorRun run)
    {
        Assert.All(run.Result.Results, r => Assert.True(r.Exception is null, r.Exception?.ToString()));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784");
    }

    [Fact]
    public void Malformed_json_is_ONYX0001_at_the_line_and_column_and_generates_nothing()
    {
        const string Text = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": { \"type\": \"string\" \"x\": 1 }\n  }\n}\n";
        GeneratorRun run = RunOne(Text);

        AssertNoGeneratorException(run);
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/schemas/jira.schema.json", span.Path);
        Assert.Equal(3, span.StartLinePosition.Line); // zero-based: line 4, where a ',' is missing
        Assert.Equal(28, span.StartLinePosition.Character); // zero-based: the "x" that follows without a comma
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Root_that_is_not_an_object_is_ONYX0002()
    {
        GeneratorRun run = RunOne("[1, 2]");

        AssertNoGeneratorException(run);
        Assert.Equal("ONYX0002", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Unsupported_keyword_is_a_located_warning_naming_it_and_code_is_still_generated()
    {
        const string Text = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"n\": { \"type\": \"integer\", \"contains\": 5 }\n  }\n}";
        GeneratorRun run = RunOne(Text);

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("contains", diagnostic.GetMessage());
        Assert.Contains("/properties/n", diagnostic.GetMessage());
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(30, diagnostic.Location.GetLineSpan().StartLinePosition.Character); // zero-based: the "contains" key
        Assert.Single(run.Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Invalid_pattern_is_ONYX0004()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"properties\":{\"k\":{\"type\":\"string\",\"pattern\":\"([a-z\"}}}");
        Assert.Equal("ONYX0004", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Dangling_ref_is_ONYX0005()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"properties\":{\"k\":{\"$ref\":\"#/$defs/missing\"}}}");
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0005", diagnostic.Id);
        Assert.Contains("#/$defs/missing", diagnostic.GetMessage());
    }

    [Fact]
    public void Ref_cycle_without_an_object_is_ONYX0005()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"properties\":{\"k\":{\"$ref\":\"#/$defs/a\"}},\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}}}");
        AssertNoGeneratorException(run);
        Assert.Contains(run.Diagnostics, d => d.Id == "ONYX0005" && d.GetMessage().Contains("cycle"));
    }

    [Fact]
    public void Required_without_property_is_ONYX0006_on_the_name()
    {
        const string Text = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\",\"b\"]}";
        GeneratorRun run = RunOne(Text);

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0006", diagnostic.Id);
        Assert.Equal(Text.IndexOf("\"b\"", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void Default_of_the_wrong_type_is_ONYX0007()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"default\":\"ten\"}}}");
        Assert.Equal("ONYX0007", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void Name_override_that_is_not_an_identifier_is_ONYX0008()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"string\",\"x-onyx-name\":\"not valid\"}}}");
        Assert.Equal("ONYX0008", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void Unknown_source_is_ONYX0009()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"x-onyx-source\":\"federated_slack\"}", "/s/x.schema.json");
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0009", diagnostic.Id);
        Assert.Contains("federated_slack", diagnostic.GetMessage());
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Unknown_input_type_is_ONYX0010()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"x-onyx-input-types\":[\"POLL\"]}");
        Assert.Equal("ONYX0010", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void Two_files_for_one_source_is_ONYX0011()
    {
        GeneratorRun run = GeneratorHarness.Run(new[]
        {
            ("/a/jira.schema.json", "{\"type\":\"object\"}"),
            ("/b/mine.schema.json", "{\"type\":\"object\",\"x-onyx-source\":\"jira\"}"),
        });

        AssertNoGeneratorException(run);
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0011", diagnostic.Id);
        Assert.Contains("/b/mine.schema.json", diagnostic.GetMessage());
    }

    [Fact]
    public void Wrong_keyword_type_is_ONYX0012()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":5}}}");
        Assert.Equal("ONYX0012", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void Duplicate_key_is_ONYX0013_warning()
    {
        GeneratorRun run = RunOne("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"}}}");
        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0013", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void A_bad_file_does_not_stop_the_good_ones()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { ("/x/jira.schema.json", "{ nope"), GeneratorHarness.CatalogFile("web") });

        Assert.Equal("ONYX0001", Assert.Single(run.Diagnostics).Id);
        Assert.Single(run.Result.Results.Single().GeneratedSources);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void Files_not_named_schema_json_are_ignored()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { ("/x/notes.json", "{ nope") });
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
    }
}
