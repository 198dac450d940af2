using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OnyxGen.Http;

namespace OnyxGen;

/// <summary>
/// The Onyx admin API client: <see cref="Connectors"/>, <see cref="Credentials"/>, <see cref="CcPairs"/> and
/// <see cref="Provisioning"/>. Create one per server and reuse it; it is thread-safe.
/// </summary>
public class OnyxClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
    /// <param name="options">Base URL, API key and retry settings (validated here).</param>
    /// <param name="logger">Request logging (no secrets are ever logged).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public OnyxClient(OnyxClientOptions options, ILogger<OnyxClient>? logger = null)
        : this(CreateOwnedHttpClient(), options, logger, ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client over an existing <see cref="HttpClient"/> (e.g. one from <c>IHttpClientFactory</c>); the caller owns it.</summary>
    /// <param name="httpClient">The HTTP client.</param>
    /// <param name="options">Base URL, API key and retry settings (validated here).</param>
    /// <param name="logger">Request logging (no secrets are ever logged).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public OnyxClient(HttpClient httpClient, OnyxClientOptions options, ILogger<OnyxClient>? logger = null)
        : this(httpClient, options, logger, ownsHttpClient: false)
    {
    }

    private OnyxClient(HttpClient httpClient, OnyxClientOptions options, ILogger<OnyxClient>? logger, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (ownsHttpClient)
        {
            _ownedHttpClient = httpClient;
        }

        ArgumentNullException.ThrowIfNull(options);
        var transport = new OnyxTransport(httpClient, options, (ILogger?)logger ?? NullLogger.Instance);
        Connectors = new ConnectorsClient(transport);
        Credentials = new CredentialsClient(transport);
        CcPairs = new CcPairsClient(transport);
        Provisioning = new ConnectorProvisioner(Connectors, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>For test doubles only.</summary>
    protected OnyxClient()
    {
        Connectors = null!;
        Credentials = null!;
        CcPairs = null!;
        Provisioning = null!;
    }

    /// <summary>Connectors, and associating credentials with them.</summary>
    public virtual ConnectorsClient Connectors { get; }

    /// <summary>Credentials.</summary>
    public virtual CredentialsClient Credentials { get; }

    /// <summary>Connector-credential pairs.</summary>
    public virtual CcPairsClient CcPairs { get; }

    /// <summary>Idempotent provisioning: ensure connectors exist as specified, plan (dry run) and batch.</summary>
    public virtual ConnectorProvisioner Provisioning { get; }

    /// <summary>Disposes the HTTP client if this instance created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP client if this instance created it.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    private static HttpClient CreateOwnedHttpClient()
    {
        // Retries and per-attempt timeouts live in the client's pipeline; the HttpClient must not cut them short.
        return new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
