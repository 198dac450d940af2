using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

public sealed class AuthTests
{
    private const string NotAuthenticated = "Access denied. User is not authenticated.";

    [Fact]
    public async Task Missing_and_unknown_keys_are_403_not_authenticated()
    {
        await using var api = await TestApi.StartAsync();
        Shapes.AssertDetail(await api.GetAsync("/manage/credential", key: null), 403, NotAuthenticated);
        Shapes.AssertDetail(await api.GetAsync("/manage/credential", key: "on_unknownkey"), 403, NotAuthenticated);
        Shapes.AssertDetail(await api.GetAsync("/manage/credential", key: "dn_legacyunknown"), 403, NotAuthenticated);
        // A value with a '.' is neither a key nor a session token.
        Shapes.AssertDetail(await api.GetAsync("/manage/credential", key: "some.jwt.value"), 403, NotAuthenticated);
    }

    [Fact]
    public async Task Unprefixed_bearer_value_is_tried_as_a_session_token()
    {
        await using var api = await TestApi.StartAsync();
        Shapes.AssertOnyx(await api.GetAsync("/manage/credential", key: "not-a-key"), 403, "SESSION_UNRECOGNIZED",
            "Session not recognized. Please log in again.");
    }

    [Fact]
    public async Task Bare_key_and_padded_bearer_key_both_work()
    {
        await using var api = await TestApi.StartAsync();
        var bare = new HttpRequestMessage(HttpMethod.Get, api.Emulator.BaseUrl + "/manage/connector/0");
        bare.Headers.TryAddWithoutValidation("Authorization", api.AdminKey);
        Assert.Equal(200, (await api.SendRawAsync(bare)).Status);

        var padded = new HttpRequestMessage(HttpMethod.Get, api.Emulator.BaseUrl + "/manage/connector/0");
        padded.Headers.TryAddWithoutValidation("Authorization", "Bearer   " + api.AdminKey + "  ");
        Assert.Equal(200, (await api.SendRawAsync(padded)).Status);
    }

    [Fact]
    public async Task X_Onyx_Authorization_is_read_first_and_Authorization_only_when_it_is_empty()
    {
        await using var api = await TestApi.StartAsync();
        // A good X-Onyx-Authorization wins over a bad Authorization.
        var good = await api.SendAsync("GET", "/manage/connector/0", key: "on_bad",
            headers: new Dictionary<string, string> { ["X-Onyx-Authorization"] = "Bearer " + api.AdminKey });
        Assert.Equal(200, good.Status);
        // A bad X-Onyx-Authorization is not rescued by a good Authorization.
        var bad = await api.SendAsync("GET", "/manage/connector/0",
            headers: new Dictionary<string, string> { ["X-Onyx-Authorization"] = "on_bad" });
        Shapes.AssertDetail(bad, 403, NotAuthenticated);
        // An empty X-Onyx-Authorization falls back to Authorization.
        var empty = await api.SendAsync("GET", "/manage/connector/0",
            headers: new Dictionary<string, string> { ["X-Onyx-Authorization"] = "" });
        Assert.Equal(200, empty.Status);
    }

    [Fact]
    public async Task Limited_key_is_refused_everywhere_with_limited_message()
    {
        await using var api = await TestApi.StartAsync();
        var limited = api.Emulator.CreateApiKey(EmulatorKeyRole.Limited, "limited");
        Assert.StartsWith("on_", limited);
        foreach (var path in new[] { "/manage/credential", "/manage/connector", "/manage/connector/0", "/manage/admin/cc-pair/1" })
            Shapes.AssertDetail(await api.GetAsync(path, limited), 403, "Access denied. User has limited permissions.");
    }

    public static TheoryData<EmulatorKeyRole, string, string, bool> RoleMatrix() => new()
    {
        // role, method, path, allowed
        { EmulatorKeyRole.Basic, "GET", "/manage/credential", true },
        { EmulatorKeyRole.Basic, "GET", "/manage/connector", false },
        { EmulatorKeyRole.Basic, "GET", "/manage/admin/credential", false },
        { EmulatorKeyRole.Basic, "POST", "/manage/credential", false },
        { EmulatorKeyRole.Read, "GET", "/manage/connector", true },
        { EmulatorKeyRole.Read, "GET", "/manage/connector/0", true },
        { EmulatorKeyRole.Read, "GET", "/manage/admin/cc-pair/1", true },
        { EmulatorKeyRole.Read, "GET", "/manage/admin/connector", false },
        { EmulatorKeyRole.Read, "POST", "/manage/admin/connector", false },
        { EmulatorKeyRole.Manage, "GET", "/manage/admin/connector", true },
        { EmulatorKeyRole.Manage, "GET", "/manage/admin/credential", true },
        { EmulatorKeyRole.Admin, "GET", "/manage/admin/connector", true },
    };

    [Theory]
    [MemberData(nameof(RoleMatrix))]
    public async Task Each_role_gets_insufficient_permissions_outside_its_grant(EmulatorKeyRole role, string method, string path, bool allowed)
    {
        await using var api = await TestApi.StartAsync();
        var key = api.Emulator.CreateApiKey(role, role.ToString().ToLowerInvariant());
        JsonNode? body = method == "POST"
            ? path.EndsWith("connector")
                ? Bodies.Connector("n", "web", "load_state")
                : new JsonObject { ["credential_json"] = new JsonObject(), ["admin_public"] = true, ["source"] = "web" }
            : null;
        var reply = await api.SendAsync(method, path, body, key);
        if (allowed)
        {
            Assert.Equal(200, reply.Status);
        }
        else
        {
            Shapes.AssertOnyx(reply, 403, "INSUFFICIENT_PERMISSIONS", "You do not have the required permissions for this action.");
        }
    }

    [Fact]
    public async Task Fixed_admin_key_option_is_used_and_validated()
    {
        await using (var api = await TestApi.StartAsync(new OnyxEmulatorOptions { AdminApiKey = "on_fixed-test-key" }))
        {
            Assert.Equal("on_fixed-test-key", api.AdminKey);
            Assert.Equal(200, (await api.GetAsync("/manage/connector/0", "on_fixed-test-key")).Status);
        }
        await Assert.ThrowsAsync<ArgumentException>(() => OnyxEmulator.StartAsync(new OnyxEmulatorOptions { AdminApiKey = "nope" }));
    }

    [Fact]
    public async Task Generated_keys_are_url_safe_and_distinct()
    {
        await using var api = await TestApi.StartAsync();
        var keys = new[] { api.AdminKey, api.Emulator.CreateApiKey(EmulatorKeyRole.Admin), api.Emulator.CreateApiKey(EmulatorKeyRole.Read) };
        Assert.Equal(3, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^on_[A-Za-z0-9_-]{40,}$", k));
    }
}
