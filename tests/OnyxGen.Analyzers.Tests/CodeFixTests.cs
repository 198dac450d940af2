using Microsoft.CodeAnalysis;

namespace OnyxGen.Analyzers.Tests;

/// <summary>Each code fix, applied through a workspace: the result compiles, the diagnostic is gone, and the text is what a person would write.</summary>
public class CodeFixTests
{
    private static async Task<string> FixAsync(string code, string[] schemas, string id, bool fixAll = false)
    {
        Document document = AnalyzerHarness.CreateDocument(code, schemas);
        AnalyzerHarness.AssertCompiles((await document.Project.GetCompilationAsync())!);
        Document fixedDocument = await AnalyzerHarness.ApplyFixAsync(document, id, fixAll);
        Compilation compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        AnalyzerHarness.AssertCompiles(compilation);
        var remaining = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.DoesNotContain(remaining, d => d.Id == id);
        return (await fixedDocument.GetTextAsync()).ToString();
    }

    [Fact]
    public async Task AddsHttpsToSchemeLessUrl()
    {
        string result = await FixAsync(ConfigValueTests.Program("""
                    return new JiraConnectorConfig { JiraBaseUrl = "your-domain.atlassian.net" };
            """), [ConfigValueTests.Mock, "jira"], "ONYX1002");
        Assert.Contains("JiraBaseUrl = \"https://your-domain.atlassian.net\" }", result);
    }

    [Fact]
    public async Task NoUrlFixForEmails()
    {
        Document document = AnalyzerHarness.CreateDocument(ConfigValueTests.Program("""
                    return new JiraCredential { JiraApiToken = input, JiraUserEmail = "legal@" };
            """), [ConfigValueTests.Mock, "jira"]);
        var diagnostics = await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("ONYX1002", diagnostic.Id);
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticDescriptors.ReplacementProperty));
    }

    [Fact]
    public async Task PicksNearestAllowedValue()
    {
        string result = await FixAsync(ConfigValueTests.Program("""
                    existing.Level = 4;
                    return existing;
            """), [ConfigValueTests.Mock], "ONYX1003");
        Assert.Contains("existing.Level = 6;", result);
    }

    [Fact]
    public async Task ReplacesHardCodedSecretWithEnvironmentVariable()
    {
        string result = await FixAsync(ConfigValueTests.Program("""
                    return new JiraCredential { JiraApiToken = "ATATT3xFfGF0", JiraUserEmail = "ops@example.com" };
            """), [ConfigValueTests.Mock, "jira"], "ONYX1008");
        Assert.Contains("JiraApiToken = Environment.GetEnvironmentVariable(\"JIRA_API_TOKEN\") ?? throw new InvalidOperationException(\"Set the JIRA_API_TOKEN environment variable.\"),", result);
    }

    [Fact]
    public async Task ReplacesSecretInsideOnyxSecretConstructor()
    {
        string result = await FixAsync(ConfigValueTests.Program("""
                    existing.WebhookSecret = new OnyxSecret("s3cr3t");
                    return existing;
            """), [ConfigValueTests.Mock], "ONYX1008");
        Assert.Contains("new OnyxSecret(Environment.GetEnvironmentVariable(\"WEBHOOK_SECRET\") ?? throw new InvalidOperationException(\"Set the WEBHOOK_SECRET environment variable.\"))", result);
    }

    [Fact]
    public async Task RaisesRefreshFrequencyToMinimum()
    {
        string result = await FixAsync(ApiUsageTests.Program("""
                    await connectors.CreateWebAsync("w", web, refreshFreq: TimeSpan.FromSeconds(30));
                    return null;
            """), ApiUsageTests.Schemas, "ONYX2002");
        Assert.Contains("refreshFreq: TimeSpan.FromSeconds(60));", result);
    }

    [Fact]
    public async Task RaisesPruneFrequencyToMinimum()
    {
        string result = await FixAsync(ApiUsageTests.Program("""
                    return new ConnectorSpec("w", web) { PruneFreq = TimeSpan.FromMinutes(1) };
            """), ApiUsageTests.Schemas, "ONYX2003");
        Assert.Contains("PruneFreq = TimeSpan.FromMinutes(5) }", result);
    }

    [Fact]
    public async Task UsesAnAcceptedInputType()
    {
        string result = await FixAsync(ApiUsageTests.Program("""
                    await connectors.CreateWebAsync("w", web, inputType: InputType.Poll);
                    return null;
            """), ApiUsageTests.Schemas, "ONYX2001");
        Assert.Contains("inputType: InputType.LoadState);", result);
    }

    [Fact]
    public async Task FixAllRaisesEveryFrequencyInTheDocument()
    {
        string result = await FixAsync(ApiUsageTests.Program("""
                    await connectors.CreateWebAsync("w", web, refreshFreq: TimeSpan.FromSeconds(30));
                    await connectors.CreateWebAsync("w", web, refreshFreq: TimeSpan.FromMinutes(0.5));
                    await connectors.CreateJiraAsync("j", jira, refreshFreq: new TimeSpan(0, 0, 1));
                    return null;
            """), ApiUsageTests.Schemas, "ONYX2002", fixAll: true);
        Assert.Contains("refreshFreq: TimeSpan.FromSeconds(60));", result);
        Assert.Equal(2, result.Split("refreshFreq: TimeSpan.FromMinutes(1));").Length - 1);
    }

    [Fact]
    public async Task FixAllReplacesEverySecret()
    {
        string result = await FixAsync(ConfigValueTests.Program("""
                    return new MockConnectorCredential { Username = "svc", Password = "hunter2", ApiToken = "tok" };
            """), [ConfigValueTests.Mock], "ONYX1008", fixAll: true);
        Assert.Contains("Password = Environment.GetEnvironmentVariable(\"PASSWORD\")", result);
        Assert.Contains("ApiToken = Environment.GetEnvironmentVariable(\"API_TOKEN\")", result);
    }
}
