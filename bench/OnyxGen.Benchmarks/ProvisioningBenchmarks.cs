using BenchmarkDotNet.Attributes;
using OnyxGen.Connectors;
using OnyxGen.Emulator;

namespace OnyxGen.Benchmarks;

/// <summary>
/// Creating and associating 1,000 connectors against the emulator on loopback, at concurrency 1 and 16. The baseline (the
/// limit on this machine) sends the same pre-serialized bodies with a bare HttpClient: one POST and one PUT per
/// connector, nothing else. Every iteration starts a fresh, empty emulator (outside the measured time).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
public class ProvisioningBenchmarks
{
    public const int Connectors = 1000;

    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);
    private static readonly TimeSpan Prune = TimeSpan.FromDays(1);

    private readonly string[] _names = Enumerable.Range(0, Connectors).Select(i => $"jira-{i:D4}").ToArray();
    private JiraConnectorConfig[] _configs = [];
    private byte[][] _createBodies = [];
    private byte[][] _associateBodies = [];
    private ConnectorSpec[] _specs = [];
    private OnyxEmulator? _emulator;
    private HttpClient? _http;
    private OnyxClient? _client;
    private int _credentialId;

    [Params(1, 16)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _configs = Enumerable.Range(0, Connectors).Select(RuntimeAccess.Jira).ToArray();
        _createBodies = Enumerable.Range(0, Connectors).Select(i => RuntimeAccess.ConnectorRequest(_names[i], _configs[i], Refresh, Prune).ToArray()).ToArray();
        _associateBodies = _names.Select(BareOnyxClient.AssociateBody).ToArray();

        // One batch of each client first, so that no client is measured while the shared code paths (Kestrel, the
        // emulator, SocketsHttpHandler) are still being JIT-compiled: whichever ran first used to pay for that.
        foreach (Func<Task> batch in new Func<Task>[] { Baseline_BareHttpClient, OnyxGen_CreateAndAssociate, OnyxGen_ProvisionAsync })
        {
            StartEmulator();
            batch().GetAwaiter().GetResult();
            StopEmulator();
        }
    }

    [IterationSetup]
    public void StartEmulator()
    {
        _emulator = OnyxEmulator.StartAsync(new OnyxEmulatorOptions()).GetAwaiter().GetResult();
        _http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new OnyxClient(_http, new OnyxClientOptions { BaseUrl = _emulator.BaseUrl, ApiKey = _emulator.ApiKey });

        // Jira validates its credential on association, so every run pairs with one real Jira credential (created here, unmeasured).
#pragma warning disable ONYX1008 // A token the local emulator accepts, not a secret.
        _credentialId = _client.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = "t0k3n-abcdefgh" }).GetAwaiter().GetResult().Id;
#pragma warning restore ONYX1008
        _specs = Enumerable.Range(0, Connectors).Select(i => new ConnectorSpec(_names[i], _configs[i]) { RefreshFreq = Refresh, PruneFreq = Prune, CredentialId = _credentialId }).ToArray();
    }

    [IterationCleanup]
    public void StopEmulator()
    {
        int connectors = _emulator!.Inspect.Connectors().Count(c => c.Source == "jira");
        int pairs = _emulator.Inspect.CcPairs().Count(p => p.CredentialId == _credentialId);
        _client!.Dispose();
        _http!.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (connectors != Connectors || pairs != Connectors)
        {
            throw new InvalidOperationException($"Expected {Connectors} connectors and pairs, found {connectors} and {pairs}.");
        }
    }

    /// <summary>The limit: a bare HttpClient sending the pre-serialized create and associate bodies.</summary>
    [Benchmark(Baseline = true)]
    public Task Baseline_BareHttpClient() => Parallel.ForEachAsync(
        Enumerable.Range(0, Connectors),
        new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
        async (i, ct) => await BareOnyxClient.CreateAndAssociateAsync(
            _http!, _emulator!.BaseUrl.ToString().TrimEnd('/'), _emulator.ApiKey, _createBodies[i], _associateBodies[i], _credentialId, ct));

    /// <summary>OnyxGen's client: Connectors.CreateAsync then AssociateCredentialAsync (validation, retries pipeline, typed responses).</summary>
    [Benchmark]
    public Task OnyxGen_CreateAndAssociate() => Parallel.ForEachAsync(
        Enumerable.Range(0, Connectors),
        new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
        async (i, ct) =>
        {
            ConnectorCreated<JiraConnectorConfig> created = await _client!.Connectors.CreateAsync(_names[i], _configs[i], Refresh, Prune, cancellationToken: ct);
            await _client.Connectors.AssociateCredentialAsync(created.Id, _credentialId, _names[i], cancellationToken: ct);
        });

    /// <summary>OnyxGen's idempotent provisioning (one initial list, then create and associate per spec).</summary>
    [Benchmark]
    public Task OnyxGen_ProvisionAsync() => _client!.Provisioning.ProvisionAsync(_specs, new ProvisioningOptions { MaxConcurrency = Concurrency });
}
