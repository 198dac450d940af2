using System.Text.Json;
using OnyxGen.Http;
using OnyxGen.Serialization;

namespace OnyxGen;

/// <summary>
/// Connectors and their association with credentials. Generated <c>Create{Source}Async</c> extension methods call
/// <see cref="CreateAsync{TConfig}"/>. Members are virtual so tests can substitute the client.
/// </summary>
public class ConnectorsClient
{
    private readonly OnyxTransport? _transport;

    internal ConnectorsClient(OnyxTransport transport) => _transport = transport;

    /// <summary>For test doubles only.</summary>
    protected ConnectorsClient()
    {
    }

    private OnyxTransport Transport => _transport ?? throw new InvalidOperationException("This ConnectorsClient is a test double without a transport.");

    /// <summary>
    /// Creates a connector (<c>POST /manage/admin/connector</c>). Safe to retry: after an uncertain failure the client looks the
    /// connector up by (name, source) before sending again, so a retry never creates a duplicate.
    /// </summary>
    /// <typeparam name="TConfig">The generated config type.</typeparam>
    /// <param name="name">The connector name; unique per source.</param>
    /// <param name="config">The connector config.</param>
    /// <param name="refreshFreq">How often to index (sent as whole seconds); null: never on a schedule.</param>
    /// <param name="pruneFreq">How often to prune (sent as whole seconds); null: the server default.</param>
    /// <param name="accessType">Required by the server on create (and ignored by it there); the pair's access is set on associate.</param>
    /// <param name="inputType">The input type; null: the first one the connector's schema lists.</param>
    /// <param name="indexingStart">Index nothing older than this (naive date-time, as the server stores it).</param>
    /// <param name="groups">User group ids (stored only when the pair is made).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OnyxValidationException">The config breaks its schema; nothing was sent.</exception>
    /// <exception cref="OnyxApiException">The server refused the request.</exception>
    public virtual async Task<ConnectorCreated<TConfig>> CreateAsync<TConfig>(
        string name,
        TConfig config,
        TimeSpan? refreshFreq = null,
        TimeSpan? pruneFreq = null,
        AccessType accessType = AccessType.Public,
        InputType? inputType = null,
        DateTime? indexingStart = null,
        IReadOnlyList<int>? groups = null,
        CancellationToken cancellationToken = default)
        where TConfig : IConnectorConfig
    {
        ConnectorRequestFields fields = PrepareRequest(name, config, refreshFreq, pruneFreq, accessType, inputType, indexingStart, groups);
        DocumentSource source = config.Descriptor.Source;
        const string Path = "/manage/admin/connector";
        OnyxResponse response = await Transport.SendAsync(
            HttpMethod.Post,
            Path,
            RequestWriter.ConnectorRequest(fields),
            RetryMode.Idempotent,
            async ct =>
            {
                // The previous attempt may have been committed before the failure: look before sending again.
                Connector? existing = await FindAsync(name, source, ct).ConfigureAwait(false);
                return existing?.Id;
            },
            cancellationToken).ConfigureAwait(false);

        if (response.ReconciledId is int existingId)
        {
            OnyxLog.CreateReconciled(Transport.Logger, name, source.Value, existingId);
            return new ConnectorCreated<TConfig> { Id = existingId, Name = name, Source = source, Descriptor = config.Descriptor, Existed = true };
        }

        Transport.EnsureSuccess(response, HttpMethod.Post, Path);
        ConnectorCreated created = Deserialize(response.Body, OnyxJsonContext.Default.ConnectorCreated);
        return new ConnectorCreated<TConfig> { Id = created.Id, Name = name, Source = source, Descriptor = config.Descriptor };
    }

