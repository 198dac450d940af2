using OnyxGen.Http;
using OnyxGen.Serialization;

namespace OnyxGen;

/// <summary>Connector-credential pairs ("cc-pairs"): status, pause and resume, and deletion.</summary>
public class CcPairsClient
{
    private readonly OnyxTransport? _transport;

    internal CcPairsClient(OnyxTransport transport) => _transport = transport;

    /// <summary>For test doubles only.</summary>
    protected CcPairsClient()
    {
    }

    private OnyxTransport Transport => _transport ?? throw new InvalidOperationException("This CcPairsClient is a test double without a transport.");

    /// <summary>Gets a pair's full information (<c>GET /manage/admin/cc-pair/{id}</c>).</summary>
    /// <param name="ccPairId">The pair.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<CcPairInfo> GetAsync(int ccPairId, CancellationToken cancellationToken = default)
    {
        string path = $"/manage/admin/cc-pair/{ccPairId}";
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Get, path, null, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Get, path);
        return ConnectorsClient.Deserialize(response.Body, OnyxJsonContext.Default.CcPairInfo);
    }

    /// <summary>Pauses a pair (<c>PUT /manage/admin/cc-pair/{id}/status</c> with <c>PAUSED</c>).</summary>
    /// <param name="ccPairId">The pair.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task PauseAsync(int ccPairId, CancellationToken cancellationToken = default)
        => SetStatusAsync(ccPairId, ConnectorCredentialPairStatus.Paused, cancellationToken);

    /// <summary>Resumes a pair (<c>PUT /manage/admin/cc-pair/{id}/status</c> with <c>ACTIVE</c>).</summary>
    /// <param name="ccPairId">The pair.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task ResumeAsync(int ccPairId, CancellationToken cancellationToken = default)
        => SetStatusAsync(ccPairId, ConnectorCredentialPairStatus.Active, cancellationToken);

    /// <summary>Sets a pair's status; the server accepts only <c>ACTIVE</c> and <c>PAUSED</c>.</summary>
    /// <param name="ccPairId">The pair.</param>
    /// <param name="status">Active or Paused.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task SetStatusAsync(int ccPairId, ConnectorCredentialPairStatus status, CancellationToken cancellationToken = default)
    {
        if (status is not (ConnectorCredentialPairStatus.Active or ConnectorCredentialPairStatus.Paused))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Onyx accepts only Active or Paused here.");
        }

        string path = $"/manage/admin/cc-pair/{ccPairId}/status";
        ReadOnlyMemory<byte> body = RequestWriter.Write(status, static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("status"u8, s.ToWire());
            w.WriteEndObject();
        });
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Put, path, body, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Put, path);
    }

    /// <summary>
    /// Starts the normal removal of a pair and its documents (<c>POST /manage/admin/deletion-attempt</c>); the server later
    /// removes the pair, and the connector when no pairs remain. Repeating it while the pair exists is harmless.
    /// </summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="credentialId">The credential.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task DeleteAsync(int connectorId, int credentialId, CancellationToken cancellationToken = default)
    {
        const string Path = "/manage/admin/deletion-attempt";
        ReadOnlyMemory<byte> body = RequestWriter.Write((connectorId, credentialId), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteNumber("connector_id"u8, s.connectorId);
            w.WriteNumber("credential_id"u8, s.credentialId);
            w.WriteEndObject();
        });
        OnyxResponse response = await Transport.SendAsync(HttpMethod.Post, Path, body, RetryMode.Idempotent, null, cancellationToken).ConfigureAwait(false);
        Transport.EnsureSuccess(response, HttpMethod.Post, Path);
    }
}
