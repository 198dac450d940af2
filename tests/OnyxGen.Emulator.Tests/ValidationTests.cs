using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

/// <summary>The 422 triggers of onyx-api.md §7.1 item 6 and the lax binding of item 7.</summary>
public sealed class ValidationTests
{
    private static JsonObject ConnectorWithout(string field)
    {
        var body = Bodies.Connector("n", "web", "load_state");
        body.Remove(field);
        return body;
    }

    [Fact]
    public async Task Connector_create_without_access_type_matches_the_documented_message()
    {
        await using var api = await TestApi.StartAsync();
        var body = new JsonObject
        {
            ["name"] = "x", ["source"] = "web", ["input_type"] = "load_state", ["connector_specific_config"] = new JsonObject(),
        };
        var message = Shapes.AssertValidation(await api.SendAsync("POST", "/manage/admin/connector", body), 1);
        Assert.StartsWith(
            "1 validation error: {'type': 'missing', 'loc': ('body', 'access_type'), 'msg': 'Field required', 'input': {'name': 'x', 'source': 'web', 'input_type': 'load_state', 'connector_specific_config': {}}}  File \"",
            message);
        Assert.EndsWith(", in create_connector_from_model   POST /manage/admin/connector", message);
    }

    [Fact]
    public async Task Connector_patch_without_access_type_is_422()
    {
        await using var api = await TestApi.StartAsync();
        var id = await api.CreateConnectorAsync("c", "web", "load_state");
        var message = Shapes.AssertValidation(await api.SendAsync("PATCH", $"/manage/admin/connector/{id}", ConnectorWithout("access_type")), 1);
        Assert.Contains("'type': 'missing', 'loc': ('body', 'access_type'), 'msg': 'Field required'", message);
        Assert.EndsWith("PATCH /manage/admin/connector/{connector_id}", message);
    }

    [Fact]
    public async Task Credential_create_and_patch_require_admin_public()
    {
        await using var api = await TestApi.StartAsync();
        var body = new JsonObject { ["credential_json"] = new JsonObject(), ["source"] = "web" };
        var create = Shapes.AssertValidation(await api.SendAsync("POST", "/manage/credential", body), 1);
        Assert.Contains("'loc': ('body', 'admin_public'), 'msg': 'Field required'", create);

        var id = await api.CreateCredentialAsync("web", new JsonObject());
        var patch = Shapes.AssertValidation(await api.SendAsync("PATCH", $"/manage/credential/{id}", body.DeepClone()), 1);
        Assert.Contains("'loc': ('body', 'admin_public'), 'msg': 'Field required'", patch);
    }

    [Fact]
    public async Task Associate_requires_name_and_access_type_and_reports_both()
    {
        await using var api = await TestApi.StartAsync();
        var message = Shapes.AssertValidation(await api.SendAsync("PUT", "/manage/connector/1/credential/1", new JsonObject()), 2);
        Assert.Contains("{'type': 'missing', 'loc': ('body', 'name'), 'msg': 'Field required', 'input': {}}", message);
        Assert.Contains("{'type': 'missing', 'loc': ('body', 'access_type'), 'msg': 'Field required', 'input': {}}", message);
        Assert.StartsWith("2 validation errors: ", message);
    }

