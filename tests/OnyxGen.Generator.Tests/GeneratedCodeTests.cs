using Microsoft.CodeAnalysis;
using Xunit;

namespace OnyxGen.Generator.Tests;

/// <summary>The generated code compiles, with no warnings, against real .NET 8 reference assemblies, and behaves.</summary>
public sealed class GeneratedCodeTests
{
    public static TheoryData<string> CatalogSources()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(GeneratorHarness.CatalogDirectory, "*.schema.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".schema.json".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogSources))]
    public void Every_catalog_schema_generates_code_that_compiles_without_warnings(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.CatalogFile(source) });

        Assert.Empty(run.Diagnostics);
        Assert.Single(run.Result.Results.Single().GeneratedSources);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.CompilationWarnings);
    }

    [Fact]
    public void The_whole_catalog_compiles_together()
    {
        var files = Directory.GetFiles(GeneratorHarness.CatalogDirectory, "*.schema.json").Select(p => (p, File.ReadAllText(p))).ToArray();
        GeneratorRun run = GeneratorHarness.Run(files);

        Assert.Equal(54, files.Length);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(files.Length, run.Result.Results.Single().GeneratedSources.Length);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void The_documented_api_shape_compiles()
    {
        const string UserCode = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using OnyxGen;
            using OnyxGen.Connectors;

            /// <summary>The README's usage.</summary>
            public static class Usage
            {
                /// <summary>Creates, finds and associates.</summary>
                public static async Task Run(OnyxClient onyx, string token, string email)
                {
                    ConnectorCreated created = await onyx.Connectors.CreateJiraAsync(
                        name: "jira-TECH",
                        config: new JiraConnectorConfig
                        {
                            JiraBaseUrl = "https://your-company.atlassian.net",
                            ProjectKey = "TECH",
                            CommentEmailBlacklist = ["legal@company.com"],
                        },
                        refreshFreq: TimeSpan.FromHours(1),
                        pruneFreq: TimeSpan.FromDays(1));

                    Credential? jira = (await onyx.Credentials.ListAsync(DocumentSource.Jira)).FirstOrDefault();
                    jira ??= await onyx.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = token, JiraUserEmail = email });

                    await onyx.Connectors.AssociateCredentialAsync(created.Id, jira.Id, name: "jira-TECH", accessType: AccessType.Public);
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.CatalogFile("jira") }, userCode: UserCode);

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.CompilationWarnings);
    }

    [Fact]
    public void A_missing_required_property_is_a_compile_error()
    {
        const string UserCode = """
            public static class Usage
            {
                public static object Make() => new OnyxGen.Connectors.JiraConnectorConfig { ProjectKey = "TECH" };
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.CatalogFile("jira") }, userCode: UserCode);

        Diagnostic error = Assert.Single(run.CompilationErrors);
        Assert.Equal("CS9035", error.Id); // required member 'JiraBaseUrl' must be set
        Assert.Contains("JiraBaseUrl", error.GetMessage());
    }

    [Fact]
    public void OnyxGenNamespace_moves_the_generated_types()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.CatalogFile("jira") }, @namespace: "Acme.Onyx", userCode: "public static class U { public static object M() => new Acme.Onyx.JiraCredential { JiraApiToken = \"x\" }; }");

        Assert.Empty(run.CompilationErrors);
        Assert.EndsWith("Acme.Onyx.JiraConnectorConfig.g.cs", run.Result.Results.Single().GeneratedSources.Single().HintName);
    }

    [Fact]
    public void Vocabulary_matches_the_runtime_DocumentSource_list()
    {
        Assert.Equal(
            DocumentSource.All.Select(s => s.Value).Order(StringComparer.Ordinal),
            Parsing.OnyxVocabulary.Sources.Order(StringComparer.Ordinal));
    }
}
