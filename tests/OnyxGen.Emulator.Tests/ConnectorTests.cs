using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

public sealed class ConnectorTests
{
    private static readonly string[] SnapshotKeys =
    [
        "name", "source", "input_type", "connector_specific_config", "refresh_freq", "prune_freq", "indexing_start",
        "id", "credential_ids", "time_created", "time_updated",
    ];

    [Fact]
    public async Task Create_returns_id_and_null_credential_and_stores_config_verbatim()
    {
        await using var api = await TestApi.StartAsync();
        var config = new JsonObject { ["anything"] = new JsonArray(1, "two"), ["jira_base_url"] = 5 };
        var body = Bodies.Connector("Eng Jira", "jira", "load_state", config); // invalid for jira, but not checked here
        body["indexing_start"] = "2024-01-01T00:00:00+02:00";
        body["groups"] = new JsonArray(99);
        var reply = await api.SendAsync("POST", "/manage/admin/connector", body);
        Assert.Equal(200, reply.Status);
        Assert.Equal("{\"id\":1,\"credential\":null}", reply.Body);

        var get = await api.GetAsync("/manage/connector/1");
        Assert.Equal(SnapshotKeys, get.Keys);
        Assert.Equal(config.ToJsonString(), get.Json!["connector_specific_config"]!.ToJsonString());
        Assert.Equal("2023-12-31T22:00:00", get.Json!["indexing_start"]!.GetValue<string>());
        Assert.Equal("[]", get.Json!["credential_ids"]!.ToJsonString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$", get.Json!["time_created"]!.GetValue<string>());
        Assert.Null(get.Json!["prune_freq"]); // null stays null on create
    }

    [Fact]
    public async Task Name_and_source_pair_must_be_unique_exactly()
    {
        await using var api = await TestApi.StartAsync();
        await api.CreateConnectorAsync("same", "web", "load_state");
        var duplicate = await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("same", "web", "load_state"));
        Shapes.AssertDetail(duplicate, 400, "Connector by this name already exists, duplicate naming not allowed.");
        Assert.Equal(200, (await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("same", "jira", "poll"))).Status);
        Assert.Equal(200, (await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("Same", "web", "load_state"))).Status);
        Assert.Equal(200, (await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("", "web", "load_state"))).Status);
    }

    [Fact]
    public async Task Get_missing_connector_is_404_detail_only()
    {
        await using var api = await TestApi.StartAsync();
        Shapes.AssertDetail(await api.GetAsync("/manage/connector/12"), 404, "Connector 12 does not exist");
    }

    [Fact]
    public async Task Lists_are_ascending_by_id_and_admin_list_filters_by_credential()
    {
        await using var api = await TestApi.StartAsync();
        var (jira, credential, _) = await api.CreateJiraPairAsync();
        var web = await api.CreateConnectorAsync("site", "web", "load_state");
        var ingestion = await api.CreateConnectorAsync("ingest", "ingestion_api", "load_state");

        var all = (JsonArray)(await api.GetAsync("/manage/connector")).Json!;
        Assert.Equal([jira, web], all.Select(c => c!["id"]!.GetValue<long>()));
        Assert.DoesNotContain(all, c => c!["id"]!.GetValue<long>() == ingestion);

        var admin = (JsonArray)(await api.GetAsync("/manage/admin/connector")).Json!;
        Assert.Equal(2, admin.Count);
        var filtered = (JsonArray)(await api.GetAsync($"/manage/admin/connector?credential={credential}")).Json!;
        Assert.Equal(jira, Assert.Single(filtered)!["id"]!.GetValue<long>());
        Assert.Equal($"[{credential}]", filtered[0]!["credential_ids"]!.ToJsonString());
        Assert.Empty((JsonArray)(await api.GetAsync("/manage/admin/connector?credential=999")).Json!);
    }

    [Fact]
    public async Task Patch_is_a_full_replace_with_the_server_quirks()
    {
        await using var api = await TestApi.StartAsync();
        var create = Bodies.Connector("Eng Jira", "jira", "poll", new JsonObject { ["jira_base_url"] = "https://a", ["project_key"] = "ENG" });
        create["refresh_freq"] = 1800;
        create["prune_freq"] = 100;
        create["indexing_start"] = "2024-01-01T00:00:00";
        var id = (await api.SendAsync("POST", "/manage/admin/connector", create)).Json!["id"]!.GetValue<long>();
        var before = api.Emulator.Inspect.Connector(id)!;

        var patch = Bodies.Connector("Eng Jira 2", "jira", "poll", new JsonObject { ["jira_base_url"] = "https://b" });
        patch["indexing_start"] = "2030-05-05T00:00:00"; // never applied
        var reply = await api.SendAsync("PATCH", $"/manage/admin/connector/{id}", patch);
        Assert.Equal(200, reply.Status);
        Assert.Equal(SnapshotKeys, reply.Keys);
        Assert.Equal("Eng Jira 2", reply.Json!["name"]!.GetValue<string>());
        Assert.Equal("{\"jira_base_url\":\"https://b\"}", reply.Json!["connector_specific_config"]!.ToJsonString()); // no merge
        Assert.Null(reply.Json!["refresh_freq"]); // omitted → null clears it
        Assert.Equal(604800, reply.Json!["prune_freq"]!.GetValue<long>()); // null → 7 days
        Assert.Equal("2024-01-01T00:00:00", reply.Json!["indexing_start"]!.GetValue<string>());
        var after = api.Emulator.Inspect.Connector(id)!;
        Assert.True(after.TimeUpdated > before.TimeUpdated);
        Assert.Equal(before.TimeCreated, after.TimeCreated);
    }

    [Fact]
    public async Task Patch_not_found_is_connector_not_found_and_rename_duplicate_is_message_shape()
    {
        await using var api = await TestApi.StartAsync();
        Shapes.AssertOnyx(await api.SendAsync("PATCH", "/manage/admin/connector/12", Bodies.Connector("x", "web", "load_state")),
            404, "CONNECTOR_NOT_FOUND", "Connector 12 does not exist");

        var a = await api.CreateConnectorAsync("a", "web", "load_state");
        var b = await api.CreateConnectorAsync("b", "web", "load_state");
        Shapes.AssertValueError(await api.SendAsync("PATCH", $"/manage/admin/connector/{b}", Bodies.Connector("a", "web", "load_state")),
            "Connector by this name already exists, duplicate naming not allowed.");

        // The duplicate check runs only when the name changes: moving "a" to a source where "a" exists is not detected.
        await api.CreateConnectorAsync("a", "file", "load_state");
        Assert.Equal(200, (await api.SendAsync("PATCH", $"/manage/admin/connector/{a}", Bodies.Connector("a", "file", "load_state"))).Status);
        // Keeping the same name never trips the check.
        Assert.Equal(200, (await api.SendAsync("PATCH", $"/manage/admin/connector/{b}", Bodies.Connector("b", "web", "poll"))).Status);
    }

    [Fact]
    public async Task Delete_is_idempotent_and_cascades_pairs()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        Shapes.AssertStatus(await api.SendAsync("DELETE", $"/manage/admin/connector/{connector}"), true, "Connector deleted successfully", connector);
        Shapes.AssertStatus(await api.SendAsync("DELETE", $"/manage/admin/connector/{connector}"), true, "Connector was already deleted", connector);
        Assert.Null(api.Emulator.Inspect.CcPair(pair));
        Assert.NotNull(api.Emulator.Inspect.Credential(credential));
    }

    [Fact]
    public async Task Mock_credential_create_pairs_a_new_public_empty_credential()
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.SendAsync("POST", "/manage/admin/connector-with-mock-credential",
            Bodies.Connector("docs", "web", "load_state", new JsonObject { ["base_url"] = "https://docs.example.com", ["extra"] = 1 }, "private"));
        Shapes.AssertStatus(reply, true, "Creating new association between Connector 1 and Credential 1", 2);
        var credential = api.Emulator.Inspect.Credential(1)!;
        Assert.Equal("{}", credential.CredentialJson.ToJsonString());
        Assert.True(credential.AdminPublic);
        Assert.Equal("web", credential.Source);
        Assert.Null(credential.Name);
        var pair = api.Emulator.Inspect.CcPair(2)!;
        Assert.Equal(("docs", "private", "SCHEDULED"), (pair.Name, pair.AccessType, pair.Status));
    }

    [Fact]
    public async Task Mock_credential_validation_failure_keeps_connector_and_credential()
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Connector("j", "jira", "poll", new JsonObject { ["jira_base_url"] = "https://x" });
        Shapes.AssertDetail(await api.SendAsync("POST", "/manage/admin/connector-with-mock-credential", body), 400,
            "Connector validation error: 'jira_api_token'");
        Assert.NotNull(api.Emulator.Inspect.Connector(1));
        Assert.NotNull(api.Emulator.Inspect.Credential(1));
        Assert.Single(api.Emulator.Inspect.CcPairs()); // only DefaultCCPair
        // A retry with the same name now hits the duplicate check.
        Shapes.AssertDetail(await api.SendAsync("POST", "/manage/admin/connector-with-mock-credential", body), 400,
            "Connector by this name already exists, duplicate naming not allowed.");
    }

    [Fact]
    public async Task Disable_vector_db_gives_501_on_connector_routes_only()
    {
        await using var api = await TestApi.StartAsync(new OnyxEmulatorOptions { DisableVectorDb = true });
        Shapes.AssertDetail(await api.GetAsync("/manage/connector/0"), 501, "This feature requires a vector database (DISABLE_VECTOR_DB is set).");
        Shapes.AssertDetail(await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("x", "web", "load_state")), 501,
            "This feature requires a vector database (DISABLE_VECTOR_DB is set).");
        Assert.Equal(200, (await api.GetAsync("/manage/credential")).Status);
    }
}
