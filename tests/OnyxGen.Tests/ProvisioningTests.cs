using OnyxGen.Connectors;
using OnyxGen.Emulator;
using Xunit;

namespace OnyxGen.Tests;

public sealed class ProvisioningTests
{
    private static ConnectorSpec JiraSpec(string project, int? credentialId = null) => new($"jira-{project}", new JiraConnectorConfig
    {
        JiraBaseUrl = "https://acme.atlassian.net",
        ProjectKey = project,
    })
    {
        RefreshFreq = TimeSpan.FromHours(1),
        PruneFreq = TimeSpan.FromDays(1),
        CredentialId = credentialId,
    };

    [Fact]
    public async Task Ensure_creates_then_leaves_alone_then_updates_what_differs()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        Credential credential = await onyx.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = "t0k3n-abcdefgh" });

        ProvisioningResult created = await onyx.Provisioning.EnsureConnectorAsync(JiraSpec("ENG", credential.Id));
        ProvisioningResult unchanged = await onyx.Provisioning.EnsureConnectorAsync(JiraSpec("ENG", credential.Id));
        ProvisioningResult updated = await onyx.Provisioning.EnsureConnectorAsync(JiraSpec("ENG", credential.Id) with { RefreshFreq = TimeSpan.FromMinutes(10) });

        Assert.Equal(ProvisioningAction.Created, created.Action);
        Assert.True(created.Associated);
        Assert.Equal(ProvisioningAction.Unchanged, unchanged.Action);
        Assert.False(unchanged.Associated);
        Assert.Equal(ProvisioningAction.Updated, updated.Action);
        Assert.Equal(new[] { "refresh_freq" }, updated.Changes);
        Assert.Single(emulator.Inspect.Connectors(), c => c.Source == "jira");
        Assert.Single(emulator.Inspect.CcPairs(), p => p.CredentialId == credential.Id);
        Assert.Equal(600, (await onyx.Connectors.GetAsync(created.ConnectorId!.Value)).RefreshFreq);
    }

    [Fact]
    public async Task Plan_reports_what_would_change_and_changes_nothing()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        await onyx.Provisioning.EnsureConnectorAsync(JiraSpec("ENG"));
        await onyx.Provisioning.EnsureConnectorAsync(JiraSpec("OPS"));
        long requestsBefore = emulator.Inspect.TotalRequests;

        var specs = new[]
        {
            JiraSpec("ENG"),
            JiraSpec("OPS") with { Config = new JiraConnectorConfig { JiraBaseUrl = "https://acme.atlassian.net", ProjectKey = "OPS2" } },
            JiraSpec("NEW"),
        };
        IReadOnlyList<ProvisioningResult> plan = await onyx.Provisioning.PlanAsync(specs);

        Assert.Equal(new[] { ProvisioningAction.Unchanged, ProvisioningAction.Updated, ProvisioningAction.Created }, plan.Select(p => p.Action));
        Assert.Equal(new[] { "connector_specific_config.project_key" }, plan[1].Changes);
        Assert.Equal(2, emulator.Inspect.Connectors().Count(c => c.Source == "jira"));
        Assert.Equal(requestsBefore + 1, emulator.Inspect.TotalRequests); // one GET to list, nothing else
    }

    [Fact]
    public async Task A_batch_reports_progress_and_one_failure_does_not_stop_it()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        Credential credential = await onyx.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = "t0k3n-abcdefgh" });
        var specs = Enumerable.Range(0, 10).Select(i => JiraSpec($"P{i}", credential.Id)).ToList();
        specs[3] = specs[3] with { CredentialId = 999 }; // no such credential: the server answers 500 on associate
        var reports = new List<ProvisioningProgress>();

        IReadOnlyList<ProvisioningResult> results = await onyx.Provisioning.ProvisionAsync(
            specs, new ProvisioningOptions { MaxConcurrency = 3 }, new Recorder(reports));

        Assert.Equal(10, reports.Count);
        Assert.Equal(Enumerable.Range(1, 10), reports.Select(r => r.Completed).Order());
        ProvisioningResult failed = Assert.Single(results, r => r.Action == ProvisioningAction.Failed);
        Assert.Same(specs[3], failed.Spec);
        Assert.IsType<OnyxApiException>(failed.Error);
        Assert.Equal(9, results.Count(r => r.Action == ProvisioningAction.Created));
    }

    [Fact]
    public async Task Two_specs_with_the_same_name_and_source_are_refused_up_front()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);

        await Assert.ThrowsAsync<ArgumentException>(() => onyx.Provisioning.ProvisionAsync(new[] { JiraSpec("A"), JiraSpec("A") }));
        Assert.DoesNotContain(emulator.Inspect.Connectors(), c => c.Source == "jira");
    }

    private sealed class Recorder(List<ProvisioningProgress> reports) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
