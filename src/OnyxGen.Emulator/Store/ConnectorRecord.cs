using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Store;

/// <summary>A stored connector row.</summary>
internal sealed class ConnectorRecord
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public required string Source { get; set; }

    public required string InputType { get; set; }

    /// <summary>Stored verbatim; never masked, never validated until association.</summary>
    public required JsonObject Config { get; set; }

    public long? RefreshFreq { get; set; }

    public long? PruneFreq { get; set; }

    /// <summary>Naive UTC datetime (the column has no timezone).</summary>
    public DateTime? IndexingStart { get; set; }

    public required DateTime TimeCreated { get; init; }

    public required DateTime TimeUpdated { get; set; }
}
