using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Store;

/// <summary>A stored connector-credential pair.</summary>
internal sealed class CcPairRecord
{
    public required long Id { get; init; }

    public required long ConnectorId { get; init; }

    public required long CredentialId { get; init; }

    public required string Name { get; set; }

    public required string Status { get; set; }

    public required string AccessType { get; set; }

    public List<long> Groups { get; set; } = [];

    public JsonObject? AutoSyncOptions { get; set; }

    public string ProcessingMode { get; set; } = "REGULAR";

    public Guid? CreatorUserId { get; init; }

    public string? CreatorEmail { get; init; }

    public long NumDocsIndexed { get; set; }

    /// <summary>The last run-once trigger (<c>update</c> or <c>reindex</c>), or null.</summary>
    public string? IndexingTrigger { get; set; }

    /// <summary>How many times run-once marked this pair.</summary>
    public int RunOnceCount { get; set; }

    public bool DeletionRequested { get; set; }

    public required DateTime TimeCreated { get; init; }
}
