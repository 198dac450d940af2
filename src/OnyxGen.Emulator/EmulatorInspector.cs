using System.Text.Json.Nodes;
using OnyxGen.Emulator.Store;

namespace OnyxGen.Emulator;

/// <summary>A stored connector as the emulator holds it.</summary>
/// <param name="Id">The connector id.</param>
/// <param name="Name">The name.</param>
/// <param name="Source">The DocumentSource wire value.</param>
/// <param name="InputType">The InputType wire value.</param>
/// <param name="Config">A copy of connector_specific_config.</param>
/// <param name="RefreshFreq">Refresh frequency in seconds.</param>
/// <param name="PruneFreq">Prune frequency in seconds.</param>
/// <param name="IndexingStart">The naive (UTC) indexing start.</param>
/// <param name="CredentialIds">Credentials paired with it.</param>
/// <param name="TimeCreated">Creation time (UTC).</param>
/// <param name="TimeUpdated">Last update time (UTC).</param>
public sealed record EmulatorConnector(long Id, string Name, string Source, string InputType, JsonObject Config,
    long? RefreshFreq, long? PruneFreq, DateTime? IndexingStart, IReadOnlyList<long> CredentialIds, DateTime TimeCreated, DateTime TimeUpdated);

/// <summary>A stored credential, unmasked.</summary>
/// <param name="Id">The credential id.</param>
/// <param name="CredentialJson">A copy of the unmasked credential_json.</param>
/// <param name="AdminPublic">admin_public.</param>
/// <param name="Source">The source, or null for credential 0.</param>
/// <param name="Name">The name.</param>
/// <param name="CuratorPublic">curator_public.</param>
/// <param name="Groups">The saved (never echoed) group ids.</param>
/// <param name="OwnerUserId">The owning service account, or null.</param>
/// <param name="OwnerEmail">The owner's email, or null.</param>
public sealed record EmulatorCredential(long Id, JsonObject CredentialJson, bool AdminPublic, string? Source, string? Name,
    bool CuratorPublic, IReadOnlyList<long> Groups, Guid? OwnerUserId, string? OwnerEmail);

/// <summary>A stored connector-credential pair.</summary>
/// <param name="Id">The cc-pair id.</param>
/// <param name="ConnectorId">The connector.</param>
/// <param name="CredentialId">The credential.</param>
/// <param name="Name">The display name.</param>
/// <param name="Status">SCHEDULED, ACTIVE, PAUSED, DELETING, ...</param>
/// <param name="AccessType">public, private or sync.</param>
/// <param name="Groups">The group ids given at creation.</param>
/// <param name="ProcessingMode">REGULAR, FILE_SYSTEM or RAW_BINARY.</param>
/// <param name="IndexingTrigger">The last run-once trigger (update or reindex), or null.</param>
/// <param name="RunOnceCount">How many times run-once marked this pair.</param>
/// <param name="NumDocsIndexed">The document count reported by cc-pair info.</param>
public sealed record EmulatorCcPair(long Id, long ConnectorId, long CredentialId, string Name, string Status, string AccessType,
    IReadOnlyList<long> Groups, string ProcessingMode, string? IndexingTrigger, int RunOnceCount, long NumDocsIndexed);

/// <summary>How many faults were injected.</summary>
/// <param name="Delayed">Requests given added latency.</param>
/// <param name="TooManyRequests">Random 429 answers.</param>
/// <param name="RateLimited">429 answers from the token bucket.</param>
/// <param name="ServerErrors">Injected 5xx answers.</param>
/// <param name="ConnectionsDropped">Connections aborted after a committed change.</param>
/// <param name="ServerErrorsByStatus">Injected 5xx answers per status code.</param>
public sealed record EmulatorFaultCounts(long Delayed, long TooManyRequests, long RateLimited, long ServerErrors,
    long ConnectionsDropped, IReadOnlyDictionary<int, long> ServerErrorsByStatus);

