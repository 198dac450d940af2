namespace OnyxGen.Emulator.Store;

/// <summary>An API key and the service-account user it runs as.</summary>
internal sealed class ApiKeyRecord
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required EmulatorKeyRole Role { get; init; }

    public required Guid UserId { get; init; }

    /// <summary>The synthetic email Onyx gives API-key service accounts (onyx-api.md §5.0, CredentialSnapshot.user_email).</summary>
    public string Email => $"API_KEY__{Name}@{UserId}onyxapikey.ai";

    /// <summary>admin and manage hold manage:connectors; it widens credential visibility (onyx-api.md §5.8).</summary>
    public bool ManagesConnectors => Role is EmulatorKeyRole.Admin or EmulatorKeyRole.Manage;
}
