namespace OnyxGen.Emulator.Faults;

/// <summary>Which fault, if any, a request gets before it is handled.</summary>
internal enum FaultKind
{
    None,
    RateLimited,
    TooManyRequests,
    ServerError,
}

/// <summary>The outcome of <see cref="EmulatorFaults.Decide"/>.</summary>
internal readonly record struct FaultDecision(TimeSpan Delay, FaultKind Kind, int StatusCode, int RetryAfterSeconds)
{
    public static readonly FaultDecision None = new(TimeSpan.Zero, FaultKind.None, 0, 0);
}
