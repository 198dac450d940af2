using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

/// <summary>Associate (§5.13) and the validation stand-in (§6, §7.3).</summary>
public sealed class AssociationTests : IDisposable
{
    private readonly string _schemaDir = Directory.CreateTempSubdirectory("onyx-emulator-schemas-").FullName;

    public void Dispose() => Directory.Delete(_schemaDir, recursive: true);

    /// <summary>A test-owned schema for <c>testrail</c>, so these tests do not depend on the shared catalog's content.</summary>
    private OnyxEmulatorOptions WithTestSchema()
    {
        File.WriteAllText(Path.Combine(_schemaDir, "testrail.schema.json"), """
            {
              "x-onyx-source": "testrail",
              "x-onyx-class": "TestRailConnector",
              "x-onyx-input-types": ["poll"],
              "properties": { "base_url": {}, "project_id": {}, "suite_id": {}, "optional": {} },
              "required": ["base_url", "project_id", "suite_id"],
              "additionalProperties": false,
              "x-onyx-credential": {
                "properties": { "user": {}, "api_key": {}, "token": {}, "region": {} },
                "required": ["region"],
                "oneOf": [ { "title": "key", "required": ["user", "api_key"] }, { "title": "token", "required": ["token"] } ]
              }
            }
            """);
        return new OnyxEmulatorOptions { ExtraSchemaDirectory = _schemaDir };
    }

    private static JsonObject TestRailConfig(params string[] without)
    {
        var config = new JsonObject { ["base_url"] = "https://t", ["project_id"] = 1, ["suite_id"] = 2 };
        foreach (var key in without) config.Remove(key);
        return config;
    }

    private static async Task<Reply> Validate(TestApi api, string source, string inputType, JsonObject config, JsonObject credentialJson)
    {
        var connector = await api.CreateConnectorAsync("c-" + Guid.NewGuid(), source, inputType, config);
        var credential = await api.CreateCredentialAsync(source, credentialJson);
        return await api.AssociateAsync(connector, credential);
    }

    private static void AssertInvalid(Reply reply, string inner) =>
        Shapes.AssertOnyx(reply, 400, "INVALID_INPUT", "Connector validation error: " + inner);

