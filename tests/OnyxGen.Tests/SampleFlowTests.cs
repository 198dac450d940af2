using System.Text.Json;
using JiraProjects;
using OnyxGen.Emulator;
using Xunit;

namespace OnyxGen.Tests;

/// <summary>The JiraProjects sample's flow, end to end against the emulator, checked on the wire.</summary>
public sealed class SampleFlowTests
{
    private static readonly JiraSettings Jira = new("https://your-company.atlassian.net", new OnyxSecret("emulator-demo-jira-token"), "ops@company.com");

    [Fact]
    public async Task The_sample_creates_three_connectors_and_associates_them_sending_what_the_real_server_accepts()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        var recorder = new RecordingHandler();
        using OnyxClient onyx = TestClients.Create(emulator, recorder: recorder);
        var output = new StringWriter();

        FlowResult result = await JiraProjectsFlow.RunAsync(onyx, Jira, output);

        Assert.Equal(3, result.ConnectorIds.Count);
        Assert.Equal(3, result.Associations.Count(a => !a.AlreadyAssociated));
        Assert.Contains("Completed! Connector IDs: [1, 2, 3]", output.ToString());

        Assert.All(recorder.Requests, r => Assert.Equal("Bearer " + emulator.ApiKey, r.Authorization));

        RecordedRequest[] creates = recorder.Requests.Where(r => r.Method == "POST" && r.Path == "/api/manage/admin/connector").ToArray();
        Assert.Equal(3, creates.Length);
        foreach (RecordedRequest create in creates)
        {
            using JsonDocument body = JsonDocument.Parse(create.Body!);
            JsonElement root = body.RootElement;
            Assert.Equal("jira", root.GetProperty("source").GetString());
            Assert.Equal("poll", root.GetProperty("input_type").GetString());
            Assert.Equal("public", root.GetProperty("access_type").GetString());
            Assert.Equal(3600, root.GetProperty("refresh_freq").GetInt32());
            Assert.Equal(86400, root.GetProperty("prune_freq").GetInt32());
            Assert.Equal(
                new[] { "jira_base_url", "project_key", "comment_email_blacklist" },
                root.GetProperty("connector_specific_config").EnumerateObject().Select(p => p.Name));
            Assert.Equal("legal@company.com", root.GetProperty("connector_specific_config").GetProperty("comment_email_blacklist")[0].GetString());
        }

        RecordedRequest[] associations = recorder.Requests.Where(r => r.Method == "PUT").ToArray();
        Assert.Equal(3, associations.Length);
        foreach ((RecordedRequest put, int i) in associations.Select((r, i) => (r, i)))
        {
            Assert.Equal($"/api/manage/connector/{result.ConnectorIds[i]}/credential/{result.CredentialId}", put.Path);
            using JsonDocument body = JsonDocument.Parse(put.Body!);
            Assert.Equal($"jira-{JiraProjectsFlow.ProjectsToIndex[i]}", body.RootElement.GetProperty("name").GetString());
            Assert.Equal("public", body.RootElement.GetProperty("access_type").GetString());
        }

        Assert.Equal(3, emulator.Inspect.CcPairs().Count(p => p.CredentialId == result.CredentialId));
    }

    [Fact]
    public async Task Running_the_sample_twice_changes_nothing_the_second_time()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);

        FlowResult first = await JiraProjectsFlow.RunAsync(onyx, Jira, TextWriter.Null);
        FlowResult second = await JiraProjectsFlow.RunAsync(onyx, Jira, TextWriter.Null);

        Assert.Equal(first.ConnectorIds, second.ConnectorIds);
        Assert.Equal(first.CredentialId, second.CredentialId);
        Assert.All(second.Associations, a => Assert.True(a.AlreadyAssociated));
        Assert.Equal(3, emulator.Inspect.Connectors().Count(c => c.Source == "jira"));
        Assert.Single(emulator.Inspect.Credentials(), c => c.Source == "jira");
    }
}
