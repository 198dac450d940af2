using System.Text.Json.Nodes;
using OnyxGen.Emulator.Schemas;
using OnyxGen.Emulator.Store;

namespace OnyxGen.Emulator;

/// <summary>
/// All emulator state, one instance per emulator so tests stay isolated. Every read and write happens under
/// <see cref="Sync"/> (onyx-api.md §7.2: one lock is enough), so handlers see a consistent view like a DB transaction.
/// </summary>
internal sealed class EmulatorStore
{
    private long _nextConnectorId = 1;
    private long _nextCredentialId = 1;
    private long _nextCcPairId = 2; // cc-pair 1 is the seeded DefaultCCPair

    public EmulatorStore()
    {
        Seed();
    }

    public Lock Sync { get; } = new();

    // Sorted so lists come out in ascending id order, the DB's natural order.
    public SortedDictionary<long, ConnectorRecord> Connectors { get; } = [];

    public SortedDictionary<long, CredentialRecord> Credentials { get; } = [];

    public SortedDictionary<long, CcPairRecord> CcPairs { get; } = [];

    public Dictionary<string, ApiKeyRecord> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>UTC now at microsecond precision, the precision Postgres keeps.</summary>
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }

    /// <summary>The three records every install has (onyx-api.md §5.0 "Fixed records").</summary>
    private void Seed()
    {
        var now = Now();
        Connectors[0] = new ConnectorRecord
        {
            Id = 0, Name = "Ingestion API", Source = "ingestion_api", InputType = "load_state", Config = [],
            TimeCreated = now, TimeUpdated = now,
        };
        Credentials[0] = new CredentialRecord
        {
            Id = 0, CredentialJson = [], AdminPublic = true, Source = null, TimeCreated = now, TimeUpdated = now,
        };
        CcPairs[1] = new CcPairRecord
        {
            Id = 1, ConnectorId = 0, CredentialId = 0, Name = "DefaultCCPair", Status = "ACTIVE", AccessType = "public",
            TimeCreated = now,
        };
    }

    public ConnectorRecord AddConnector(string name, string source, string inputType, JsonObject config,
        long? refreshFreq, long? pruneFreq, DateTime? indexingStart)
    {
        var now = Now();
        var record = new ConnectorRecord
        {
            Id = _nextConnectorId++, Name = name, Source = source, InputType = inputType, Config = config,
            RefreshFreq = refreshFreq, PruneFreq = pruneFreq, IndexingStart = indexingStart,
            TimeCreated = now, TimeUpdated = now,
        };
        Connectors[record.Id] = record;
        return record;
    }

    public CredentialRecord AddCredential(JsonObject credentialJson, bool adminPublic, string source, string? name,
        bool curatorPublic, List<long> groups, ApiKeyRecord owner)
    {
        var now = Now();
        var record = new CredentialRecord
        {
            Id = _nextCredentialId++, CredentialJson = credentialJson, AdminPublic = adminPublic, Source = source,
            Name = name, CuratorPublic = curatorPublic, Groups = groups, OwnerUserId = owner.UserId, OwnerEmail = owner.Email,
            TimeCreated = now, TimeUpdated = now,
        };
        Credentials[record.Id] = record;
        return record;
    }

    public CcPairRecord AddCcPair(long connectorId, long credentialId, string name, string accessType, List<long> groups,
        JsonObject? autoSyncOptions, string processingMode, ApiKeyRecord creator)
    {
        var record = new CcPairRecord
        {
            Id = _nextCcPairId++, ConnectorId = connectorId, CredentialId = credentialId, Name = name,
            Status = "SCHEDULED", AccessType = accessType, Groups = groups, AutoSyncOptions = autoSyncOptions,
            ProcessingMode = processingMode, CreatorUserId = creator.UserId, CreatorEmail = creator.Email,
            TimeCreated = Now(),
        };
        CcPairs[record.Id] = record;
        return record;
    }

    public IEnumerable<CcPairRecord> PairsOfConnector(long connectorId) =>
        CcPairs.Values.Where(p => p.ConnectorId == connectorId);

    public IEnumerable<CcPairRecord> PairsOfCredential(long credentialId) =>
        CcPairs.Values.Where(p => p.CredentialId == credentialId);

    public CcPairRecord? FindPair(long connectorId, long credentialId) =>
        CcPairs.Values.FirstOrDefault(p => p.ConnectorId == connectorId && p.CredentialId == credentialId);

    public List<long> CredentialIdsOf(long connectorId) =>
        PairsOfConnector(connectorId).Select(p => p.CredentialId).ToList();

    /// <summary>The visibility rule of onyx-api.md §5.8.</summary>
    public static bool IsVisible(CredentialRecord credential, ApiKeyRecord caller)
    {
        if (credential.OwnerUserId == caller.UserId) return true;
        if (!caller.ManagesConnectors) return false;
        return credential.OwnerUserId is null || credential.AdminPublic
            || DocumentSources.IsPublicCredentialSource(credential.Source ?? "not_applicable");
    }

    public CredentialRecord? VisibleCredential(long id, ApiKeyRecord caller) =>
        Credentials.TryGetValue(id, out var c) && IsVisible(c, caller) ? c : null;

    /// <summary>Global managers and admins can edit every pair; other keys none (no group managers are modelled).</summary>
    public static bool CanEditPair(ApiKeyRecord caller) => caller.ManagesConnectors;

    /// <summary>read:connectors holders see every pair.</summary>
    public static bool CanReadPair(ApiKeyRecord caller) => caller.Role is not (EmulatorKeyRole.Basic or EmulatorKeyRole.Limited);

    public void DeleteConnectorCascade(long connectorId)
    {
        foreach (var pair in PairsOfConnector(connectorId).ToList()) CcPairs.Remove(pair.Id);
        Connectors.Remove(connectorId);
    }

    /// <summary>What the background deletion task does: remove the pair, then the connector if it has no pairs left.</summary>
    public void CompleteDeletion(CcPairRecord pair)
    {
        CcPairs.Remove(pair.Id);
        if (!PairsOfConnector(pair.ConnectorId).Any()) Connectors.Remove(pair.ConnectorId);
    }
}
