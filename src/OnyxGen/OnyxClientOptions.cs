namespace OnyxGen;

/// <summary>Where and how <see cref="OnyxClient"/> talks to Onyx. Bound from the <c>Onyx</c> configuration section by <c>AddOnyxClient</c>.</summary>
public sealed class OnyxClientOptions
{
    /// <summary>
    /// The API base: everything before <c>/manage</c>. <c>https://host/api</c> behind Onyx's nginx or in Onyx Cloud,
    /// <c>http://host:8080</c> for the API server directly.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>An Onyx API key (<c>on_...</c>), sent as <c>Authorization: Bearer</c>. Never logged or printed.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Allow an <c>http://</c> base URL that is not loopback (the key would travel in clear text). Off by default.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Validate configs and credentials against their schema before sending (nothing is sent when invalid). On by default.</summary>
    public bool ValidateBeforeSend { get; set; } = true;

    /// <summary>Retry behaviour. <see cref="OnyxRetryOptions.MaxRetries"/> = 0 turns retries off.</summary>
    public OnyxRetryOptions Retry { get; set; } = new();

    /// <summary>Time allowed for one HTTP attempt. Default 100 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Checks the options; returns every problem found (empty when valid). Never includes the key's value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BaseUrl is null)
        {
            problems.Add("Onyx:BaseUrl is required (the API base, e.g. https://onyx.example.com/api).");
        }
        else if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("Onyx:BaseUrl must be an absolute http(s) URL.");
        }
        else if (BaseUrl.Scheme == Uri.UriSchemeHttp && !BaseUrl.IsLoopback && !AllowInsecureHttp)
        {
            problems.Add($"Onyx:BaseUrl '{BaseUrl.GetLeftPart(UriPartial.Authority)}' is http:// and not loopback: the API key would be sent in clear text. Use https://, or set AllowInsecureHttp.");
        }
        else if (BaseUrl.AbsolutePath.TrimEnd('/').EndsWith("/manage", StringComparison.Ordinal))
        {
            problems.Add("Onyx:BaseUrl must end before /manage (e.g. https://host/api, not https://host/api/manage).");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            problems.Add("Onyx:ApiKey is required.");
        }
        else if (ApiKey.Any(char.IsControl))
        {
            problems.Add("Onyx:ApiKey contains control characters (a stray newline?).");
        }
        else if (ApiKey.Any(char.IsWhiteSpace))
        {
            problems.Add("Onyx:ApiKey contains whitespace.");
        }

        if (Retry.MaxRetries < 0)
        {
            problems.Add("Onyx:Retry:MaxRetries cannot be negative.");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add("Onyx:AttemptTimeout must be positive.");
        }

        return problems;
    }

    internal void ThrowIfInvalid()
    {
        IReadOnlyList<string> problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid OnyxClientOptions: " + string.Join(" ", problems));
        }
    }
}

/// <summary>
/// Retries: transport failures, 408, 429, 502, 503, 504, with exponential backoff and jitter, honouring <c>Retry-After</c>.
/// Creates are never re-sent blindly: a connector create is re-sent only after a lookup by (name, source) finds no connector,
/// and a credential create (which has no natural key) is retried only on 429, where the server did nothing.
/// </summary>
public sealed class OnyxRetryOptions
{
    /// <summary>Retries after the first attempt. Default 4; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; it doubles with each retry (with jitter). Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single delay, including one asked for by <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The cap on one call's total time, all attempts and delays included. Default 5 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
