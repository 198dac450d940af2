using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

/// <summary>A running emulator plus a plain HttpClient over real loopback HTTP.</summary>
internal sealed class TestApi : IAsyncDisposable
{
    private TestApi(OnyxEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };
    }

    public OnyxEmulator Emulator { get; }

    public HttpClient Http { get; }

    public string AdminKey => Emulator.ApiKey;

    public static async Task<TestApi> StartAsync(OnyxEmulatorOptions? options = null) =>
        new(await OnyxEmulator.StartAsync(options));

    /// <summary>Sends to <c>BaseUrl + path</c> (the /api form) with the admin key unless told otherwise.</summary>
    public Task<Reply> SendAsync(string method, string path, object? body = null, string? key = "", bool viaRoot = false,
        string? contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        var baseUrl = viaRoot ? Emulator.RootUrl.ToString().TrimEnd('/') : Emulator.BaseUrl.ToString();
        var request = new HttpRequestMessage(new HttpMethod(method), baseUrl + path);
        if (key == "") key = AdminKey;
        if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        if (headers is not null)
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
        {
            var text = body switch
            {
                string s => s,
                JsonNode node => node.ToJsonString(),
                _ => throw new ArgumentException("body must be a string or a JsonNode"),
            };
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            request.Content = content;
        }
        return SendRawAsync(request);
    }

    public async Task<Reply> SendRawAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        var isJson = response.Content.Headers.ContentType?.MediaType == "application/json";
        if (isJson && text.Length > 0) json = JsonNode.Parse(text);
        var allHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, text, json, allHeaders, isJson);
    }

    public Task<Reply> GetAsync(string path, string? key = "") => SendAsync("GET", path, key: key);

    // Convenience creators that assert success, so tests read as scenarios.
    public async Task<long> CreateConnectorAsync(string name, string source, string inputType, JsonObject? config = null, string? key = "")
    {
        var reply = await SendAsync("POST", "/manage/admin/connector", Bodies.Connector(name, source, inputType, config), key);
        Assert.Equal(200, reply.Status);
        return reply.Json!["id"]!.GetValue<long>();
    }

    public async Task<long> CreateCredentialAsync(string source, JsonObject credentialJson, bool adminPublic = true, string? key = "", string? name = null)
    {
        var body = new JsonObject { ["credential_json"] = credentialJson, ["admin_public"] = adminPublic, ["source"] = source, ["name"] = name };
        var reply = await SendAsync("POST", "/manage/credential", body, key);
        Assert.Equal(200, reply.Status);
        return reply.Json!["id"]!.GetValue<long>();
    }

    public Task<Reply> AssociateAsync(long connectorId, long credentialId, string name = "pair", string accessType = "public", string? key = "") =>
        SendAsync("PUT", $"/manage/connector/{connectorId}/credential/{credentialId}",
            new JsonObject { ["name"] = name, ["access_type"] = accessType, ["groups"] = new JsonArray() }, key);

    /// <summary>A jira connector and credential that pass validation, paired. Returns (connector, credential, pair).</summary>
    public async Task<(long Connector, long Credential, long Pair)> CreateJiraPairAsync(string name = "Eng Jira")
    {
        var connector = await CreateConnectorAsync(name, "jira", "poll", new JsonObject { ["jira_base_url"] = "https://example.atlassian.net" });
        var credential = await CreateCredentialAsync("jira", new JsonObject { ["jira_api_token"] = "ATATT3xFfGF0T4bQ9zX", ["jira_user_email"] = "ops@example.com" });
        var reply = await AssociateAsync(connector, credential, name);
        Assert.Equal(200, reply.Status);
        Assert.True(reply.Json!["success"]!.GetValue<bool>(), reply.Body);
        return (connector, credential, reply.Json!["data"]!.GetValue<long>());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>One HTTP answer.</summary>
internal sealed record Reply(int Status, string Body, JsonNode? Json, IReadOnlyDictionary<string, string> Headers, bool IsJson)
{
    public string? Detail => Json?["detail"]?.GetValue<string>();

    public string? ErrorCode => Json?["error_code"]?.GetValue<string>();

    public string? Message => Json?["message"]?.GetValue<string>();

    /// <summary>The object's keys, in order (to assert a shape exactly).</summary>
    public string[] Keys => Json is JsonObject obj ? obj.Select(p => p.Key).ToArray() : [];
}

/// <summary>Request bodies used across tests.</summary>
internal static class Bodies
{
    public static JsonObject Connector(string name, string source, string inputType, JsonObject? config = null, string accessType = "public") => new()
    {
        ["name"] = name,
        ["source"] = source,
        ["input_type"] = inputType,
        ["connector_specific_config"] = config ?? new JsonObject(),
        ["access_type"] = accessType,
    };
}
