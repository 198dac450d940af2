using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace OnyxGen.Generator.Tests;

/// <summary><c>$ref</c> into other files among the AdditionalFiles, by relative path.</summary>
public sealed class CrossFileRefTests
{
    private const string Web = """
        {
          "type": "object",
          "properties": {
            "owner": { "$ref": "shared/common.json#/$defs/person" },
            "limits": { "$ref": "shared/common.json#/$defs/limits" },
            "site": { "$ref": "jira.schema.json#/properties/jira_base_url" }
          },
          "required": ["owner"]
        }
        """;

    private const string Common = """
        {
          "$defs": {
            "person": {
              "type": "object",
              "properties": {
                "name": { "type": "string", "minLength": 1 },
                "email": { "type": "string", "format": "email" },
                "manager": { "$ref": "#/$defs/person" }
              },
              "required": ["name"],
              "additionalProperties": false
            },
            "limits": { "type": "integer", "minimum": 1, "maximum": 10 }
          }
        }
        """;

    private static GeneratorRun Run(string web = Web, string common = Common) => GeneratorHarness.Run(new[]
    {
        ("/p/web.schema.json", web),
        ("/p/shared/common.json", common),
        GeneratorHarness.CatalogFile("jira") with { Path = "/p/jira.schema.json" },
    });

    [Fact]
    public void A_ref_into_another_file_generates_typed_members_that_validate()
    {
        GeneratorRun run = Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Equal(2, run.Result.Results.Single().GeneratedSources.Length); // web and jira; common.json is definitions only
        Type web = run.Load().GetType("OnyxGen.Connectors.WebConnectorConfig")!;
        Assert.Equal("OnyxGen.Connectors.WebConnectorConfig+Person", web.GetProperty("Owner")!.PropertyType.FullName);
        Assert.Equal(typeof(long?), web.GetProperty("Limits")!.PropertyType);
        Assert.Equal(typeof(string), web.GetProperty("Site")!.PropertyType);

        IReadOnlyList<OnyxValidationError> errors = Validate(web, """{"owner":{"name":"","email":"x@","manager":{"name":"b"}},"limits":11,"site":"no-scheme"}""");
        Assert.Equal(
            new[] { "/limits", "/owner/email", "/owner/name", "/site" },
            errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
        Assert.Equal("/owner/manager/bogus", Assert.Single(Validate(web, """{"owner":{"name":"a","manager":{"name":"b","bogus":1}}}""")).Pointer);
        Assert.Empty(Validate(web, """{"owner":{"name":"a","manager":{"name":"b"}},"limits":3,"site":"https://a.example.com"}"""));
    }

    [Fact]
    public void A_problem_inside_the_other_file_is_located_in_that_file()
    {
        GeneratorRun run = Run(common: Common.Replace("\"minLength\": 1", "\"pattern\": \"([\""));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0004", diagnostic.Id);
        Assert.Equal("/p/shared/common.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // zero-based: the "name" line of common.json
    }

    [Fact]
    public void A_ref_to_a_file_that_is_not_there_is_ONYX0005_at_the_ref()
    {
        GeneratorRun run = Run(web: Web.Replace("shared/common.json#/$defs/limits", "shared/missing.json#/$defs/limits"));

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ONYX0005", diagnostic.Id);
        Assert.Equal("/p/web.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("not among the project's schema files", diagnostic.GetMessage());
    }

    [Fact]
    public void Files_without_cross_file_refs_still_parse_alone()
    {
        GeneratorRun run = Run();
        GeneratorRunResult result = run.Result.Results.Single();

        // jira.schema.json has no cross-file $ref: parsed by the standalone step; web.schema.json by the linked one.
        Assert.Equal(2, result.TrackedSteps[TrackingNames.Parse].Length);
    }

    private static IReadOnlyList<OnyxValidationError> Validate(Type type, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return (IReadOnlyList<OnyxValidationError>)type.GetMethod("ValidateJson")!.Invoke(null, new object[] { document.RootElement })!;
    }
}
