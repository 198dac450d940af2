using System.Text.Json;
using OnyxGen.Http;
using OnyxGen.Serialization;

namespace OnyxGen;

/// <summary>
/// Credentials (<c>credential_json</c> holds the secrets). Every answer is masked by the server: secret values are write-only,
/// so never send a value read back from Onyx. Generated <c>Create{Source}Async</c> extension methods call <see cref="CreateAsync{TCredential}"/>.
/// </summary>
public class CredentialsClient
{
    private readonly OnyxTransport? _transport;

    internal CredentialsClient(OnyxTransport transport) => _transport = transport;

    /// <summary>For test doubles only.</summary>
    protected CredentialsClient()
    {
    }

    private OnyxTransport Transport => _transport ?? throw new InvalidOperationException("This CredentialsClient is a test double without a transport.");

    /// <summary>
    /// Creates a credential (<c>POST /manage/credential</c>). Credentials have no natural key, so an uncertain failure (timeout,
    /// 502, dropped connection) is not retried: it surfaces, and the caller decides. 429 is retried.
    /// </summary>
    /// <typeparam name="TCredential">The generated credential type.</typeparam>
    /// <param name="name">A display name (not unique).</param>
    /// <param name="credential">The credential values.</param>
    /// <param name="adminPublic">Visible to every connector admin (the admin UI always sends true).</param>
    /// <param name="curatorPublic">Visible to curators.</param>
    /// <param name="groups">User group ids to share with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created credential, masked, tagged with its type.</returns>
    public virtual async Task<Credential<TCredential>> CreateAsync<TCredential>(
        string? name,
        TCredential credential,
        bool adminPublic = true,
        bool curatorPublic = false,
        IReadOnlyList<int>? groups = null,
        CancellationToken cancellationToken = default)
        where TCredential : IConnectorCredential
    {
        ArgumentNullException.ThrowIfNull(credential);
        ThrowIfInvalid(credential);
        const string Path = "/manage/credential";
        ReadOnlyMemory<byte> body = RequestWriter.Write((name, credential, adminPublic, curatorPublic, groups), static (w, s) =>
        {
            w.WriteStartObject();
            w.WritePropertyName("credential_json"u8);
            s.credential.WriteJson(w);
            w.WriteBoolean("admin_public"u8, s.adminPublic);
            w.WriteString("source"u8, s.credential.Source.Value);
            if (s.name is null)
            {
                w.WriteNull("name"u8);
            }
            else
            {
                w.WriteString("name"u8, s.name);
            }

            w.WriteBoolean("curator_public"u8, s.curatorPublic);
            w.WriteStartArray("groups"u8);
            foreach (int group in s.groups ?? [])
            {
                w.WriteNumberValue(group);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

        OnyxResponse response = await Transport.SendAsync(HttpMethod.Post, Path, body, RetryMode.OnlyWhenNotProcessed, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Post, Path, SecretValues(credential));
        CredentialCreatedResponse created = ConnectorsClient.Deserialize(response.Body, OnyxJsonContext.Default.CredentialCreatedResponse);
        return Credential<TCredential>.From(created.Credential ?? new Credential { Id = created.Id, Name = name, Source = credential.Source });
    }

    /// <summary>Gets a credential (<c>GET /manage/credential/{id}</c>), masked.</summary>
    /// <param name="credentialId">The credential.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OnyxApiException">401 (Onyx's "does not exist or does not belong to user") when missing or not visible.</exception>
    public virtual async Task<Credential> GetAsync(int credentialId, CancellationToken cancellationToken = default)
    {
        string path = $"/manage/credential/{credentialId}";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Get, path, null, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Get, path);
        return ConnectorsClient.Deserialize(response.Body, OnyxJsonContext.Default.Credential);
    }

    /// <summary>Lists the credentials the key can see (<c>GET /manage/admin/credential</c>), optionally of one source, ordered by id.</summary>
    /// <param name="source">Only this source; null: all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<Credential>> ListAsync(DocumentSource? source = null, CancellationToken cancellationToken = default)
    {
        const string Path = "/manage/admin/credential";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Get, Path, null, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Get, Path);
        List<Credential> all = ConnectorsClient.Deserialize(response.Body, OnyxJsonContext.Default.ListCredential);
        IEnumerable<Credential> matching = source is DocumentSource wanted ? all.Where(c => c.Source == wanted) : all;
        return matching.OrderBy(c => c.Id).ToList();
    }

    /// <summary>Replaces a credential's secrets (<c>PATCH /manage/credential/{id}</c>: <c>credential_json</c> is replaced whole; ownership moves to the caller).</summary>
    /// <typeparam name="TCredential">The generated credential type.</typeparam>
    /// <param name="credentialId">The credential.</param>
    /// <param name="credential">The new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Credential> UpdateAsync<TCredential>(int credentialId, TCredential credential, CancellationToken cancellationToken = default)
        where TCredential : IConnectorCredential
    {
        ArgumentNullException.ThrowIfNull(credential);
        ThrowIfInvalid(credential);
        string path = $"/manage/credential/{credentialId}";
        ReadOnlyMemory<byte> body = RequestWriter.Write(credential, static (w, c) =>
        {
            w.WriteStartObject();
            w.WritePropertyName("credential_json"u8);
            c.WriteJson(w);
            w.WriteBoolean("admin_public"u8, true);
            w.WriteString("source"u8, c.Source.Value);
            w.WriteEndObject();
        });
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Patch, path, body, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Patch, path, SecretValues(credential));
        return ConnectorsClient.Deserialize(response.Body, OnyxJsonContext.Default.Credential);
    }

    /// <summary>
    /// Deletes a credential. <paramref name="force"/> first removes its connector pairs (<c>DELETE /manage/credential/force/{id}</c>);
    /// without it the server refuses while pairs exist.
    /// </summary>
    /// <param name="credentialId">The credential.</param>
    /// <param name="force">Remove its pairs first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OnyxApiException">400 when it does not exist or is still associated.</exception>
    public virtual async Task<StatusResponse> DeleteAsync(int credentialId, bool force = false, CancellationToken cancellationToken = default)
    {
        string path = force ? $"/manage/credential/force/{credentialId}" : $"/manage/credential/{credentialId}";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Delete, path, null, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Delete, path);
        return ConnectorsClient.Deserialize(response.Body, OnyxJsonContext.Default.StatusResponse);
    }

    private void ThrowIfInvalid(IConnectorCredential credential)
    {
        if (Transport.Options.ValidateBeforeSend)
        {
            IReadOnlyList<OnyxValidationError> errors = credential.Validate();
            if (errors.Count > 0)
            {
                throw new OnyxValidationException(credential.GetType().Name, errors);
            }
        }
    }

    /// <summary>Every string value of the credential, to redact from any text the server sends back.</summary>
    internal static IReadOnlyList<string> SecretValues(IConnectorCredential credential)
    {
        ReadOnlyMemory<byte> json = RequestWriter.Write(credential, static (w, c) => c.WriteJson(w));
        var values = new List<string>();
        var reader = new Utf8JsonReader(json.Span);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
            }
        }

        return values;
    }
}
