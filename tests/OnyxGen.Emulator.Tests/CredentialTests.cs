using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

public sealed class CredentialTests
{
    private static readonly string[] SnapshotKeys =
    [
        "credential_json", "admin_public", "source", "name", "curator_public", "groups", "id", "user_id", "user_email",
        "time_created", "time_updated",
    ];

    [Fact]
    public async Task Create_returns_masked_snapshot_owned_by_the_calling_key()
    {
        await using var api = await TestApi.StartAsync();
        var key = api.Emulator.CreateApiKey(EmulatorKeyRole.Manage, "sdk-tests");
        var body = new JsonObject
        {
            ["credential_json"] = new JsonObject { ["jira_api_token"] = "ATATT3xFfGF0T4bQ9zX", ["jira_user_email"] = "ops@example.com" },
            ["admin_public"] = true, ["source"] = "jira", ["name"] = "Jira bot", ["groups"] = new JsonArray(3),
        };
        var reply = await api.SendAsync("POST", "/manage/credential", body, key);
        Assert.Equal(200, reply.Status);
        Assert.Equal(["id", "credential"], reply.Keys);
        var credential = reply.Json!["credential"]!;
        Assert.Equal(SnapshotKeys, ((JsonObject)credential).Select(p => p.Key));
        Assert.Equal("{\"jira_api_token\":\"ATAT...Q9zX\",\"jira_user_email\":\"ops@....com\"}", credential["credential_json"]!.ToJsonString());
        Assert.Equal("[]", credential["groups"]!.ToJsonString()); // saved, never echoed
        Assert.False(credential["curator_public"]!.GetValue<bool>());
        var userId = credential["user_id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(userId, out _));
        Assert.Equal($"API_KEY__sdk-tests@{userId}onyxapikey.ai", credential["user_email"]!.GetValue<string>());

        var stored = api.Emulator.Inspect.Credential(reply.Json!["id"]!.GetValue<long>())!;
        Assert.Equal("ATATT3xFfGF0T4bQ9zX", stored.CredentialJson["jira_api_token"]!.GetValue<string>()); // unmasked at rest
        Assert.Equal([3L], stored.Groups);
    }

    [Fact]
    public async Task Visibility_rule_for_managers_and_for_other_keys()
    {
        await using var api = await TestApi.StartAsync();
        var other = api.Emulator.CreateApiKey(EmulatorKeyRole.Manage, "other");
        var manager = api.Emulator.CreateApiKey(EmulatorKeyRole.Manage, "manager");
        var basic = api.Emulator.CreateApiKey(EmulatorKeyRole.Basic, "basic");
        var privateJira = await api.CreateCredentialAsync("jira", new JsonObject { ["t"] = "x" }, adminPublic: false, key: other);
        var publicJira = await api.CreateCredentialAsync("jira", new JsonObject(), adminPublic: true, key: other);
        var privateWeb = await api.CreateCredentialAsync("web", new JsonObject(), adminPublic: false, key: other);
        var own = await api.CreateCredentialAsync("jira", new JsonObject(), adminPublic: false, key: manager);

        long[] Ids(Reply r) => ((JsonArray)r.Json!).Select(c => c!["id"]!.GetValue<long>()).ToArray();
        Assert.Equal([0, publicJira, privateWeb, own], Ids(await api.GetAsync("/manage/admin/credential", manager)));
        Assert.Equal([0, publicJira, privateWeb, own], Ids(await api.GetAsync("/manage/credential", manager)));
        Assert.Empty(Ids(await api.GetAsync("/manage/credential", basic)));

        // Invisible behaves as not found on each route.
        Shapes.AssertDetail(await api.GetAsync($"/manage/credential/{privateJira}", manager), 401,
            $"Credential {privateJira} does not exist or does not belong to user");
        Shapes.AssertValueError(await api.SendAsync("DELETE", $"/manage/credential/{privateJira}", key: manager),
            $"Credential by provided id {privateJira} does not exist or does not belong to user");
        Assert.Equal(200, (await api.GetAsync($"/manage/credential/{privateJira}", other)).Status);
    }

    [Fact]
    public async Task Similar_credentials_filters_by_source()
    {
        await using var api = await TestApi.StartAsync();
        var jira = await api.CreateCredentialAsync("jira", new JsonObject());
        await api.CreateCredentialAsync("web", new JsonObject());
        var reply = await api.GetAsync("/manage/admin/similar-credentials/jira");
        Assert.Equal(jira, Assert.Single((JsonArray)reply.Json!)!["id"]!.GetValue<long>());
        Assert.Empty((JsonArray)(await api.GetAsync("/manage/admin/similar-credentials/not_applicable")).Json!);
    }

    [Fact]
    public async Task Get_missing_is_401_detail()
    {
        await using var api = await TestApi.StartAsync();
        Shapes.AssertDetail(await api.GetAsync("/manage/credential/4"), 401, "Credential 4 does not exist or does not belong to user");
    }

    [Fact]
    public async Task Patch_replaces_credential_json_only_moves_ownership_and_nulls_email()
    {
        await using var api = await TestApi.StartAsync();
        var id = await api.CreateCredentialAsync("jira", new JsonObject { ["a"] = "1", ["b"] = "2" }, name: "orig");
        var newOwner = api.Emulator.CreateApiKey(EmulatorKeyRole.Admin, "rotator");
        var body = new JsonObject
        {
            ["credential_json"] = new JsonObject { ["c"] = "3" }, ["admin_public"] = false, ["source"] = "web", ["name"] = "ignored",
        };
        var reply = await api.SendAsync("PATCH", $"/manage/credential/{id}", body, newOwner);
        Assert.Equal(200, reply.Status);
        Assert.Equal(SnapshotKeys, reply.Keys);
        Assert.Null(reply.Json!["user_email"]);
        Assert.Equal("jira", reply.Json!["source"]!.GetValue<string>());
        Assert.Equal("orig", reply.Json!["name"]!.GetValue<string>());
        Assert.True(reply.Json!["admin_public"]!.GetValue<bool>());
        var stored = api.Emulator.Inspect.Credential(id)!;
        Assert.Equal("{\"c\":\"3\"}", stored.CredentialJson.ToJsonString());
        Assert.Equal($"API_KEY__rotator@{stored.OwnerUserId}onyxapikey.ai", stored.OwnerEmail);
        Assert.Equal(stored.OwnerUserId.ToString(), reply.Json!["user_id"]!.GetValue<string>());

        Shapes.AssertDetail(await api.SendAsync("PATCH", "/manage/credential/99", body), 401, "Credential 99 does not exist or does not belong to user");
    }

    [Fact]
    public async Task Admin_put_merges_top_level_keys_renames_and_returns_credential_base_only()
    {
        await using var api = await TestApi.StartAsync();
        var id = await api.CreateCredentialAsync("jira", new JsonObject { ["keep"] = "k", ["over"] = "old", ["nested"] = new JsonObject { ["x"] = "1" } });
        var reply = await api.SendAsync("PUT", $"/manage/admin/credential/{id}", new JsonObject
        {
            ["name"] = "Jira bot (rotated)",
            ["credential_json"] = new JsonObject { ["over"] = "new", ["add"] = "a", ["nested"] = new JsonObject { ["y"] = "2" } },
        });
        Assert.Equal(200, reply.Status);
        Assert.Equal(["credential_json", "admin_public", "source", "name", "curator_public", "groups"], reply.Keys);
        Assert.Equal("Jira bot (rotated)", reply.Json!["name"]!.GetValue<string>());
        var stored = api.Emulator.Inspect.Credential(id)!;
        Assert.Equal("{\"keep\":\"k\",\"over\":\"new\",\"nested\":{\"y\":\"2\"},\"add\":\"a\"}", stored.CredentialJson.ToJsonString());

        Shapes.AssertDetail(await api.SendAsync("PUT", "/manage/admin/credential/42", new JsonObject { ["name"] = "n", ["credential_json"] = new JsonObject() }),
            401, "Credential 42 does not exist or does not belong to user");
        var missing = Shapes.AssertValidation(await api.SendAsync("PUT", $"/manage/admin/credential/{id}", new JsonObject { ["name"] = "n" }), 1);
        Assert.Contains("'loc': ('body', 'credential_json')", missing);
    }

    [Fact]
    public async Task Delete_variants_and_their_messages()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        const string associated = "Cannot delete credential as it is still associated with 1 connector(s) and 0 document(s). ";
        Shapes.AssertValueError(await api.SendAsync("DELETE", $"/manage/credential/{credential}"), associated);
        Shapes.AssertValueError(await api.SendAsync("DELETE", $"/manage/admin/credential/{credential}"), associated);
        Shapes.AssertValueError(await api.SendAsync("DELETE", "/manage/admin/credential/77"), "Credential by provided id 77 does not exist");
        Shapes.AssertValueError(await api.SendAsync("DELETE", "/manage/credential/force/77"),
            "Credential by provided id 77 does not exist or does not belong to user");

        Shapes.AssertStatus(await api.SendAsync("DELETE", $"/manage/credential/force/{credential}"), true, "Credential deleted successfully", credential);
        Assert.Null(api.Emulator.Inspect.CcPair(pair));
        Assert.NotNull(api.Emulator.Inspect.Connector(connector)); // force delete keeps the connector

        var loose = await api.CreateCredentialAsync("web", new JsonObject());
        Shapes.AssertStatus(await api.SendAsync("DELETE", $"/manage/credential/{loose}"), true, "Credential deleted successfully", loose);
        var loose2 = await api.CreateCredentialAsync("web", new JsonObject());
        Shapes.AssertStatus(await api.SendAsync("DELETE", $"/manage/admin/credential/{loose2}"), true, "Credential deleted successfully", loose2);
    }

