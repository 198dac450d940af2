using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

/// <summary>cc-pair info, status, property, name, run-once, deletion attempt and connector status.</summary>
public sealed class CcPairTests
{
    private static readonly string[] FullInfoKeys =
    [
        "id", "name", "status", "in_repeated_error_state", "num_docs_indexed", "connector", "credential",
        "number_of_index_attempts", "last_index_attempt_status", "latest_deletion_attempt", "access_type",
        "is_editable_for_current_user", "permissions", "deletion_failure_message", "indexing", "creator", "creator_email",
        "last_indexed", "last_pruned", "last_full_permission_sync", "overall_indexing_speed", "latest_checkpoint_description",
        "last_permission_sync_attempt_status", "permission_syncing", "last_permission_sync_attempt_finished",
        "last_permission_sync_attempt_error_message", "supports_targeted_reindex",
    ];

    [Fact]
    public async Task Info_returns_every_field_with_idle_values()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        var other = await api.CreateCredentialAsync("jira", new JsonObject { ["jira_api_token"] = "second-token-value" });
        await api.AssociateAsync(connector, other);

        var reply = await api.GetAsync($"/manage/admin/cc-pair/{pair}");
        Assert.Equal(200, reply.Status);
        Assert.Equal(FullInfoKeys, reply.Keys);
        var info = reply.Json!;
        Assert.Equal(("Eng Jira", "SCHEDULED", "public"), (info["name"]!.GetValue<string>(), info["status"]!.GetValue<string>(), info["access_type"]!.GetValue<string>()));
        Assert.Equal(0, info["num_docs_indexed"]!.GetValue<long>());
        Assert.Equal(0, info["number_of_index_attempts"]!.GetValue<long>());
        Assert.False(info["indexing"]!.GetValue<bool>());
        Assert.False(info["in_repeated_error_state"]!.GetValue<bool>());
        Assert.Null(info["last_index_attempt_status"]);
        Assert.Null(info["latest_deletion_attempt"]);
        Assert.Null(info["latest_checkpoint_description"]);
        Assert.True(info["is_editable_for_current_user"]!.GetValue<bool>());
        Assert.Equal("{\"edit\":true,\"delete\":true,\"publish\":true}", info["permissions"]!.ToJsonString());
        // Inside CCPairFullInfo the connector lists only this pair's credential.
        Assert.Equal($"[{credential}]", info["connector"]!["credential_ids"]!.ToJsonString());
        Assert.Equal("ATAT...Q9zX", info["credential"]!["credential_json"]!["jira_api_token"]!.GetValue<string>());
        Assert.Equal(info["credential"]!["user_id"]!.GetValue<string>(), info["creator"]!.GetValue<string>());

