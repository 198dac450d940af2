using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using OnyxGen.Connectors;

namespace OnyxGen.Benchmarks;

/// <summary>
/// The client's own CPU for one create + associate, with the network and the server taken out: both clients talk to an
/// in-memory handler that answers at once with canned bodies. Separates what OnyxGen adds (validation, serialization,
/// the resilience pipeline, typed responses) from what loopback and the emulator cost in ProvisioningBenchmarks.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private const string RootUrl = "http://onyx.invalid";
    private static readonly Uri Root = new(RootUrl + "/");

    private readonly JiraConnectorConfig _config = RuntimeAccess.Jira(7);
    private byte[] _createBody = [];
    private byte[] _associateBody = [];
    private HttpClient _http = null!;
    private OnyxClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _createBody = RuntimeAccess.ConnectorRequest("jira-0007", _config, TimeSpan.FromHours(1), TimeSpan.FromDays(1)).ToArray();
        _associateBody = BareOnyxClient.AssociateBody("jira-0007");
        _http = new HttpClient(new CannedOnyx());
        _client = new OnyxClient(new HttpClient(new CannedOnyx()), new OnyxClientOptions { BaseUrl = Root, ApiKey = "on_bench", AllowInsecureHttp = true });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
    }

    /// <summary>The same two requests with a bare HttpClient and pre-serialized bodies (what ProvisioningBenchmarks' baseline does).</summary>
    [Benchmark(Baseline = true)]
    public Task<int> Baseline_BareHttpClient() => BareOnyxClient.CreateAndAssociateAsync(_http, RootUrl, "on_bench", _createBody, _associateBody, 3);

    /// <summary>OnyxGen's CreateAsync + AssociateCredentialAsync for the same connector.</summary>
    [Benchmark]
    public async Task<int> OnyxGen_CreateAndAssociate()
    {
        ConnectorCreated<JiraConnectorConfig> created = await _client.Connectors.CreateAsync("jira-0007", _config, TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        AssociationResult result = await _client.Connectors.AssociateCredentialAsync(created.Id, 3, "jira-0007");
        return result.ConnectorId;
    }

    /// <summary>Answers like Onyx does, at once: a create's id, an associate's StatusResponse.</summary>
    private sealed class CannedOnyx : HttpMessageHandler
    {
        private static readonly byte[] Created = Encoding.UTF8.GetBytes("{\"success\":true,\"message\":\"Connector 7 created\",\"data\":null,\"id\":7}");
        private static readonly byte[] Associated = Encoding.UTF8.GetBytes("{\"success\":true,\"message\":\"Credential 3 associated with connector 7\",\"data\":11}");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Read the body as a server would, so both clients pay for producing it.
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            var content = new ByteArrayContent(request.Method == HttpMethod.Post ? Created : Associated);
            content.Headers.ContentType = Json;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }
}
