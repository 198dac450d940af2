using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Store;

/// <summary>A stored credential row; <see cref="CredentialJson"/> is kept unmasked.</summary>
internal sealed class CredentialRecord
{
    public required long Id { get; init; }

    public required JsonObject CredentialJson { get; set; }

    public required bool AdminPublic { get; set; }

    /// <summary>Null only for credential 0; reported as <c>not_applicable</c>.</summary>
    public string? Source { get; set; }

    public string? Name { get; set; }

    public bool CuratorPublic { get; set; }

    /// <summary>Saved but never echoed (responses always say <c>[]</c>).</summary>
    public List<long> Groups { get; set; } = [];

    public Guid? OwnerUserId { get; set; }

    public string? OwnerEmail { get; set; }

    public required DateTime TimeCreated { get; init; }

    public required DateTime TimeUpdated { get; set; }
}