        var read = api.Emulator.CreateApiKey(EmulatorKeyRole.Read, "reader");
        var asReader = await api.GetAsync($"/manage/admin/cc-pair/{pair}", read);
        Assert.False(asReader.Json!["is_editable_for_current_user"]!.GetValue<bool>());
        Assert.Equal("{\"edit\":false,\"delete\":false,\"publish\":false}", asReader.Json!["permissions"]!.ToJsonString());
    }

    [Fact]
    public async Task Info_not_found_is_404_not_found()
    {
        await using var api = await TestApi.StartAsync();
        Shapes.AssertOnyx(await api.GetAsync("/manage/admin/cc-pair/99"), 404, "NOT_FOUND", "CC Pair not found for current user permissions");
    }

    [Fact]
    public async Task State_hook_moves_status_and_document_count()
    {
        await using var api = await TestApi.StartAsync();
        var (_, _, pair) = await api.CreateJiraPairAsync();
        Assert.True(api.Emulator.SetCcPairState(pair, "ACTIVE", 42));
        Assert.False(api.Emulator.SetCcPairState(999, "ACTIVE"));
        Assert.Throws<ArgumentException>(() => api.Emulator.SetCcPairState(pair, "active"));
        var info = (await api.GetAsync($"/manage/admin/cc-pair/{pair}")).Json!;
        Assert.Equal("ACTIVE", info["status"]!.GetValue<string>());
        Assert.Equal(42, info["num_docs_indexed"]!.GetValue<long>());
        Assert.True(info["overall_indexing_speed"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Status_pause_resume_and_errors()
    {
        await using var api = await TestApi.StartAsync();
        var (_, _, pair) = await api.CreateJiraPairAsync();
        var pause = await api.SendAsync("PUT", $"/manage/admin/cc-pair/{pair}/status", new JsonObject { ["status"] = "PAUSED" });
        Assert.Equal(200, pause.Status);
        Assert.Equal("{\"message\":\"200\"}", pause.Body);
        Assert.Equal("PAUSED", api.Emulator.Inspect.CcPair(pair)!.Status);
        await api.SendAsync("PUT", $"/manage/admin/cc-pair/{pair}/status", new JsonObject { ["status"] = "ACTIVE" });
        Assert.Equal("ACTIVE", api.Emulator.Inspect.CcPair(pair)!.Status);

        // Not found is checked before the status value, and is a 403.
        Shapes.AssertOnyx(await api.SendAsync("PUT", "/manage/admin/cc-pair/99/status", new JsonObject { ["status"] = "SCHEDULED" }),
            403, "INSUFFICIENT_PERMISSIONS", "Connection not found for current user's permissions");
        Shapes.AssertOnyx(await api.SendAsync("PUT", $"/manage/admin/cc-pair/{pair}/status", new JsonObject { ["status"] = "SCHEDULED" }),
            400, "INVALID_INPUT", "Connector status can only be set to ACTIVE or PAUSED.");
    }

    [Fact]
    public async Task Property_enforces_minimums_and_parses_like_python()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, _, pair) = await api.CreateJiraPairAsync();
        string Path() => $"/manage/admin/cc-pair/{pair}/property";
        JsonObject Prop(string name, string value) => new() { ["name"] = name, ["value"] = value };

        Shapes.AssertStatus(await api.SendAsync("PUT", Path(), Prop("refresh_frequency", "60")), true, "Refresh frequency updated successfully", pair);
        Shapes.AssertStatus(await api.SendAsync("PUT", Path(), Prop("pruning_frequency", "300")), true, "Pruning frequency updated successfully", pair);
        var stored = api.Emulator.Inspect.Connector(connector)!;
        Assert.Equal((60L, 300L), (stored.RefreshFreq, stored.PruneFreq));

        Shapes.AssertValueError(await api.SendAsync("PUT", Path(), Prop("refresh_frequency", "59")), "refresh_freq must be greater than or equal to 1 minute.");
        Shapes.AssertValueError(await api.SendAsync("PUT", Path(), Prop("pruning_frequency", "299")), "prune_freq must be greater than or equal to 5 minutes.");
        Shapes.AssertValueError(await api.SendAsync("PUT", Path(), Prop("refresh_frequency", "soon")), "invalid literal for int() with base 10: 'soon'");
        Shapes.AssertOnyx(await api.SendAsync("PUT", Path(), Prop("color", "1")), 400, "INVALID_INPUT", "Property name color is not valid.");
        Assert.Equal((60L, 300L), (api.Emulator.Inspect.Connector(connector)!.RefreshFreq, api.Emulator.Inspect.Connector(connector)!.PruneFreq));

        // Numbers are not strings here either.
        var numeric = await api.SendAsync("PUT", Path(), new JsonObject { ["name"] = "refresh_frequency", ["value"] = 60 });
        Assert.Contains("'loc': ('body', 'value')", Shapes.AssertValidation(numeric, 1));
        Assert.Equal(403, (await api.SendAsync("PUT", "/manage/admin/cc-pair/99/property", Prop("refresh_frequency", "60"))).Status);
    }

    [Fact]
    public async Task Frequency_minimums_do_not_apply_on_connector_create()
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Connector("fast", "web", "load_state");
        body["refresh_freq"] = 1;
        body["prune_freq"] = 1;
        Assert.Equal(200, (await api.SendAsync("POST", "/manage/admin/connector", body)).Status);
    }

    [Fact]
    public async Task Name_update_uses_the_query_parameter()
    {
        await using var api = await TestApi.StartAsync();
        var (_, _, pair) = await api.CreateJiraPairAsync();
        Shapes.AssertStatus(await api.SendAsync("PUT", $"/manage/admin/cc-pair/{pair}/name?new_name=Renamed%20pair"), true, "Name updated successfully", pair);
        Assert.Equal("Renamed pair", api.Emulator.Inspect.CcPair(pair)!.Name);
        var missing = Shapes.AssertValidation(await api.SendAsync("PUT", $"/manage/admin/cc-pair/{pair}/name"), 1);
        Assert.Contains("{'type': 'missing', 'loc': ('query', 'new_name'), 'msg': 'Field required', 'input': None}", missing);
    }

    [Fact]
    public async Task Run_once_checks_in_order_and_marks_pairs()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        JsonObject Run(long connectorId, JsonNode? credentialIds = null, bool fromBeginning = false) =>
            new() { ["connector_id"] = connectorId, ["credential_ids"] = credentialIds, ["from_beginning"] = fromBeginning };

        Shapes.AssertDetail(await api.SendAsync("POST", "/manage/admin/connector/run-once", Run(99)), 404, "Connector by id 99 does not exist.");
        Shapes.AssertDetail(await api.SendAsync("POST", "/manage/admin/connector/run-once", Run(connector, new JsonArray(555))), 400,
            "Not all specified credentials are associated with connector");
        var lonely = await api.CreateConnectorAsync("lonely", "web", "load_state");
        Shapes.AssertDetail(await api.SendAsync("POST", "/manage/admin/connector/run-once", Run(lonely)), 400,
            "Connector has no valid credentials, cannot create index attempts.");

        Shapes.AssertStatus(await api.SendAsync("POST", "/manage/admin/connector/run-once", Run(connector)), true, "Marked 1 index attempts with indexing triggers.", 1);
        Assert.Equal(("update", 1), (api.Emulator.Inspect.CcPair(pair)!.IndexingTrigger, api.Emulator.Inspect.CcPair(pair)!.RunOnceCount));

        var second = await api.CreateCredentialAsync("jira", new JsonObject { ["jira_api_token"] = "another-token-1" });
        await api.AssociateAsync(connector, second);
        // [] means all; camelCase credentialIds is ignored; "1" is a lax int.
        Shapes.AssertStatus(await api.SendAsync("POST", "/manage/admin/connector/run-once", Run(connector, new JsonArray(), true)), true, "Marked 2 index attempts with indexing triggers.", 2);
        Assert.Equal("reindex", api.Emulator.Inspect.CcPair(pair)!.IndexingTrigger);
        var subset = new JsonObject { ["connector_id"] = connector.ToString(), ["credential_ids"] = new JsonArray(credential), ["credentialIds"] = new JsonArray(1, 2) };
        Shapes.AssertStatus(await api.SendAsync("POST", "/manage/admin/connector/run-once", subset), true, "Marked 1 index attempts with indexing triggers.", 1);
    }

    [Fact]
    public async Task Deletion_attempt_removes_pair_and_orphaned_connector_but_keeps_credential()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        var body = new JsonObject { ["connector_id"] = connector, ["credential_id"] = credential };
        var reply = await api.SendAsync("POST", "/manage/admin/deletion-attempt", body);
        Assert.Equal(200, reply.Status);
        Assert.Equal("null", reply.Body);
        Assert.Null(api.Emulator.Inspect.CcPair(pair));
        Assert.Null(api.Emulator.Inspect.Connector(connector));
        Assert.NotNull(api.Emulator.Inspect.Credential(credential));

        Shapes.AssertOnyx(await api.SendAsync("POST", "/manage/admin/deletion-attempt", body), 404, "CONNECTOR_NOT_FOUND",
            $"Connector with ID '{connector}' and credential ID '{credential}' does not exist. Has it already been deleted?");
    }

    [Fact]
    public async Task Deletion_attempt_keeps_a_connector_that_still_has_pairs()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, _) = await api.CreateJiraPairAsync();
        var second = await api.CreateCredentialAsync("jira", new JsonObject { ["jira_api_token"] = "another-token-1" });
        await api.AssociateAsync(connector, second);
        await api.SendAsync("POST", "/manage/admin/deletion-attempt", new JsonObject { ["connector_id"] = connector, ["credential_id"] = credential });
        Assert.Equal([second], api.Emulator.Inspect.Connector(connector)!.CredentialIds);
    }

    [Fact]
    public async Task Deferred_deletion_shows_deleting_until_completed()
    {
        await using var api = await TestApi.StartAsync(new OnyxEmulatorOptions { DeferDeletions = true });
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        var body = new JsonObject { ["connector_id"] = connector, ["credential_id"] = credential };
        Assert.Equal("null", (await api.SendAsync("POST", "/manage/admin/deletion-attempt", body)).Body);
        Assert.Equal("null", (await api.SendAsync("POST", "/manage/admin/deletion-attempt", body)).Body); // again while it exists
        var info = (await api.GetAsync($"/manage/admin/cc-pair/{pair}")).Json!;
        Assert.Equal("DELETING", info["status"]!.GetValue<string>());
        Assert.Equal("PENDING", info["latest_deletion_attempt"]!["status"]!.GetValue<string>());
        Assert.Equal(1, api.Emulator.CompletePendingDeletions());
        Assert.Null(api.Emulator.Inspect.CcPair(pair));
        Assert.Null(api.Emulator.Inspect.Connector(connector));
    }

    [Fact]
    public async Task Deletion_of_a_shared_pair_is_restricted_to_admins()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, _) = await api.CreateJiraPairAsync(); // created by the admin key
        var manager = api.Emulator.CreateApiKey(EmulatorKeyRole.Manage, "manager");
        Shapes.AssertOnyx(await api.SendAsync("POST", "/manage/admin/deletion-attempt", new JsonObject { ["connector_id"] = connector, ["credential_id"] = credential }, manager),
            403, "INSUFFICIENT_PERMISSIONS", "Deleting a shared connector is restricted to administrators.");
        // A manager may delete a group-less pair it created itself.
        var own = await api.CreateConnectorAsync("own", "mock_connector", "poll", key: manager);
        await api.AssociateAsync(own, 0, key: manager);
        Assert.Equal(200, (await api.SendAsync("POST", "/manage/admin/deletion-attempt", new JsonObject { ["connector_id"] = own, ["credential_id"] = 0 }, manager)).Status);
    }

    [Fact]
    public async Task Connector_status_lists_pairs_without_the_default_pair()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        var rows = (JsonArray)(await api.GetAsync("/manage/admin/connector/status")).Json!;
        var row = Assert.Single(rows)!;
        Assert.Equal(["cc_pair_id", "name", "connector", "credential", "access_type", "groups"], ((JsonObject)row).Select(p => p.Key));
        Assert.Equal(pair, row["cc_pair_id"]!.GetValue<long>());
        Assert.Equal(connector, row["connector"]!["id"]!.GetValue<long>());
        Assert.Equal(credential, row["credential"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Basic_key_dissociate_is_success_false_because_it_cannot_edit()
    {
        await using var api = await TestApi.StartAsync();
        var basic = api.Emulator.CreateApiKey(EmulatorKeyRole.Basic);
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        // The basic key does not see the admin's credential at all.
        Shapes.AssertDetail(await api.SendAsync("DELETE", $"/manage/connector/{connector}/credential/{credential}", key: basic), 404,
            "Credential does not exist or does not belong to user");
        Assert.NotNull(api.Emulator.Inspect.CcPair(pair));
    }
}