    [Fact]
    public async Task Uppercase_access_type_is_an_enum_error_everywhere()
    {
        await using var api = await TestApi.StartAsync();
        const string expected = "{'type': 'enum', 'loc': ('body', 'access_type'), 'msg': \"Input should be 'public', 'private' or 'sync'\", 'input': 'PUBLIC', 'ctx': {'expected': \"'public', 'private' or 'sync'\"}}";
        var associate = await api.SendAsync("PUT", "/manage/connector/5/credential/7", new JsonObject { ["name"] = "x", ["access_type"] = "PUBLIC" });
        Assert.Contains(expected, Shapes.AssertValidation(associate, 1));
        var create = await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("x", "web", "load_state", accessType: "PUBLIC"));
        Assert.Contains(expected, Shapes.AssertValidation(create, 1));
    }

    [Fact]
    public async Task Null_groups_and_null_config_are_type_errors()
    {
        await using var api = await TestApi.StartAsync();
        var associate = await api.SendAsync("PUT", "/manage/connector/5/credential/7",
            new JsonObject { ["name"] = "x", ["access_type"] = "public", ["groups"] = null });
        Assert.Contains("{'type': 'list_type', 'loc': ('body', 'groups'), 'msg': 'Input should be a valid list', 'input': None}",
            Shapes.AssertValidation(associate, 1));

        var body = Bodies.Connector("x", "web", "load_state");
        body["connector_specific_config"] = null;
        body["groups"] = null;
        var create = Shapes.AssertValidation(await api.SendAsync("POST", "/manage/admin/connector", body), 2);
        Assert.Contains("{'type': 'dict_type', 'loc': ('body', 'connector_specific_config'), 'msg': 'Input should be a valid dictionary', 'input': None}", create);
        Assert.Contains("'loc': ('body', 'groups'), 'msg': 'Input should be a valid list'", create);

        var credential = await api.SendAsync("POST", "/manage/credential",
            new JsonObject { ["credential_json"] = new JsonObject(), ["admin_public"] = true, ["source"] = "web", ["groups"] = null });
        Assert.Contains("'loc': ('body', 'groups')", Shapes.AssertValidation(credential, 1));
    }

    [Theory]
    [InlineData("PUT", "/manage/connector/1/credential/1")]
    [InlineData("POST", "/manage/admin/connector")]
    [InlineData("POST", "/manage/credential")]
    [InlineData("POST", "/manage/admin/deletion-attempt")]
    [InlineData("POST", "/manage/admin/connector/run-once")]
    public async Task Missing_body_is_a_single_body_missing_error(string method, string path)
    {
        await using var api = await TestApi.StartAsync();
        var message = Shapes.AssertValidation(await api.SendAsync(method, path), 1);
        Assert.StartsWith("1 validation error: {'type': 'missing', 'loc': ('body',), 'msg': 'Field required', 'input': None}", message);
    }

    [Theory]
    [InlineData("GET", "/manage/connector/abc", "connector_id")]
    [InlineData("DELETE", "/manage/admin/connector/1.5", "connector_id")]
    [InlineData("GET", "/manage/credential/x", "credential_id")]
    [InlineData("DELETE", "/manage/credential/force/x", "credential_id")]
    [InlineData("GET", "/manage/admin/cc-pair/one", "cc_pair_id")]
    [InlineData("DELETE", "/manage/connector/a/credential/1", "connector_id")]
    public async Task Non_integer_path_ids_are_int_parsing_errors(string method, string path, string parameter)
    {
        await using var api = await TestApi.StartAsync();
        var message = Shapes.AssertValidation(await api.SendAsync(method, path), 1);
        Assert.Contains($"{{'type': 'int_parsing', 'loc': ('path', '{parameter}'), 'msg': 'Input should be a valid integer, unable to parse string as an integer', 'input': '", message);
    }

    [Fact]
    public async Task Path_and_body_errors_are_reported_together_path_first()
    {
        await using var api = await TestApi.StartAsync();
        var message = Shapes.AssertValidation(await api.SendAsync("PUT", "/manage/connector/x/credential/y", new JsonObject { ["name"] = "n" }), 3);
        var connector = message.IndexOf("('path', 'connector_id')", StringComparison.Ordinal);
        var credential = message.IndexOf("('path', 'credential_id')", StringComparison.Ordinal);
        var access = message.IndexOf("('body', 'access_type')", StringComparison.Ordinal);
        Assert.True(connector >= 0 && connector < credential && credential < access, message);
    }

    [Fact]
    public async Task Non_integer_query_parameter_is_422()
    {
        await using var api = await TestApi.StartAsync();
        var message = Shapes.AssertValidation(await api.GetAsync("/manage/admin/connector?credential=abc"), 1);
        Assert.Contains("'loc': ('query', 'credential')", message);
    }

    [Fact]
    public async Task Lax_binding_coerces_numeric_strings_and_ignores_unknown_properties()
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Connector("lax", "web", "load_state");
        body["refresh_freq"] = "60";
        body["prune_freq"] = 3600.0;
        body["unknown_property"] = "ignored";
        body["groups"] = new JsonArray("1", 2);
        var reply = await api.SendAsync("POST", "/manage/admin/connector", body);
        Assert.Equal(200, reply.Status);
        var connector = api.Emulator.Inspect.Connector(reply.Json!["id"]!.GetValue<long>())!;
        Assert.Equal(60, connector.RefreshFreq);
        Assert.Equal(3600, connector.PruneFreq);
    }

    [Fact]
    public async Task Numbers_are_rejected_where_strings_are_required()
    {
        await using var api = await TestApi.StartAsync();
        var body = Bodies.Connector("x", "web", "load_state");
        body["name"] = 42;
        body["refresh_freq"] = 1.5;
        body["groups"] = new JsonArray("a");
        var message = Shapes.AssertValidation(await api.SendAsync("POST", "/manage/admin/connector", body), 3);
        Assert.Contains("{'type': 'string_type', 'loc': ('body', 'name'), 'msg': 'Input should be a valid string', 'input': 42}", message);
        Assert.Contains("{'type': 'int_from_float', 'loc': ('body', 'refresh_freq'), 'msg': 'Input should be a valid integer, got a number with a fractional part', 'input': 1.5}", message);
        Assert.Contains("{'type': 'int_parsing', 'loc': ('body', 'groups', 0)", message);
    }

    [Fact]
    public async Task Unknown_source_lists_every_document_source()
    {
        await using var api = await TestApi.StartAsync();
        var message = Shapes.AssertValidation(await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("x", "federated_slack", "poll")), 1);
        Assert.Contains("'msg': \"Input should be 'ingestion_api', 'slack', 'web',", message);
        Assert.Contains("'user_file' or 'craft_file'\", 'input': 'federated_slack'", message);
    }

    [Fact]
    public async Task Non_object_body_is_a_model_attributes_error()
    {
        await using var api = await TestApi.StartAsync();
        var message = Shapes.AssertValidation(await api.SendAsync("POST", "/manage/credential", "[1, true, null]"), 1);
        Assert.Contains("{'type': 'model_attributes_type', 'loc': ('body',), 'msg': 'Input should be a valid dictionary or object to extract fields from', 'input': [1, True, None]}", message);
    }

    [Fact]
    public async Task Invalid_similar_credentials_source_is_422()
    {
        await using var api = await TestApi.StartAsync();
        var message = Shapes.AssertValidation(await api.GetAsync("/manage/admin/similar-credentials/JIRA"), 1);
        Assert.Contains("{'type': 'enum', 'loc': ('path', 'source_type')", message);
    }

    [Fact]
    public async Task Bad_cc_pair_status_enum_is_422_and_valid_non_settable_status_is_400()
    {
        await using var api = await TestApi.StartAsync();
        var bad = await api.SendAsync("PUT", "/manage/admin/cc-pair/1/status", new JsonObject { ["status"] = "active" });
        Assert.Contains("'type': 'enum', 'loc': ('body', 'status')", Shapes.AssertValidation(bad, 1));
        var notSettable = await api.SendAsync("PUT", "/manage/admin/cc-pair/1/status", new JsonObject { ["status"] = "DELETING" });
        Shapes.AssertOnyx(notSettable, 400, "INVALID_INPUT", "Connector status can only be set to ACTIVE or PAUSED.");
    }
}
