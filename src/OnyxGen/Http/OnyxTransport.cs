using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OnyxGen.Http;

/// <summary>How a request may be retried.</summary>
internal enum RetryMode
{
    /// <summary>GET, PUT, PATCH (full replace), DELETE: safe to repeat, retried on every transient failure.</summary>
    Idempotent,

    /// <summary>A create with no natural key: retried only on 429, where the server did nothing.</summary>
    OnlyWhenNotProcessed,
}

/// <summary>One HTTP answer, buffered.</summary>
internal sealed record OnyxResponse(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter)
{
    /// <summary>Set when a retried create found the object already there instead of sending again.</summary>
    public int? ReconciledId { get; init; }

    public bool IsSuccess => (int)Status is >= 200 and < 300;
}

/// <summary>
/// Sends requests to Onyx: builds the URL from the API base, adds the key, buffers the answer, logs without secrets,
/// and retries through Polly pipelines.
/// </summary>
internal sealed class OnyxTransport
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly ResiliencePropertyKey<string> MethodKey = new("onyx.method");
    private static readonly ResiliencePropertyKey<string> PathKey = new("onyx.path");

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly string _baseUrl;
    private readonly string _apiKey;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ResiliencePipeline _retryTransient;
    private readonly ResiliencePipeline _retryNotProcessed;

    public OnyxTransport(HttpClient http, OnyxClientOptions options, ILogger logger)
    {
        options.ThrowIfInvalid();
        _http = http;
        _logger = logger;
        Options = options;
        _baseUrl = options.BaseUrl!.AbsoluteUri.TrimEnd('/');
        _apiKey = options.ApiKey!;
        _authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        _retryTransient = BuildPipeline(options, onlyNotProcessed: false);
        _retryNotProcessed = BuildPipeline(options, onlyNotProcessed: true);
    }

    public OnyxClientOptions Options { get; }

    public ILogger Logger => _logger;

    /// <summary>Sends one request with retries; <paramref name="beforeRetry"/> runs before every re-send and may settle the call instead.</summary>
    public async Task<OnyxResponse> SendAsync(
        HttpMethod method,
        string path,
        ReadOnlyMemory<byte>? body,
        RetryMode mode,
        Func<CancellationToken, Task<int?>>? beforeRetry,
        CancellationToken cancellationToken)
    {
        ResiliencePipeline pipeline = mode == RetryMode.Idempotent ? _retryTransient : _retryNotProcessed;
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, method.Method);
        context.Properties.Set(PathKey, path);
        int attempt = 0;
        try
        {
            return await pipeline.ExecuteAsync(
                async ctx =>
                {
                    attempt++;
                    if (attempt > 1 && beforeRetry is not null && await beforeRetry(ctx.CancellationToken).ConfigureAwait(false) is int existingId)
                    {
                        return new OnyxResponse(HttpStatusCode.OK, [], null) { ReconciledId = existingId };
                    }

                    return await SendOnceAsync(method, path, body, attempt, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Throws <see cref="OnyxApiException"/> for an error answer, with secrets redacted from the server's text.</summary>
    public OnyxResponse EnsureSuccess(OnyxResponse response, HttpMethod method, string path, IReadOnlyList<string>? secrets = null)
    {
        if (response.IsSuccess)
        {
            return response;
        }

        (string? errorCode, string detail) = ErrorBodyParser.Parse(response.Status, response.Body);
        throw new OnyxApiException(response.Status, errorCode, Redactor.Redact(detail, _apiKey, secrets), method.Method, path);
    }

    private async Task<OnyxResponse> SendOnceAsync(HttpMethod method, string path, ReadOnlyMemory<byte>? body, int attempt, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, _baseUrl + path);
        request.Headers.Authorization = _authorization;
        if (body is ReadOnlyMemory<byte> bytes)
        {
            request.Content = new ReadOnlyMemoryContent(bytes);
            request.Content.Headers.ContentType = JsonContentType;
        }

        long started = Stopwatch.GetTimestamp();
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            byte[] content = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            OnyxLog.Response(_logger, method.Method, path, (int)response.StatusCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, attempt);
            return new OnyxResponse(response.StatusCode, content, RetryAfter(response));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            // Only the exception type: messages of some handlers echo the URL, never the key, but stay terse anyway.
            OnyxLog.TransportFailure(_logger, method.Method, path, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, attempt, ex.GetType().Name);
            throw;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    internal static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private ResiliencePipeline BuildPipeline(OnyxClientOptions options, bool onlyNotProcessed)
    {
        var builder = new ResiliencePipelineBuilder();
        OnyxRetryOptions retry = options.Retry;
        builder.AddTimeout(retry.TotalTimeout);
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(onlyNotProcessed
                    ? args.Outcome.Result is OnyxResponse { Status: HttpStatusCode.TooManyRequests }
                    : args.Outcome.Exception is HttpRequestException or IOException or TimeoutRejectedException
                      || (args.Outcome.Exception is TaskCanceledException && !args.Context.CancellationToken.IsCancellationRequested)
                      || (args.Outcome.Result is OnyxResponse response && IsTransientStatus(response.Status))),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is OnyxResponse { RetryAfter: TimeSpan after }
                        ? (after < retry.MaxDelay ? after : retry.MaxDelay)
                        : null),
                OnRetry = args =>
                {
                    string outcome = args.Outcome.Exception?.GetType().Name
                        ?? (args.Outcome.Result is OnyxResponse r ? ((int)r.Status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "failure");
                    OnyxLog.Retrying(_logger, args.Context.Properties.GetValue(MethodKey, "?"), args.Context.Properties.GetValue(PathKey, "?"), (long)args.RetryDelay.TotalMilliseconds, outcome, args.AttemptNumber + 1);
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }
}
