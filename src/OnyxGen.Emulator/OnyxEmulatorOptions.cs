using Microsoft.Extensions.Logging;

namespace OnyxGen.Emulator;

/// <summary>Settings for <see cref="OnyxEmulator.StartAsync"/>.</summary>
public sealed class OnyxEmulatorOptions
{
    /// <summary>Where to listen; port 0 picks a free port (the default, for tests). <c>dotnet run</c> uses port 8080.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>A fixed admin API key (must start with <c>on_</c> or <c>dn_</c>); null generates a random one.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Mask credential_json in responses, as the server does unless <c>MASK_CREDENTIAL_PREFIX=false</c>.</summary>
    public bool MaskCredentials { get; set; } = true;

    /// <summary>Skip association validation entirely, like the server's <c>INTEGRATION_TESTS_MODE</c>.</summary>
    public bool IntegrationTestsMode { get; set; }

    /// <summary>A directory of extra <c>*.schema.json</c> catalog files; a file for a source already embedded replaces it.</summary>
    public string? ExtraSchemaDirectory { get; set; }

    /// <summary>
    /// String values that make association validation fail as if the external service refused them (onyx-api.md §7.3
    /// step 6), mapped to the message. When null, the built-in values <c>emulator-invalid-credential</c>,
    /// <c>emulator-expired-credential</c> and <c>emulator-insufficient-permissions</c> are used.
    /// </summary>
    public IDictionary<string, string>? ExternalRejections { get; set; }

    /// <summary>
    /// Leave pairs in <c>DELETING</c> after a deletion attempt until <see cref="OnyxEmulator.CompletePendingDeletions"/>
    /// is called, instead of removing them at once.
    /// </summary>
    public bool DeferDeletions { get; set; }

    /// <summary>Answer 501 on the connector router's routes, like a server with <c>DISABLE_VECTOR_DB</c>.</summary>
    public bool DisableVectorDb { get; set; }

    /// <summary>Initial fault-injection settings (copied; change <see cref="OnyxEmulator.Faults"/> while running).</summary>
    public EmulatorFaults? Faults { get; set; }

    /// <summary>Suppress ASP.NET Core logging (the default). Ignored when <see cref="LoggerProvider"/> is set.</summary>
    public bool Quiet { get; set; } = true;

    /// <summary>A logger provider to receive the server's logs (for example a test output adapter).</summary>
    public ILoggerProvider? LoggerProvider { get; set; }
}