    [Fact]
    public async Task Deleting_credential_0_fails_by_visibility()
    {
        await using var api = await TestApi.StartAsync();
        const string associated = "Cannot delete credential as it is still associated with 1 connector(s) and 0 document(s). ";
        Shapes.AssertValueError(await api.SendAsync("DELETE", "/manage/admin/credential/0"), associated);
        Shapes.AssertValueError(await api.SendAsync("DELETE", "/manage/credential/0"), associated);
        var basic = api.Emulator.CreateApiKey(EmulatorKeyRole.Basic);
        Shapes.AssertValueError(await api.SendAsync("DELETE", "/manage/credential/0", key: basic),
            "Credential by provided id 0 does not exist or does not belong to user");
    }

    [Fact]
    public async Task Basic_key_cannot_read_or_patch_a_credential_it_does_not_own()
    {
        await using var api = await TestApi.StartAsync();
        var id = await api.CreateCredentialAsync("jira", new JsonObject { ["t"] = "v" }, adminPublic: false);
        var basic = api.Emulator.CreateApiKey(EmulatorKeyRole.Basic);
        Assert.Equal(401, (await api.GetAsync($"/manage/credential/{id}", basic)).Status);
        var patch = await api.SendAsync("PATCH", $"/manage/credential/{id}",
            new JsonObject { ["credential_json"] = new JsonObject(), ["admin_public"] = false, ["source"] = "jira" }, basic);
        Assert.Equal(401, patch.Status);
    }
}