    /// <summary>Replaces a connector (<c>PATCH /manage/admin/connector/{id}</c>: a full replace, so everything is sent).</summary>
    /// <typeparam name="TConfig">The generated config type.</typeparam>
    /// <param name="connectorId">The connector.</param>
    /// <param name="name">The (new) name.</param>
    /// <param name="config">The whole new config.</param>
    /// <param name="refreshFreq">Refresh frequency; null clears it.</param>
    /// <param name="pruneFreq">Prune frequency; null makes the server use 7 days.</param>
    /// <param name="accessType">Required by the server, ignored by it.</param>
    /// <param name="inputType">The input type; null: the schema's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector after the update.</returns>
    public virtual async Task<Connector> UpdateAsync<TConfig>(
        int connectorId,
        string name,
        TConfig config,
        TimeSpan? refreshFreq = null,
        TimeSpan? pruneFreq = null,
        AccessType accessType = AccessType.Public,
        InputType? inputType = null,
        CancellationToken cancellationToken = default)
        where TConfig : IConnectorConfig
    {
        ConnectorRequestFields fields = PrepareRequest(name, config, refreshFreq, pruneFreq, accessType, inputType, null, null);
        string path = $"/manage/admin/connector/{connectorId}";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Patch, path, RequestWriter.ConnectorRequest(fields), RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Patch, path);
        return Deserialize(response.Body, OnyxJsonContext.Default.Connector);
    }

    /// <summary>Gets a connector (<c>GET /manage/connector/{id}</c>).</summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OnyxApiException">404 when it does not exist.</exception>
    public virtual async Task<Connector> GetAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        string path = $"/manage/connector/{connectorId}";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Get, path, null, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Get, path);
        return Deserialize(response.Body, OnyxJsonContext.Default.Connector);
    }

    /// <summary>Lists connectors (<c>GET /manage/admin/connector</c>), optionally only those paired with a credential.</summary>
    /// <param name="credentialId">Only connectors paired with this credential.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<Connector>> ListAsync(int? credentialId = null, CancellationToken cancellationToken = default)
    {
        string path = credentialId is int id ? $"/manage/admin/connector?credential={id}" : "/manage/admin/connector";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Get, path, null, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Get, path);
        return Deserialize(response.Body, OnyxJsonContext.Default.ListConnector);
    }

    /// <summary>Finds the connector with this exact (name, source), the server's uniqueness key; null when there is none.</summary>
    /// <param name="name">The name.</param>
    /// <param name="source">The source.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Connector?> FindAsync(string name, DocumentSource source, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Connector> all = await ListAsync(null, cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(c => c.Source == source && string.Equals(c.Name, name, StringComparison.Ordinal));
    }

    /// <summary>Deletes a connector and its pairs at once (<c>DELETE /manage/admin/connector/{id}</c>); idempotent.</summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<StatusResponse> DeleteAsync(int connectorId, CancellationToken cancellationToken = default)
    {
        string path = $"/manage/admin/connector/{connectorId}";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Delete, path, null, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Delete, path);
        return Deserialize(response.Body, OnyxJsonContext.Default.StatusResponse);
    }

    /// <summary>
    /// Associates a credential with a connector (<c>PUT /manage/connector/{id}/credential/{id}</c> with a body naming the pair),
    /// which is when the server validates the connector's config. Safe to retry: a repeat answers "already has".
    /// </summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="credentialId">The credential (0 is the empty public credential, for sources that need no secrets).</param>
    /// <param name="name">The pair's display name (the admin UI uses the connector's name).</param>
    /// <param name="accessType">Who can see the documents.</param>
    /// <param name="groups">User group ids, for private access.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new pair, or <see cref="AssociationResult.AlreadyAssociated"/> when the pair existed.</returns>
    /// <exception cref="OnyxApiException">400 <c>INVALID_INPUT</c> when connector validation fails; 500 when the connector or credential does not exist.</exception>
    public virtual async Task<AssociationResult> AssociateCredentialAsync(
        int connectorId,
        int credentialId,
        string name,
        AccessType accessType = AccessType.Public,
        IReadOnlyList<int>? groups = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        string path = $"/manage/connector/{connectorId}/credential/{credentialId}";
        ReadOnlyMemory<byte> body = RequestWriter.Write((name, accessType, groups), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("name"u8, s.name);
            w.WriteString("access_type"u8, s.accessType.ToWire());
            w.WriteStartArray("groups"u8);
            foreach (int group in s.groups ?? [])
            {
                w.WriteNumberValue(group);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Put, path, body, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Put, path);
        StatusResponse status = Deserialize(response.Body, OnyxJsonContext.Default.StatusResponse);
        return status.Success
            ? new AssociationResult(connectorId, credentialId, status.Data, false, status.Message)
            : new AssociationResult(connectorId, credentialId, null, true, status.Message);
    }

    /// <summary>
    /// Associates a typed credential with a typed connector of the same source; a credential of another source does not
    /// compile (<typeparamref name="TConfig"/> must be <see cref="IConnectorConfig{TCredential}"/>). <see cref="AccessType.Sync"/>
    /// is refused, before anything is sent, for a source whose schema does not declare permission sync.
    /// </summary>
    /// <typeparam name="TConfig">The connector's generated config type.</typeparam>
    /// <typeparam name="TCredential">The credential's generated type.</typeparam>
    /// <param name="connector">The connector, as created.</param>
    /// <param name="credential">The credential, as created.</param>
    /// <param name="name">The pair's display name; null: the connector's name.</param>
    /// <param name="accessType">Who can see the documents.</param>
    /// <param name="groups">User group ids, for private access.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<AssociationResult> AssociateCredentialAsync<TConfig, TCredential>(
        ConnectorCreated<TConfig> connector,
        Credential<TCredential> credential,
        string? name = null,
        AccessType accessType = AccessType.Public,
        IReadOnlyList<int>? groups = null,
        CancellationToken cancellationToken = default)
        where TConfig : IConnectorConfig<TCredential>
        where TCredential : IConnectorCredential
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(credential);
        if (accessType == AccessType.Sync && connector.Descriptor is { SupportsPermissionSync: false } descriptor)
        {
            throw new ArgumentException($"Source '{descriptor.Source}' does not support permission sync (its schema has no x-onyx-perm-sync); use Public or Private.", nameof(accessType));
        }

        return AssociateCredentialAsync(connector.Id, credential.Id, name ?? connector.Name, accessType, groups, cancellationToken);
    }

    /// <summary>Removes a pair at once (<c>DELETE /manage/connector/{id}/credential/{id}</c>); <c>Success</c> is false when there was no pair.</summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="credentialId">The credential.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<StatusResponse> DissociateCredentialAsync(int connectorId, int credentialId, CancellationToken cancellationToken = default)
    {
        string path = $"/manage/connector/{connectorId}/credential/{credentialId}";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Delete, path, null, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Delete, path);
        return Deserialize(response.Body, OnyxJsonContext.Default.StatusResponse);
    }

    /// <summary>Triggers one indexing run (<c>POST /manage/admin/connector/run-once</c>).</summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="credentialIds">Only these pairs; null: every credential paired with the connector.</param>
    /// <param name="fromBeginning">Re-index everything rather than only what changed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many pairs were marked (pairs already running are skipped).</returns>
    public virtual async Task<int> RunOnceAsync(int connectorId, IReadOnlyList<int>? credentialIds = null, bool fromBeginning = false, CancellationToken cancellationToken = default)
    {
        const string Path = "/manage/admin/connector/run-once";
        ReadOnlyMemory<byte> body = RequestWriter.Write((connectorId, credentialIds, fromBeginning), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteNumber("connector_id"u8, s.connectorId);
            if (s.credentialIds is null)
            {
                w.WriteNull("credential_ids"u8);
            }
            else
            {
                w.WriteStartArray("credential_ids"u8);
                foreach (int id in s.credentialIds)
                {
                    w.WriteNumberValue(id);
                }

                w.WriteEndArray();
            }

            w.WriteBoolean("from_beginning"u8, s.fromBeginning);
            w.WriteEndObject();
        });

        // Marking a pair for indexing is idempotent: a pair already marked is skipped.
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Post, Path, body, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Post, Path);
        return Deserialize(response.Body, OnyxJsonContext.Default.StatusResponse).Data ?? 0;
    }

    private ConnectorRequestFields PrepareRequest(
        string name, IConnectorConfig config, TimeSpan? refreshFreq, TimeSpan? pruneFreq, AccessType accessType, InputType? inputType, DateTime? indexingStart, IReadOnlyList<int>? groups)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(config);
        CheckFrequency(refreshFreq, nameof(refreshFreq));
        CheckFrequency(pruneFreq, nameof(pruneFreq));
        if (Transport.Options.ValidateBeforeSend)
        {
            IReadOnlyList<OnyxValidationError> errors = config.Validate();
            if (errors.Count > 0)
            {
                throw new OnyxValidationException(config.GetType().Name, errors);
            }
        }

        return new ConnectorRequestFields(name, config, inputType ?? config.Descriptor.DefaultInputType, accessType, refreshFreq, pruneFreq, indexingStart, groups);
    }

    private static void CheckFrequency(TimeSpan? value, string parameter)
    {
        if (value is TimeSpan span && span < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(parameter, span, "A frequency must be at least one second (it is sent as whole seconds).");
        }
    }

    internal static T Deserialize<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        => JsonSerializer.Deserialize(body, typeInfo) ?? throw new JsonException($"Onyx answered an empty {typeof(T).Name}.");
}
