using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OnyxGen.Emulator;

namespace OnyxGen.Tests;

/// <summary>Builds clients that talk real HTTP over loopback to an in-process emulator.</summary>
internal static class TestClients
{
    public static OnyxClient Create(OnyxEmulator emulator, Action<OnyxClientOptions>? configure = null, RecordingHandler? recorder = null, ILogger<OnyxClient>? logger = null)
    {
        var options = new OnyxClientOptions
        {
            BaseUrl = emulator.BaseUrl,
            ApiKey = emulator.ApiKey,
            Retry = new OnyxRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 6 },
        };
        configure?.Invoke(options);
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (recorder is not null)
        {
            recorder.InnerHandler = handler;
            handler = recorder;
        }

        return new OnyxClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, options, logger);
    }
}

/// <summary>Records every request as sent on the wire (method, path, headers, body).</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(), body));
        return await base.SendAsync(request, cancellationToken);
    }
}

internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string? Body);

/// <summary>Captures everything logged, formatted, to check no secret ever reaches a log.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
