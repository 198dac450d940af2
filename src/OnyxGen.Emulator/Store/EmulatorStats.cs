using System.Collections.Concurrent;

namespace OnyxGen.Emulator;

/// <summary>Request and injected-fault counters; lock-free because the fault middleware runs outside the store lock.</summary>
internal sealed class EmulatorStats
{
    private long _total;
    private long _delayed;
    private long _tooManyRequests;
    private long _rateLimited;
    private long _serverErrors;
    private long _dropped;

    public ConcurrentDictionary<string, long> ByRoute { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<int, long> ServerErrorsByStatus { get; } = new();

    public long Total => Interlocked.Read(ref _total);

    public void CountRequest() => Interlocked.Increment(ref _total);

    public void CountRoute(string key) => ByRoute.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void CountDelayed() => Interlocked.Increment(ref _delayed);

    public void CountTooManyRequests() => Interlocked.Increment(ref _tooManyRequests);

    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    public void CountServerError(int status)
    {
        Interlocked.Increment(ref _serverErrors);
        ServerErrorsByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    public void CountDropped() => Interlocked.Increment(ref _dropped);

    public EmulatorFaultCounts Snapshot() => new(
        Interlocked.Read(ref _delayed),
        Interlocked.Read(ref _tooManyRequests),
        Interlocked.Read(ref _rateLimited),
        Interlocked.Read(ref _serverErrors),
        Interlocked.Read(ref _dropped),
        new Dictionary<int, long>(ServerErrorsByStatus));
}
