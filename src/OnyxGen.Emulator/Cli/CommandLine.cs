using System.Globalization;

namespace OnyxGen.Emulator.Cli;

/// <summary>Parses the <c>dotnet run</c> flags into emulator options.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: dotnet run --project src/OnyxGen.Emulator [-- options]

        A local, in-memory, Onyx-compatible connector admin API.

        Server:
          --urls <url>                 Listen address (default http://127.0.0.1:8080)
          --api-key <key>              Fixed admin API key (must start with on_ or dn_; default random)
          --no-mask                    Return credential_json unmasked (MASK_CREDENTIAL_PREFIX=false)
          --integration-tests-mode     Skip association validation (INTEGRATION_TESTS_MODE)
          --schema-dir <dir>           Extra or overriding connector *.schema.json files
          --defer-deletions            Keep pairs in DELETING after a deletion attempt (never completed by the CLI)
          --disable-vector-db          Answer 501 on connector routes (DISABLE_VECTOR_DB)
          --verbose                    Log requests to the console

        Fault injection (all off by default):
          --latency-ms <n>             Fixed latency added to each request
          --latency-jitter-ms <n>      Extra random latency between 0 and n
          --rate-429 <p>               Probability of answering 429 with Retry-After
          --retry-after <s>            Retry-After seconds of injected 429s (default 1)
          --fail-rate <p>              Probability of answering a 5xx before handling
          --fail-status <list>         5xx statuses to draw from (default 500,502,503,504)
          --drop-rate <p>              Probability of dropping the connection after a change was stored
          --rate-limit <rps>           Token-bucket limit in requests per second (429 + Retry-After)
          --rate-limit-burst <n>       Bucket capacity (default: one second's worth)
          --fault-methods <list>       Only these methods get faults, e.g. POST,PUT
          --fault-path <prefix>        Only paths with this prefix get faults, e.g. /manage/admin
          --seed <n>                   Seed of the fault generator

          --help                       Show this text
        """;

    /// <summary>The parsed options, or an error text for an unknown flag or a bad value.</summary>
    public static (OnyxEmulatorOptions? Options, bool Help, string? Error) Parse(string[] args)
    {
        var options = new OnyxEmulatorOptions { Urls = "http://127.0.0.1:8080", Faults = new EmulatorFaults() };
        var faults = options.Faults;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                var flag = args[i];
                string Value()
                {
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new FormatException($"{flag} needs a value.");
                    return args[++i];
                }
                switch (flag)
                {
                    case "--help" or "-h" or "-?":
                        return (null, true, null);
                    case "--urls": options.Urls = Value(); break;
                    case "--api-key": options.AdminApiKey = Value(); break;
                    case "--no-mask": options.MaskCredentials = false; break;
                    case "--integration-tests-mode": options.IntegrationTestsMode = true; break;
                    case "--schema-dir": options.ExtraSchemaDirectory = Value(); break;
                    case "--defer-deletions": options.DeferDeletions = true; break;
                    case "--disable-vector-db": options.DisableVectorDb = true; break;
                    case "--verbose": options.Quiet = false; break;
                    case "--latency-ms": faults.Latency = TimeSpan.FromMilliseconds(Number(flag, Value())); break;
                    case "--latency-jitter-ms": faults.LatencyJitter = TimeSpan.FromMilliseconds(Number(flag, Value())); break;
                    case "--rate-429": faults.TooManyRequestsRate = Number(flag, Value()); break;
                    case "--retry-after": faults.RetryAfterSeconds = (int)Number(flag, Value()); break;
                    case "--fail-rate": faults.ServerErrorRate = Number(flag, Value()); break;
                    case "--fail-status":
                        faults.ServerErrorStatusCodes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(s => (int)Number(flag, s)).ToArray();
                        break;
                    case "--drop-rate": faults.DropAfterCommitRate = Number(flag, Value()); break;
                    case "--rate-limit": faults.RateLimitPerSecond = Number(flag, Value()); break;
                    case "--rate-limit-burst": faults.RateLimitBurst = (int)Number(flag, Value()); break;
                    case "--fault-methods":
                        faults.Methods = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    case "--fault-path": faults.PathPrefix = Value(); break;
                    case "--seed": faults.Seed = (int)Number(flag, Value()); break;
                    default:
                        return (null, false, $"Unknown option '{flag}'.");
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return (null, false, ex.Message);
        }
        return (options, false, null);
    }

    private static double Number(string flag, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{flag} expects a number, got '{text}'.");
}
