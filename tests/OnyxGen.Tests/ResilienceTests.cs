using Microsoft.Extensions.Logging;
using OnyxGen.Connectors;
using OnyxGen.Emulator;
using Xunit;

namespace OnyxGen.Tests;

/// <summary>Retries against the emulator's injected faults: nothing lost, nothing duplicated, nothing leaked.</summary>
public sealed class ResilienceTests
{
    private static ConnectorSpec Spec(int i, int? credentialId = 0) => new($"site-{i:D4}", new WebConnectorConfig { BaseUrl = $"https://docs{i}.example.com" })
    {
        CredentialId = credentialId,
        RefreshFreq = TimeSpan.FromHours(1),
    };

    [Fact]
    public async Task Retries_429_and_5xx_until_the_call_succeeds()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        emulator.Faults.TooManyRequestsRate = 0.3;
        emulator.Faults.RetryAfterSeconds = 1;
        emulator.Faults.ServerErrorRate = 0.3;
        emulator.Faults.ServerErrorStatusCodes = [502, 503, 504];
        using OnyxClient onyx = TestClients.Create(emulator, o => o.Retry.MaxRetries = 12);

        for (int i = 0; i < 20; i++)
        {
            await onyx.Connectors.CreateWebAsync($"s{i}", new WebConnectorConfig { BaseUrl = "https://a.example.com" });
        }

        EmulatorFaultCounts faults = emulator.Inspect.FaultCounts();
        Assert.True(faults.TooManyRequests + faults.ServerErrors > 0, "The emulator injected no faults; the test proves nothing.");
        Assert.Equal(20, emulator.Inspect.Connectors().Count(c => c.Source == "web"));
    }

    [Fact]
    public async Task A_create_whose_connection_dropped_after_commit_is_not_created_twice()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        emulator.Faults.DropAfterCommitRate = 1.0;
        emulator.Faults.Methods = ["POST"];
        using OnyxClient onyx = TestClients.Create(emulator);

        ConnectorCreated created = await onyx.Connectors.CreateWebAsync("site", new WebConnectorConfig { BaseUrl = "https://a.example.com" });

        Assert.True(created.Existed);
        EmulatorConnector only = Assert.Single(emulator.Inspect.Connectors(), c => c.Source == "web");
        Assert.Equal(only.Id, created.Id);
    }

    [Fact]
    public async Task Retries_off_surfaces_the_first_failure()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        emulator.Faults.ServerErrorRate = 1.0;
        emulator.Faults.ServerErrorStatusCodes = [503];
        using OnyxClient onyx = TestClients.Create(emulator, o => o.Retry.MaxRetries = 0);

        OnyxApiException ex = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Connectors.ListAsync());

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, emulator.Inspect.TotalRequests);
    }

    [Fact]
    public async Task A_credential_create_is_not_retried_after_an_uncertain_failure()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        emulator.Faults.ServerErrorRate = 1.0;
        emulator.Faults.ServerErrorStatusCodes = [502];
        emulator.Faults.Methods = ["POST"];
        using OnyxClient onyx = TestClients.Create(emulator);

        await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = "t0k3n-abcdefgh" }));

        Assert.Equal(1, emulator.Inspect.TotalRequests);
        Assert.DoesNotContain(emulator.Inspect.Credentials(), c => c.Source == "jira");
    }

    [Fact]
    public async Task Provisioning_1000_connectors_through_20_percent_faults_ends_with_exactly_1000_each_associated_once()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using OnyxClient onyx = TestClients.Create(emulator, o => o.Retry.MaxRetries = 20, logger: factory.CreateLogger<OnyxClient>());
        ConnectorSpec[] specs = Enumerable.Range(0, 1000).Select(i => Spec(i)).ToArray();

        // Faults start after the initial listing so that every kind hits creates and associations.
        emulator.Faults.TooManyRequestsRate = 0.07;
        emulator.Faults.RetryAfterSeconds = 1;
        emulator.Faults.ServerErrorRate = 0.07;
        emulator.Faults.ServerErrorStatusCodes = [502, 503, 504];
        emulator.Faults.DropAfterCommitRate = 0.07;
        emulator.Faults.RateLimitPerSecond = 5000;
        IReadOnlyList<ProvisioningResult> results = await onyx.Provisioning.ProvisionAsync(specs, new ProvisioningOptions { MaxConcurrency = 16 });

        EmulatorFaultCounts faults = emulator.Inspect.FaultCounts();
        Assert.True(faults.TooManyRequests > 20 && faults.ServerErrors > 20 && faults.ConnectionsDropped > 20, $"Too few faults injected: {faults}");
        Assert.All(results, r => Assert.True(r.Action != ProvisioningAction.Failed, r.ToString()));
        var web = emulator.Inspect.Connectors().Where(c => c.Source == "web").ToArray();
        Assert.Equal(1000, web.Length);
        Assert.Equal(1000, web.Select(c => c.Name).Distinct().Count());
        var pairs = emulator.Inspect.CcPairs().Where(p => p.CredentialId == 0 && p.ConnectorId != 0).ToArray();
        Assert.Equal(1000, pairs.Length);
        Assert.Equal(1000, pairs.Select(p => p.ConnectorId).Distinct().Count());
        Assert.DoesNotContain(logs.Lines, line => line.Contains(emulator.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interrupted_batch_is_finished_by_running_it_again()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        ConnectorSpec[] specs = Enumerable.Range(0, 200).Select(i => Spec(i)).ToArray();

        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress<ProvisioningProgress>(p =>
        {
            if (p.Completed == 50)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => onyx.Provisioning.ProvisionAsync(specs, new ProvisioningOptions { MaxConcurrency = 4 }, progress, cancel.Token));
        int afterInterrupt = emulator.Inspect.Connectors().Count(c => c.Source == "web");
        Assert.InRange(afterInterrupt, 50, 199);

        IReadOnlyList<ProvisioningResult> rerun = await onyx.Provisioning.ProvisionAsync(specs);

        Assert.Equal(200, emulator.Inspect.Connectors().Count(c => c.Source == "web"));
        Assert.Equal(200, emulator.Inspect.CcPairs().Count(p => p.CredentialId == 0 && p.ConnectorId != 0));
        Assert.Equal(200 - afterInterrupt, rerun.Count(r => r.Action == ProvisioningAction.Created));
        Assert.All(rerun, r => Assert.NotEqual(ProvisioningAction.Failed, r.Action));
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, too late to cancel at an exact count).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