/// <summary>Read-only snapshots of the emulator's state for tests. Every call copies; nothing returned is live.</summary>
public sealed class EmulatorInspector
{
    private readonly EmulatorContext _context;

    internal EmulatorInspector(EmulatorContext context) => _context = context;

    private EmulatorStore Store => _context.Store;

    /// <summary>Every connector, connector 0 included, by ascending id.</summary>
    public IReadOnlyList<EmulatorConnector> Connectors()
    {
        using (Store.Sync.EnterScope())
            return Store.Connectors.Values.Select(ToPublic).ToList();
    }

    /// <summary>One connector, or null.</summary>
    /// <param name="id">The connector id.</param>
    public EmulatorConnector? Connector(long id)
    {
        using (Store.Sync.EnterScope())
            return Store.Connectors.TryGetValue(id, out var c) ? ToPublic(c) : null;
    }

    /// <summary>Every credential, credential 0 included, unmasked.</summary>
    public IReadOnlyList<EmulatorCredential> Credentials()
    {
        using (Store.Sync.EnterScope())
            return Store.Credentials.Values.Select(ToPublic).ToList();
    }

    /// <summary>One credential (unmasked), or null.</summary>
    /// <param name="id">The credential id.</param>
    public EmulatorCredential? Credential(long id)
    {
        using (Store.Sync.EnterScope())
            return Store.Credentials.TryGetValue(id, out var c) ? ToPublic(c) : null;
    }

    /// <summary>Every cc-pair, DefaultCCPair included.</summary>
    public IReadOnlyList<EmulatorCcPair> CcPairs()
    {
        using (Store.Sync.EnterScope())
            return Store.CcPairs.Values.Select(ToPublic).ToList();
    }

    /// <summary>One cc-pair, or null.</summary>
    /// <param name="id">The cc-pair id.</param>
    public EmulatorCcPair? CcPair(long id)
    {
        using (Store.Sync.EnterScope())
            return Store.CcPairs.TryGetValue(id, out var p) ? ToPublic(p) : null;
    }

    /// <summary>Every HTTP request received, including those answered by a fault or a route miss.</summary>
    public long TotalRequests => _context.Stats.Total;

    /// <summary>Requests that reached a route, keyed <c>"METHOD /route/template"</c>, e.g. <c>"POST /manage/credential"</c>.</summary>
    public IReadOnlyDictionary<string, long> RequestCounts() => new Dictionary<string, long>(_context.Stats.ByRoute);

    /// <summary>Requests that reached one route.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="routeTemplate">The template, e.g. <c>/manage/connector/{connector_id}/credential/{credential_id}</c>.</param>
    public long RequestCount(string method, string routeTemplate) =>
        _context.Stats.ByRoute.GetValueOrDefault(method.ToUpperInvariant() + " " + routeTemplate);

    /// <summary>Counts of injected faults.</summary>
    public EmulatorFaultCounts FaultCounts() => _context.Stats.Snapshot();

    private EmulatorConnector ToPublic(ConnectorRecord c) => new(c.Id, c.Name, c.Source, c.InputType,
        JsonValues.CloneObject(c.Config), c.RefreshFreq, c.PruneFreq, c.IndexingStart, Store.CredentialIdsOf(c.Id), c.TimeCreated, c.TimeUpdated);

    private static EmulatorCredential ToPublic(CredentialRecord c) => new(c.Id, JsonValues.CloneObject(c.CredentialJson),
        c.AdminPublic, c.Source, c.Name, c.CuratorPublic, c.Groups.ToList(), c.OwnerUserId, c.OwnerEmail);

    private static EmulatorCcPair ToPublic(CcPairRecord p) => new(p.Id, p.ConnectorId, p.CredentialId, p.Name, p.Status,
        p.AccessType, p.Groups.ToList(), p.ProcessingMode, p.IndexingTrigger, p.RunOnceCount, p.NumDocsIndexed);
}
