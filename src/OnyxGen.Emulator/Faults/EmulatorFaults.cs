using OnyxGen.Emulator.Faults;

namespace OnyxGen.Emulator;

/// <summary>
/// Fault injection for reliability tests of HTTP clients. Everything is off by default, every setting can be changed
/// while the emulator runs, and all randomness comes from one seeded generator so a run can be repeated.
/// </summary>
/// <remarks>Thread-safe: every member takes the same internal lock.</remarks>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private Random _random;
    private int _seed;
    private TimeSpan _latency;
    private TimeSpan _latencyJitter;
    private double _tooManyRequestsRate;
    private int _retryAfterSeconds = 1;
    private double _serverErrorRate;
    private int[] _serverErrorStatusCodes = [500, 502, 503, 504];
    private double _dropAfterCommitRate;
    private double? _rateLimitPerSecond;
    private int _rateLimitBurst;
    private string[]? _methods;
    private string? _pathPrefix;
    private Func<string, string, bool>? _filter;
    private double _tokens;
    private long _lastRefillTicks;

    /// <summary>Creates fault settings with everything off.</summary>
    /// <param name="seed">Seed of the generator behind every probability and the latency jitter.</param>
    public EmulatorFaults(int seed = 20240601)
    {
        _seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The seed; setting it restarts the generator so the same sequence of decisions follows.</summary>
    public int Seed
    {
        get { lock (_gate) return _seed; }
        set { lock (_gate) { _seed = value; _random = new Random(value); } }
    }

    /// <summary>Fixed delay added before each affected request is handled.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) return _latency; }
        set { lock (_gate) _latency = NonNegative(value); }
    }

    /// <summary>Extra random delay, uniform between zero and this value, added to <see cref="Latency"/>.</summary>
    public TimeSpan LatencyJitter
    {
        get { lock (_gate) return _latencyJitter; }
        set { lock (_gate) _latencyJitter = NonNegative(value); }
    }

    /// <summary>Probability (0–1) of answering 429 with <c>Retry-After</c> before handling.</summary>
    public double TooManyRequestsRate
    {
        get { lock (_gate) return _tooManyRequestsRate; }
        set { lock (_gate) _tooManyRequestsRate = Probability(value); }
    }

    /// <summary>The <c>Retry-After</c> value, in seconds, of injected 429 answers (the rate limiter computes its own).</summary>
    public int RetryAfterSeconds
    {
        get { lock (_gate) return _retryAfterSeconds; }
        set { lock (_gate) _retryAfterSeconds = Math.Max(0, value); }
    }

    /// <summary>Probability (0–1) of answering with one of <see cref="ServerErrorStatusCodes"/> before handling.</summary>
    public double ServerErrorRate
    {
        get { lock (_gate) return _serverErrorRate; }
        set { lock (_gate) _serverErrorRate = Probability(value); }
    }

    /// <summary>The statuses injected server errors are drawn from (default 500, 502, 503, 504).</summary>
    public IReadOnlyList<int> ServerErrorStatusCodes
    {
        get { lock (_gate) return _serverErrorStatusCodes.ToArray(); }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0 || value.Any(s => s is < 500 or > 599))
                throw new ArgumentException("Server error statuses must be a non-empty list of 5xx codes.", nameof(value));
            lock (_gate) _serverErrorStatusCodes = value.ToArray();
        }
    }

    /// <summary>
    /// Probability (0–1) that a request which changed state (a create, associate, update or delete) has its connection
    /// aborted after the change was stored, so the client sees a transport error for a call that did succeed.
    /// </summary>
    public double DropAfterCommitRate
    {
        get { lock (_gate) return _dropAfterCommitRate; }
        set { lock (_gate) _dropAfterCommitRate = Probability(value); }
    }

    /// <summary>Token-bucket limit in requests per second (null = no limit); excess requests get 429 with <c>Retry-After</c>.</summary>
    public double? RateLimitPerSecond
    {
        get { lock (_gate) return _rateLimitPerSecond; }
        set
        {
            if (value is <= 0) throw new ArgumentOutOfRangeException(nameof(value), "The rate must be positive.");
            lock (_gate)
            {
                _rateLimitPerSecond = value;
                _tokens = BurstLocked();
                _lastRefillTicks = Environment.TickCount64;
            }
        }
    }

    /// <summary>Bucket capacity; 0 means one second's worth of requests (at least one).</summary>
    public int RateLimitBurst
    {
        get { lock (_gate) return _rateLimitBurst; }
        set
        {
            lock (_gate)
            {
                _rateLimitBurst = Math.Max(0, value);
                _tokens = BurstLocked();
            }
        }
    }

    /// <summary>Only these HTTP methods are affected (null or empty = all).</summary>
    public IReadOnlyCollection<string>? Methods
    {
        get { lock (_gate) return _methods; }
        set { lock (_gate) _methods = value?.Select(m => m.ToUpperInvariant()).ToArray(); }
    }

    /// <summary>
    /// Only paths starting with this prefix are affected (null = all). Paths are compared without the optional
    /// <c>/api</c> base, e.g. <c>/manage/admin/connector</c>.
    /// </summary>
    public string? PathPrefix
    {
        get { lock (_gate) return _pathPrefix; }
        set { lock (_gate) _pathPrefix = value; }
    }

    /// <summary>An extra predicate over (method, path); both it and the other filters must accept a request.</summary>
    public Func<string, string, bool>? Filter
    {
        get { lock (_gate) return _filter; }
        set { lock (_gate) _filter = value; }
    }

    /// <summary>Turns every fault off, clears the filters and restarts the generator from <see cref="Seed"/>.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _latency = TimeSpan.Zero;
            _latencyJitter = TimeSpan.Zero;
            _tooManyRequestsRate = 0;
            _retryAfterSeconds = 1;
            _serverErrorRate = 0;
            _serverErrorStatusCodes = [500, 502, 503, 504];
            _dropAfterCommitRate = 0;
            _rateLimitPerSecond = null;
            _rateLimitBurst = 0;
            _methods = null;
            _pathPrefix = null;
            _filter = null;
            _random = new Random(_seed);
        }
    }

    /// <summary>Copies every setting of <paramref name="other"/> into this instance.</summary>
    /// <param name="other">The settings to copy.</param>
    public void CopyFrom(EmulatorFaults other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) return;
        var seed = other.Seed;
        var latency = other.Latency;
        var jitter = other.LatencyJitter;
        var tooMany = other.TooManyRequestsRate;
        var retryAfter = other.RetryAfterSeconds;
        var serverError = other.ServerErrorRate;
        var statuses = other.ServerErrorStatusCodes;
        var drop = other.DropAfterCommitRate;
        var rate = other.RateLimitPerSecond;
        var burst = other.RateLimitBurst;
        var methods = other.Methods;
        var prefix = other.PathPrefix;
        var filter = other.Filter;
        lock (_gate)
        {
            _seed = seed;
            _random = new Random(seed);
            _latency = latency;
            _latencyJitter = jitter;
            _tooManyRequestsRate = tooMany;
            _retryAfterSeconds = retryAfter;
            _serverErrorRate = serverError;
            _serverErrorStatusCodes = statuses.ToArray();
            _dropAfterCommitRate = drop;
            _rateLimitPerSecond = rate;
            _rateLimitBurst = burst;
            _methods = methods?.ToArray();
            _pathPrefix = prefix;
            _filter = filter;
            _tokens = BurstLocked();
            _lastRefillTicks = Environment.TickCount64;
        }
    }

    /// <summary>What to do with one request before it is handled.</summary>
    internal FaultDecision Decide(string method, string path)
    {
        lock (_gate)
        {
            if (!AppliesLocked(method, path)) return FaultDecision.None;
            var delay = _latency;
            if (_latencyJitter > TimeSpan.Zero) delay += TimeSpan.FromTicks((long)(_random.NextDouble() * _latencyJitter.Ticks));

            if (_rateLimitPerSecond is { } rate)
            {
                var now = Environment.TickCount64;
                _tokens = Math.Min(BurstLocked(), _tokens + (now - _lastRefillTicks) / 1000.0 * rate);
                _lastRefillTicks = now;
                if (_tokens < 1)
                {
                    var wait = (int)Math.Ceiling((1 - _tokens) / rate);
                    return new FaultDecision(delay, FaultKind.RateLimited, 429, Math.Max(1, wait));
                }
                _tokens -= 1;
            }
            if (_tooManyRequestsRate > 0 && _random.NextDouble() < _tooManyRequestsRate)
                return new FaultDecision(delay, FaultKind.TooManyRequests, 429, _retryAfterSeconds);
            if (_serverErrorRate > 0 && _random.NextDouble() < _serverErrorRate)
            {
                var status = _serverErrorStatusCodes[_random.Next(_serverErrorStatusCodes.Length)];
                return new FaultDecision(delay, FaultKind.ServerError, status, 0);
            }
            return new FaultDecision(delay, FaultKind.None, 0, 0);
        }
    }

    /// <summary>Whether to abort the connection of a request that has just changed state.</summary>
    internal bool ShouldDropAfterCommit(string method, string path)
    {
        lock (_gate)
        {
            return _dropAfterCommitRate > 0 && AppliesLocked(method, path) && _random.NextDouble() < _dropAfterCommitRate;
        }
    }

    private bool AppliesLocked(string method, string path)
    {
        if (_methods is { Length: > 0 } && !_methods.Contains(method.ToUpperInvariant())) return false;
        if (_pathPrefix is not null && !path.StartsWith(_pathPrefix, StringComparison.Ordinal)) return false;
        return _filter is null || _filter(method, path);
    }

    private double BurstLocked() =>
        _rateLimitBurst > 0 ? _rateLimitBurst : Math.Max(1, Math.Ceiling(_rateLimitPerSecond ?? 1));

    private static double Probability(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A probability must be between 0 and 1.");

    private static TimeSpan NonNegative(TimeSpan value) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "A delay cannot be negative.");
}
