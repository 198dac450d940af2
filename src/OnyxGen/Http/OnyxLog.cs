using Microsoft.Extensions.Logging;

namespace OnyxGen.Http;

// Request logging: method, path, status, duration, attempt. Never headers or bodies (they carry the key and secrets).
internal static partial class OnyxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Onyx {Method} {Path} -> {Status} in {ElapsedMs} ms (attempt {Attempt})")]
    public static partial void Response(ILogger logger, string method, string path, int status, long elapsedMs, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Onyx {Method} {Path} failed in {ElapsedMs} ms (attempt {Attempt}): {Reason}")]
    public static partial void TransportFailure(ILogger logger, string method, string path, long elapsedMs, int attempt, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Onyx {Method} {Path}: retrying in {DelayMs} ms after {Outcome} (retry {Retry})")]
    public static partial void Retrying(ILogger logger, string method, string path, long delayMs, string outcome, int retry);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Onyx connector '{Name}' ({Source}) already exists as {Id} after an uncertain create; not creating it again")]
    public static partial void CreateReconciled(ILogger logger, string name, string source, int id);
}
