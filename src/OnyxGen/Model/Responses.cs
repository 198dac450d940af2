using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnyxGen;

/// <summary>The answer to a connector create: the new connector's id.</summary>
public class ConnectorCreated
{
    /// <summary>The new connector's id.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>The connector's name.</summary>
    [JsonIgnore]
    public string Name { get; init; } = "";

    /// <summary>The connector's source.</summary>
    [JsonIgnore]
    public DocumentSource Source { get; init; }

    /// <summary>What the connector's schema says about it (input types, permission sync).</summary>
    [JsonIgnore]
    public ConnectorDescriptor? Descriptor { get; init; }

    /// <summary>True when the connector already existed (found after a retried create), false when this call created it.</summary>
    [JsonIgnore]
    public bool Existed { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Connector {Id} '{Name}' ({Source})";
}

/// <summary>A created connector whose config type is known, so only a credential of the same source can be associated with it.</summary>
/// <typeparam name="TConfig">The generated config type.</typeparam>
public sealed class ConnectorCreated<TConfig> : ConnectorCreated
    where TConfig : IConnectorConfig
{
}

/// <summary>A connector as the server returns it (<c>ConnectorSnapshot</c>).</summary>
public sealed class Connector
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")] public int Id { get; init; }

    /// <summary>The name (unique per source).</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The source.</summary>
    [JsonPropertyName("source")] public DocumentSource Source { get; init; }

    /// <summary>The input type.</summary>
    [JsonPropertyName("input_type")] public InputType InputType { get; init; }

    /// <summary>The config, verbatim as stored (never masked).</summary>
    [JsonPropertyName("connector_specific_config")] public JsonElement ConnectorSpecificConfig { get; init; }

    /// <summary>Refresh frequency in seconds.</summary>
    [JsonPropertyName("refresh_freq")] public int? RefreshFreq { get; init; }

    /// <summary>Prune frequency in seconds.</summary>
    [JsonPropertyName("prune_freq")] public int? PruneFreq { get; init; }

    /// <summary>Indexing start (naive, no time zone, as the server stores it).</summary>
    [JsonPropertyName("indexing_start")] public DateTime? IndexingStart { get; init; }

    /// <summary>The credentials paired with this connector.</summary>
    [JsonPropertyName("credential_ids")] public IReadOnlyList<int> CredentialIds { get; init; } = [];

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("time_created")] public DateTimeOffset TimeCreated { get; init; }

    /// <summary>When it was last updated (UTC).</summary>
    [JsonPropertyName("time_updated")] public DateTimeOffset TimeUpdated { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Connector {Id} '{Name}' ({Source})";
}

/// <summary>A credential as the server returns it. Its <see cref="MaskedCredentialJson"/> is masked: never send it back.</summary>
public class Credential
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")] public int Id { get; init; }

    /// <summary>The name (not unique).</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>The source (<c>not_applicable</c> for credential 0).</summary>
    [JsonPropertyName("source")] public DocumentSource Source { get; init; }

    /// <summary>Visible to every connector admin.</summary>
    [JsonPropertyName("admin_public")] public bool AdminPublic { get; init; }

    /// <summary>Visible to curators.</summary>
    [JsonPropertyName("curator_public")] public bool CuratorPublic { get; init; }

    /// <summary>The owner's id, null for credential 0.</summary>
    [JsonPropertyName("user_id")] public string? UserId { get; init; }

    /// <summary>The owner's email.</summary>
    [JsonPropertyName("user_email")] public string? UserEmail { get; init; }

    /// <summary>The credential's keys with masked values (secrets are write-only).</summary>
    [JsonPropertyName("credential_json")] public JsonElement MaskedCredentialJson { get; init; }

    /// <summary>When it was created (UTC); absent from the admin PUT answer.</summary>
    [JsonPropertyName("time_created")] public DateTimeOffset? TimeCreated { get; init; }

    /// <summary>When it was last updated (UTC); absent from the admin PUT answer.</summary>
    [JsonPropertyName("time_updated")] public DateTimeOffset? TimeUpdated { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Credential {Id} '{Name}' ({Source})";
}

