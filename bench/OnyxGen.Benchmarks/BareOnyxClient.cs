using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OnyxGen.Benchmarks;

/// <summary>
/// The baseline client of the runtime benchmarks: a bare HttpClient sending pre-serialized create and associate bodies,
/// reading the new connector's id with a Utf8JsonReader. Nothing else: no validation, retries or typed responses.
/// </summary>
public static class BareOnyxClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>The associate body OnyxGen sends for a connector called <paramref name="name"/>.</summary>
    public static byte[] AssociateBody(string name) => Encoding.UTF8.GetBytes($"{{\"name\":\"{name}\",\"access_type\":\"public\",\"groups\":[]}}");

    /// <summary>One POST /manage/admin/connector, then one PUT /manage/connector/{id}/credential/{credentialId}.</summary>
    public static async Task<int> CreateAndAssociateAsync(HttpClient http, string root, string apiKey, byte[] createBody, byte[] associateBody, int credentialId, CancellationToken cancellationToken = default)
    {
        int id;
        using (var create = new HttpRequestMessage(HttpMethod.Post, root + "/manage/admin/connector"))
        {
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            create.Content = new ByteArrayContent(createBody);
            create.Content.Headers.ContentType = Json;
            using HttpResponseMessage response = await http.SendAsync(create, cancellationToken);
            response.EnsureSuccessStatusCode();
            id = ReadId(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }

        using var associate = new HttpRequestMessage(HttpMethod.Put, $"{root}/manage/connector/{id}/credential/{credentialId}");
        associate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        associate.Content = new ByteArrayContent(associateBody);
        associate.Content.Headers.ContentType = Json;
        using HttpResponseMessage associated = await http.SendAsync(associate, cancellationToken);
        associated.EnsureSuccessStatusCode();
        await associated.Content.ReadAsByteArrayAsync(cancellationToken);
        return id;
    }

    private static int ReadId(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"u8) && reader.Read())
            {
                return reader.GetInt32();
            }
        }

        throw new InvalidOperationException("No id in " + Encoding.UTF8.GetString(body));
    }
}