    [Fact]
    public async Task New_pair_then_already_associated_success_false()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        Assert.Equal(2, pair);
        var stored = api.Emulator.Inspect.CcPair(pair)!;
        Assert.Equal(("SCHEDULED", "public", "REGULAR"), (stored.Status, stored.AccessType, stored.ProcessingMode));
        Shapes.AssertStatus(await api.AssociateAsync(connector, credential), false, $"Connector {connector} already has Credential {credential}", connector);
        Assert.Equal(2, api.Emulator.Inspect.CcPairs().Count);
        Assert.Equal($"[{credential}]", (await api.GetAsync($"/manage/connector/{connector}")).Json!["credential_ids"]!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_config_key_is_reported_before_missing_ones()
    {
        await using var api = await TestApi.StartAsync(WithTestSchema());
        var config = TestRailConfig("suite_id");
        config["zzz"] = 1;
        config["yyy"] = 2;
        AssertInvalid(await Validate(api, "testrail", "poll", config, new JsonObject { ["region"] = "eu", ["token"] = "t" }),
            "TestRailConnector.__init__() got an unexpected keyword argument 'zzz'");
    }

    [Fact]
    public async Task Missing_required_keys_use_pythons_wording()
    {
        await using var api = await TestApi.StartAsync(WithTestSchema());
        var credential = new JsonObject { ["region"] = "eu", ["token"] = "t" };
        AssertInvalid(await Validate(api, "testrail", "poll", TestRailConfig("project_id"), credential.DeepClone().AsObject()),
            "TestRailConnector.__init__() missing 1 required positional argument: 'project_id'");
        AssertInvalid(await Validate(api, "testrail", "poll", TestRailConfig("suite_id", "base_url"), credential.DeepClone().AsObject()),
            "TestRailConnector.__init__() missing 2 required positional arguments: 'base_url' and 'suite_id'");
        AssertInvalid(await Validate(api, "testrail", "poll", TestRailConfig("suite_id", "base_url", "project_id"), credential.DeepClone().AsObject()),
            "TestRailConnector.__init__() missing 3 required positional arguments: 'base_url', 'project_id', and 'suite_id'");
    }

    [Fact]
    public async Task Jira_worked_example_messages()
    {
        await using var api = await TestApi.StartAsync();
        var token = new JsonObject { ["jira_api_token"] = "ATATT3xFfGF0T4bQ9zX" };
        AssertInvalid(await Validate(api, "jira", "poll", new JsonObject { ["jira_base_url"] = "https://x", ["foo"] = 1 }, token.DeepClone().AsObject()),
            "JiraConnector.__init__() got an unexpected keyword argument 'foo'");
        AssertInvalid(await Validate(api, "jira", "poll", new JsonObject { ["project_key"] = "ENG" }, token.DeepClone().AsObject()),
            "JiraConnector.__init__() missing 1 required positional argument: 'jira_base_url'");
        AssertInvalid(await Validate(api, "jira", "poll", new JsonObject { ["jira_base_url"] = "https://x" }, new JsonObject { ["jira_user_email"] = "a@b.c" }),
            "'jira_api_token'");
        AssertInvalid(await Validate(api, "jira", "poll", new JsonObject { ["jira_base_url"] = "https://x" }, new JsonObject { ["jira_api_token"] = "  " }),
            "'jira_api_token'");
    }

    [Fact]
    public async Task Bad_input_type_is_reported_with_python_enum_members_and_slim_retrieval_is_never_checked()
    {
        await using var api = await TestApi.StartAsync();
        var config = new JsonObject { ["jira_base_url"] = "https://x" };
        var token = new JsonObject { ["jira_api_token"] = "ATATT3xFfGF0T4bQ9zX" };
        AssertInvalid(await Validate(api, "jira", "load_state", config.DeepClone().AsObject(), token.DeepClone().AsObject()),
            "Connector for source=DocumentSource.JIRA does not accept input_type=InputType.LOAD_STATE");
        AssertInvalid(await Validate(api, "jira", "event", config.DeepClone().AsObject(), token.DeepClone().AsObject()),
            "Connector for source=DocumentSource.JIRA does not accept input_type=InputType.EVENT");
        Assert.True((await Validate(api, "jira", "slim_retrieval", config.DeepClone().AsObject(), token.DeepClone().AsObject())).Json!["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Credential_one_of_groups_need_one_full_alternative()
    {
        await using var api = await TestApi.StartAsync(WithTestSchema());
        AssertInvalid(await Validate(api, "testrail", "poll", TestRailConfig(), new JsonObject { ["token"] = "t" }), "'region'");
        AssertInvalid(await Validate(api, "testrail", "poll", TestRailConfig(), new JsonObject { ["region"] = "eu", ["user"] = "u" }), "'api_key'");
        Assert.Equal(200, (await Validate(api, "testrail", "poll", TestRailConfig(), new JsonObject { ["region"] = "eu", ["user"] = "u", ["api_key"] = "k" })).Status);
        Assert.Equal(200, (await Validate(api, "testrail", "poll", TestRailConfig(), new JsonObject { ["region"] = "eu", ["token"] = "t" })).Status);
    }

    [Fact]
    public async Task Sources_without_a_class_fail_and_skip_sources_pass()
    {
        await using var api = await TestApi.StartAsync();
        AssertInvalid(await Validate(api, "user_file", "load_state", new JsonObject(), new JsonObject()),
            "Connector not found for source=DocumentSource.USER_FILE");
        AssertInvalid(await Validate(api, "not_applicable", "poll", new JsonObject(), new JsonObject()),
            "Connector not found for source=DocumentSource.NOT_APPLICABLE");
        var mock = await Validate(api, "mock_connector", "event", new JsonObject { ["anything"] = 1 }, new JsonObject());
        Assert.True(mock.Json!["success"]!.GetValue<bool>());
        var ingestion = await Validate(api, "ingestion_api", "poll", new JsonObject { ["x"] = 1 }, new JsonObject());
        Assert.True(ingestion.Json!["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Web_ignores_extra_keys_and_drupal_wiki_always_rejects_them()
    {
        await using var api = await TestApi.StartAsync();
        var web = await Validate(api, "web", "load_state", new JsonObject { ["base_url"] = "https://x", ["not_a_param"] = true }, new JsonObject());
        Assert.True(web.Json!["success"]!.GetValue<bool>(), web.Body);
        AssertInvalid(await Validate(api, "drupal_wiki", "poll", new JsonObject { ["base_url"] = "https://x", ["not_a_param"] = 1 }, new JsonObject()),
            "DrupalWikiConnector.__init__() got an unexpected keyword argument 'not_a_param'");
    }

    [Fact]
    public async Task Credential_0_fits_sources_that_need_no_secrets_only()
    {
        await using var api = await TestApi.StartAsync();
        var web = await api.CreateConnectorAsync("site", "web", "load_state", new JsonObject { ["base_url"] = "https://x" });
        Shapes.AssertStatus(await api.AssociateAsync(web, 0), true, $"Creating new association between Connector {web} and Credential 0", 2);
        var jira = await api.CreateConnectorAsync("j", "jira", "poll", new JsonObject { ["jira_base_url"] = "https://x" });
        AssertInvalid(await api.AssociateAsync(jira, 0), "'jira_api_token'");
    }

    [Fact]
    public async Task Missing_or_invisible_connector_and_credential_are_500_unexpected_error()
    {
        await using var api = await TestApi.StartAsync();
        var web = await api.CreateConnectorAsync("site", "web", "load_state", new JsonObject { ["base_url"] = "https://x" });
        var credential = await api.CreateCredentialAsync("web", new JsonObject());
        Shapes.AssertOnyx(await api.AssociateAsync(999, credential), 500, "INTERNAL_ERROR", "Unexpected error");
        Shapes.AssertOnyx(await api.AssociateAsync(web, 999), 500, "INTERNAL_ERROR", "Unexpected error");

        var other = api.Emulator.CreateApiKey(EmulatorKeyRole.Manage, "other");
        var hidden = await api.CreateCredentialAsync("web", new JsonObject(), adminPublic: false, key: other);
        var jiraHidden = await api.CreateCredentialAsync("jira", new JsonObject(), adminPublic: false, key: other);
        var manager = api.Emulator.CreateApiKey(EmulatorKeyRole.Manage, "manager");
        // web credentials are visible to every manager; a private jira one is not.
        Assert.Equal(200, (await api.AssociateAsync(web, hidden, key: manager)).Status);
        var mock = await api.CreateConnectorAsync("m", "mock_connector", "poll");
        Shapes.AssertOnyx(await api.AssociateAsync(mock, jiraHidden, key: manager), 500, "INTERNAL_ERROR", "Unexpected error");
    }

    [Fact]
    public async Task Integration_tests_mode_skips_validation_but_not_existence()
    {
        await using var api = await TestApi.StartAsync(new OnyxEmulatorOptions { IntegrationTestsMode = true });
        var connector = await api.CreateConnectorAsync("j", "jira", "load_state", new JsonObject { ["bogus"] = 1 });
        var credential = await api.CreateCredentialAsync("jira", new JsonObject());
        Assert.True((await api.AssociateAsync(connector, credential)).Json!["success"]!.GetValue<bool>());
        Shapes.AssertOnyx(await api.AssociateAsync(999, credential), 500, "INTERNAL_ERROR", "Unexpected error");
    }

    [Fact]
    public async Task External_service_rejection_hook_is_deterministic_and_configurable()
    {
        await using (var api = await TestApi.StartAsync())
        {
            var config = new JsonObject { ["jira_base_url"] = "https://x" };
            AssertInvalid(await Validate(api, "jira", "poll", config.DeepClone().AsObject(), new JsonObject { ["jira_api_token"] = "emulator-invalid-credential" }), "Credential is invalid");
            AssertInvalid(await Validate(api, "jira", "poll", config.DeepClone().AsObject(), new JsonObject { ["jira_api_token"] = "emulator-expired-credential" }), "Credential has expired");
            AssertInvalid(await Validate(api, "jira", "poll", config.DeepClone().AsObject(), new JsonObject { ["jira_api_token"] = "emulator-insufficient-permissions" }),
                "Insufficient permissions for the requested operation");
        }
        var options = new OnyxEmulatorOptions { ExternalRejections = new Dictionary<string, string> { ["https://down.example.com"] = "Connection refused" } };
        await using (var api = await TestApi.StartAsync(options))
        {
            AssertInvalid(await Validate(api, "web", "load_state", new JsonObject { ["base_url"] = "https://down.example.com" }, new JsonObject()), "Connection refused");
            // Sources without a catalog file still reach the hook.
            Assert.Equal(200, (await Validate(api, "web", "load_state", new JsonObject { ["base_url"] = "https://up.example.com" }, new JsonObject())).Status);
        }
    }

    [Fact]
    public async Task Extra_schema_directory_overrides_the_embedded_catalog()
    {
        File.WriteAllText(Path.Combine(_schemaDir, "jira.schema.json"), """{"x-onyx-input-types": ["load_state"], "properties": {}, "additionalProperties": false}""");
        File.WriteAllText(Path.Combine(_schemaDir, "broken.schema.json"), "{ not json");
        await using var api = await TestApi.StartAsync(new OnyxEmulatorOptions { ExtraSchemaDirectory = _schemaDir });
        Assert.Contains(api.Emulator.SchemaLoadErrors, e => e.Contains("broken.schema.json"));
        // The file-name fallback gives the source, and PascalCase + Connector gives the class.
        AssertInvalid(await Validate(api, "jira", "load_state", new JsonObject { ["jira_base_url"] = "x" }, new JsonObject()),
            "JiraConnector.__init__() got an unexpected keyword argument 'jira_base_url'");
        Assert.Equal(200, (await Validate(api, "jira", "load_state", new JsonObject(), new JsonObject())).Status);
    }

    [Fact]
    public async Task Embedded_catalog_is_loaded()
    {
        await using var api = await TestApi.StartAsync();
        Assert.Contains("jira", api.Emulator.SchemaSources);
        Assert.Empty(api.Emulator.SchemaLoadErrors);
    }

    [Fact]
    public async Task Dissociate_checks_and_messages()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        Shapes.AssertDetail(await api.SendAsync("DELETE", $"/manage/connector/999/credential/{credential}"), 404, "Connector does not exist");
        Shapes.AssertDetail(await api.SendAsync("DELETE", $"/manage/connector/{connector}/credential/999"), 404, "Credential does not exist or does not belong to user");
        Shapes.AssertStatus(await api.SendAsync("DELETE", $"/manage/connector/{connector}/credential/{credential}"), true, $"Credential {credential} removed from Connector", connector);
        Assert.Null(api.Emulator.Inspect.CcPair(pair));
        Assert.NotNull(api.Emulator.Inspect.Connector(connector));
        Assert.NotNull(api.Emulator.Inspect.Credential(credential));
        Shapes.AssertStatus(await api.SendAsync("DELETE", $"/manage/connector/{connector}/credential/{credential}"), false, $"Connector already does not have Credential {credential}", connector);
    }

    [Fact]
    public async Task Optional_associate_fields_are_validated_and_stored()
    {
        await using var api = await TestApi.StartAsync();
        var connector = await api.CreateConnectorAsync("m", "mock_connector", "poll");
        var bad = await api.SendAsync("PUT", $"/manage/connector/{connector}/credential/0",
            new JsonObject { ["name"] = "n", ["access_type"] = "sync", ["processing_mode"] = "regular" });
        Assert.Contains("'type': 'enum', 'loc': ('body', 'processing_mode')", Shapes.AssertValidation(bad, 1));
        var ok = await api.SendAsync("PUT", $"/manage/connector/{connector}/credential/0",
            new JsonObject { ["name"] = "n", ["access_type"] = "sync", ["processing_mode"] = "RAW_BINARY", ["groups"] = new JsonArray(4), ["auto_sync_options"] = new JsonObject { ["a"] = 1 } });
        var pair = api.Emulator.Inspect.CcPair(ok.Json!["data"]!.GetValue<long>())!;
        Assert.Equal(("sync", "RAW_BINARY", 4L), (pair.AccessType, pair.ProcessingMode, pair.Groups.Single()));
    }
}