/// <summary>
/// A credential whose generated type is known. <see cref="ConnectorsClient.AssociateCredentialAsync{TConfig, TCredential}"/>
/// accepts it only with a connector of the same source: a mismatch is a compile error.
/// </summary>
/// <typeparam name="TCredential">The generated credential type.</typeparam>
public sealed class Credential<TCredential> : Credential
    where TCredential : IConnectorCredential
{
    /// <summary>Copies a credential answer, tagging it with its type.</summary>
    /// <param name="credential">The answer.</param>
    internal static Credential<TCredential> From(Credential credential) => new()
    {
        Id = credential.Id,
        Name = credential.Name,
        Source = credential.Source,
        AdminPublic = credential.AdminPublic,
        CuratorPublic = credential.CuratorPublic,
        UserId = credential.UserId,
        UserEmail = credential.UserEmail,
        MaskedCredentialJson = credential.MaskedCredentialJson,
        TimeCreated = credential.TimeCreated,
        TimeUpdated = credential.TimeUpdated,
    };
}

/// <summary>Onyx's <c>StatusResponse</c>: <c>success</c> can be false with HTTP 200.</summary>
public sealed class StatusResponse
{
    /// <summary>Whether the operation did something.</summary>
    [JsonPropertyName("success")] public bool Success { get; init; }

    /// <summary>The server's message.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }

    /// <summary>An id or a count; what it is depends on the endpoint.</summary>
    [JsonPropertyName("data")] public int? Data { get; init; }
}

/// <summary>The outcome of associating a credential with a connector.</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="CredentialId">The credential.</param>
/// <param name="CcPairId">The new pair's id; null when the pair already existed (the server does not return it then).</param>
/// <param name="AlreadyAssociated">True when the server answered "Connector N already has Credential M" (HTTP 200, success false).</param>
/// <param name="Message">The server's message.</param>
public sealed record AssociationResult(int ConnectorId, int CredentialId, int? CcPairId, bool AlreadyAssociated, string? Message)
{
    /// <inheritdoc />
    public override string ToString() => AlreadyAssociated
        ? $"Connector {ConnectorId} already had credential {CredentialId}"
        : $"Connector {ConnectorId} associated with credential {CredentialId} (cc-pair {CcPairId})";
}

/// <summary>Full information about a connector-credential pair (<c>CCPairFullInfo</c>).</summary>
public sealed class CcPairInfo
{
    /// <summary>The pair's id.</summary>
    [JsonPropertyName("id")] public int Id { get; init; }

    /// <summary>The pair's name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The status.</summary>
    [JsonPropertyName("status")] public ConnectorCredentialPairStatus Status { get; init; }

    /// <summary>Whether indexing keeps failing.</summary>
    [JsonPropertyName("in_repeated_error_state")] public bool InRepeatedErrorState { get; init; }

    /// <summary>Documents indexed.</summary>
    [JsonPropertyName("num_docs_indexed")] public int NumDocsIndexed { get; init; }

    /// <summary>The connector (its credential ids list only this pair's credential).</summary>
    [JsonPropertyName("connector")] public Connector? Connector { get; init; }

    /// <summary>The credential, masked.</summary>
    [JsonPropertyName("credential")] public Credential? Credential { get; init; }

    /// <summary>Index attempts so far.</summary>
    [JsonPropertyName("number_of_index_attempts")] public int NumberOfIndexAttempts { get; init; }

    /// <summary>The latest index attempt's status (<c>not_started</c>, <c>in_progress</c>, <c>success</c>, ...).</summary>
    [JsonPropertyName("last_index_attempt_status")] public string? LastIndexAttemptStatus { get; init; }

    /// <summary>The access type.</summary>
    [JsonPropertyName("access_type")] public AccessType AccessType { get; init; }

    /// <summary>Whether the caller may edit the pair.</summary>
    [JsonPropertyName("is_editable_for_current_user")] public bool IsEditableForCurrentUser { get; init; }

    /// <summary>Whether an index attempt is running.</summary>
    [JsonPropertyName("indexing")] public bool Indexing { get; init; }

    /// <summary>The last successful index start.</summary>
    [JsonPropertyName("last_indexed")] public DateTimeOffset? LastIndexed { get; init; }

    /// <summary>Why deletion failed, if it did.</summary>
    [JsonPropertyName("deletion_failure_message")] public string? DeletionFailureMessage { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"cc-pair {Id} '{Name}' ({Status})";
}
