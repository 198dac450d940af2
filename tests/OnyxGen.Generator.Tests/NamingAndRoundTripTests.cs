using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace OnyxGen.Generator.Tests;

/// <summary>
/// The traps other JSON-Schema-to-C# generators fall into, each with a test: names, enum wire values, const, unions,
/// nullability, and names that shadow namespaces, keywords or the class itself. Generated code is compiled and run.
/// </summary>
public sealed class NamingAndRoundTripTests
{
    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Keywords = new(() =>
    {
        string path = Path.Combine(GeneratorHarness.TestSchemaDirectory, "keywords.schema.json");
        GeneratorRun run = GeneratorHarness.Run(new[] { (path, File.ReadAllText(path)) });
        return (run, run.Load());
    });

    private static Type Config => Keywords.Value.Assembly.GetType("OnyxGen.Connectors.MockConnectorConnectorConfig", throwOnError: true)!;

    private static object FromJson(Type type, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        try
        {
            return type.GetMethod("FromJson")!.Invoke(null, new object[] { document.RootElement })!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private static IReadOnlyList<OnyxValidationError> ValidateJson(Type type, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return (IReadOnlyList<OnyxValidationError>)type.GetMethod("ValidateJson")!.Invoke(null, new object[] { document.RootElement })!;
    }

    private static string Write(object value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.GetType().GetMethod("WriteJson")!.Invoke(value, new object[] { writer });
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("base_url", "BaseUrl")]
    [InlineData("owner_email", "OwnerEmail")]
    [InlineData("nullable_note", "NullableNote")]
    [InlineData("System", "System")]
    [InlineData("class", "ClassName")] // x-onyx-name
    public void Json_names_become_PascalCase_properties_and_keep_their_wire_name(string jsonName, string propertyName)
    {
        PropertyInfo property = Config.GetProperty(propertyName)!;
        Assert.NotNull(property);
        Assert.Equal(jsonName, property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()!.Name);
    }

    [Theory]
    [InlineData("jira_base_url", "JiraBaseUrl")]
    [InlineData("kebab-case-name", "KebabCaseName")]
    [InlineData("camelCaseName", "CamelCaseName")]
    [InlineData("with spaces here", "WithSpacesHere")]
    [InlineData("9lives", "P9lives")]
    [InlineData("", "P")]
    public void Naming_from_every_json_style(string jsonName, string expected)
    {
        string schema = "{\"type\":\"object\",\"properties\":{" + JsonSerializer.Serialize(jsonName) + ":{\"type\":\"string\"}}}";
        GeneratorRun run = GeneratorHarness.Run(new[] { ("/s/web.schema.json", schema) });

        Assert.Empty(run.CompilationErrors);
        Assert.Contains($"public string? {expected} {{ get; set; }}", run.Generated("WebConnectorConfig.g.cs"));
    }

    [Fact]
    public void Keywords_and_names_that_shadow_types_compile()
    {
        const string Schema = """
            {"type":"object","properties":{
              "System":{"type":"string"},"Task":{"type":"string"},"class":{"type":"string"},"namespace":{"type":"integer"},
              "WebConnectorConfig":{"type":"string"},"Descriptor":{"type":"string"},"Validate":{"type":"boolean"},
              "string":{"type":"string"},"a_b":{"type":"string"},"aB":{"type":"string"},"A-B":{"type":"string"}}}
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { ("/s/web.schema.json", Schema) });

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationErrors);
        string code = run.Generated("WebConnectorConfig.g.cs");
        Assert.Contains("public string? WebConnectorConfigValue { get; set; }", code); // the class's own name
        Assert.Contains("public string? DescriptorValue { get; set; }", code);
        Assert.Contains("public string? AB { get; set; }", code);
        Assert.Contains("public string? ABValue { get; set; }", code); // collisions: declaration order, then a suffix
        Assert.Contains("public string? ABValue2 { get; set; }", code);
    }

    [Fact]
    public void Enum_wire_values_with_dashes_spaces_digits_and_signs_stay_distinct_and_round_trip()
    {
        Type mode = Config.GetNestedType("ModeValue")!;
        string[] names = Enum.GetNames(mode);
        Assert.Equal(new[] { "FullSync", "Incremental", "Value6", "Minus6", "WithSpace", "Empty" }, names);

        MethodInfo toWire = Config.GetMethod("ToWire", new[] { mode })!;
        Assert.Equal(new[] { "full-sync", "incremental", "6", "-6", "with space", "" }, names.Select(n => (string)toWire.Invoke(null, new[] { Enum.Parse(mode, n) })!));

        object config = FromJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null,\"mode\":\"-6\"}");
        Assert.Equal("Minus6", Config.GetProperty("Mode")!.GetValue(config)!.ToString());
        Assert.Contains("\"mode\":\"-6\"", Write(config));
        Assert.Contains(ValidateJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null,\"mode\":\"FullSync\"}"), e => e.Pointer == "/mode");
    }

    [Fact]
    public void Integer_enums_minus_six_and_six_are_both_kept()
    {
        Assert.Empty(ValidateJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null,\"level\":-6}"));
        Assert.Empty(ValidateJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null,\"level\":6}"));
        Assert.Contains(ValidateJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null,\"level\":5}"), e => e.Pointer == "/level");
    }

    [Fact]
    public void Required_but_nullable_and_optional_properties_tell_the_truth_about_the_wire()
    {
        PropertyInfo note = Config.GetProperty("NullableNote")!;
        Assert.True(new NullabilityInfoContext().Create(note).ReadState == NullabilityState.Nullable);
        Assert.NotNull(note.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>());

        // Required-but-nullable is written even when null; optional-and-null is left out.
        object config = FromJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null}");
        Assert.Equal("{\"base_url\":\"https://a.example.com\",\"nullable_note\":null}", Write(config));
        Assert.Contains(ValidateJson(Config, "{\"base_url\":\"https://a.example.com\"}"), e => e.Pointer == "/nullable_note" && e.Message == "is required.");
    }

    [Fact]
    public void A_value_of_several_types_is_raw_json_checked_against_its_schema()
    {
        Assert.Equal(typeof(JsonElement?), Config.GetProperty("Either")!.PropertyType);
        Assert.Empty(ValidateJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null,\"either\":\"x\"}"));
        Assert.Empty(ValidateJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null,\"either\":3}"));
        Assert.Contains(ValidateJson(Config, "{\"base_url\":\"https://a.example.com\",\"nullable_note\":null,\"either\":true}"), e => e.Pointer == "/either");
    }

    [Fact]
    public void OneOf_keeps_every_branch_and_knows_which_one_it_holds()
    {
        const string Schema = """
            {"type":"object","x-onyx-source":"web","properties":{
              "scope":{"oneOf":[{"type":"string","pattern":"^[A-Z]+$"},{"type":"array","items":{"type":"string"}},{"type":"integer","minimum":1}]}}}
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { ("/s/web.schema.json", Schema) });
        Assert.Empty(run.CompilationErrors);
        Type type = run.Load().GetType("OnyxGen.Connectors.WebConnectorConfig")!;

        int Branch(string json) => (int)type.GetProperty("ScopeBranch")!.GetValue(FromJson(type, "{\"scope\":" + json + "}"))!;
        Assert.Equal(0, Branch("\"ENG\""));
        Assert.Equal(1, Branch("[\"a\",\"b\"]"));
        Assert.Equal(2, Branch("7"));
        Assert.Equal(-1, Branch("0"));
        Assert.Contains(ValidateJson(type, "{\"scope\":\"eng\"}"), e => e.Pointer == "/scope" && e.Message.Contains("oneOf"));
    }

    [Fact]
    public void Const_is_a_typed_fixed_value_never_object()
    {
        const string Schema = """{"type":"object","x-onyx-source":"web","properties":{"version":{"type":"string","const":"v2"},"level":{"type":"integer","const":3}}}""";
        GeneratorRun run = GeneratorHarness.Run(new[] { ("/s/web.schema.json", Schema) });
        Assert.Empty(run.CompilationErrors);
        Type type = run.Load().GetType("OnyxGen.Connectors.WebConnectorConfig")!;

        Assert.Equal(typeof(string), type.GetProperty("Version")!.PropertyType);
        Assert.Equal(typeof(long), type.GetProperty("Level")!.PropertyType);
        object value = Activator.CreateInstance(type)!;
        Assert.Equal("{\"version\":\"v2\",\"level\":3}", Write(value));
        Assert.Contains(ValidateJson(type, "{\"version\":\"v1\"}"), e => e.Pointer == "/version");
        Assert.Empty(ValidateJson(type, "{\"version\":\"v2\",\"level\":3.0}"));
    }

    [Fact]
    public void Reading_reports_wrong_json_types_unknown_keys_and_missing_required_keys()
    {
        IReadOnlyList<OnyxValidationError> errors = ValidateJson(Config, "{\"base_url\":5,\"page_size\":\"10\",\"bogus\":true}");

        Assert.Contains(errors, e => e.Pointer == "/base_url" && e.Message.StartsWith("must be a string", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Pointer == "/page_size" && e.Message.StartsWith("must be an integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Pointer == "/bogus" && e.Message.Contains("additionalProperties"));
        Assert.Contains(errors, e => e.Pointer == "/nullable_note" && e.Message == "is required.");
        Assert.Throws<OnyxValidationException>(() => FromJson(Config, "{\"base_url\":5}"));
    }

    [Fact]
    public void A_full_instance_round_trips_to_equal_json()
    {
        const string Json = """
            {"base_url":"https://a.example.com/x","owner_email":"ops@example.com","started_at":"2024-05-01T10:00:00+02:00",
             "run_id":"0f8fad5b-d9cb-469f-a165-70867728950e","day":"2024-05-01","host":"docs.example.com","project_key":"ENG",
             "page_size":100,"ratio":0.5,"level":-6,"mode":"with space","labels":["a","b"],"nullable_note":"n","System":true,
             "class":"c","old_flag":false,"rewrites":[{"source":"a","target":"https://b.example.com"}],
             "window":{"from_hour":3,"next":{"from_hour":4}},"extra":{"any":[1,{"x":null}]},"either":7}
            """;
        object config = FromJson(Config, Json);

        Assert.Empty((IReadOnlyList<OnyxValidationError>)Config.GetMethod("Validate")!.Invoke(config, null)!);
        using JsonDocument expected = JsonDocument.Parse(Json), actual = JsonDocument.Parse(Write(config));
        Assert.True(JsonElementEquals(expected.RootElement, actual.RootElement), Write(config));
    }

    [Fact]
    public void Lists_of_every_item_kind_round_trip_and_report_errors_at_the_item()
    {
        // Each list shape reads and writes through a different helper: arrays of arrays, of enums, of objects, of raw
        // JSON, of numbers, uuids and date-times, and a required list.
        const string Schema = """
            {"type":"object","x-onyx-source":"web","required":["grid"],"properties":{
              "grid":{"type":"array","items":{"type":"array","items":{"type":"integer","minimum":0}}},
              "modes":{"type":"array","items":{"type":"string","enum":["fast","slow"]}},
              "deep":{"type":"array","items":{"type":"array","items":{"type":"string","enum":["a","b"]}}},
              "rules":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}},
              "raw":{"type":"array","items":{}},
              "ratios":{"type":"array","items":{"type":"number"}},
              "ids":{"type":"array","items":{"type":"string","format":"uuid"}},
              "times":{"type":"array","items":{"type":"string","format":"date-time"}},
              "flags":{"type":"array","items":{"type":"boolean"}}}}
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { ("/s/web.schema.json", Schema) });
        Assert.Empty(run.CompilationErrors);
        Type type = run.Load().GetType("OnyxGen.Connectors.WebConnectorConfig")!;
        const string Json = """
            {"grid":[[1,2],[],[3]],"modes":["slow","fast"],"deep":[["a"],["b","a"]],"rules":[{"name":"x"},{"name":"y"}],
             "raw":[1,"two",{"three":[3]},null],"ratios":[0.5,2],"ids":["0f8fad5b-d9cb-469f-a165-70867728950e"],
             "times":["2024-05-01T10:00:00+02:00"],"flags":[true,false]}
            """;

        object value = FromJson(type, Json);
        using (JsonDocument expected = JsonDocument.Parse(Json), actual = JsonDocument.Parse(Write(value)))
        {
            Assert.True(JsonElementEquals(expected.RootElement, actual.RootElement), Write(value));
        }

        IReadOnlyList<OnyxValidationError> errors = ValidateJson(type, """{"grid":[[1],["x"],[-1]],"modes":["medium"],"deep":[["a"],["c"]],"rules":[{"name":"x"},{}],"flags":[1]}""");
        Assert.Contains(errors, e => e.Pointer == "/grid/1/0" && e.Message.StartsWith("must be an integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Pointer == "/modes/0" && e.Message.StartsWith("must be one of 'fast', 'slow'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Pointer == "/deep/1/0");
        Assert.Contains(errors, e => e.Pointer == "/rules/1/name" && e.Message == "is required.");
        Assert.Contains(errors, e => e.Pointer == "/flags/0" && e.Message.StartsWith("must be a boolean", StringComparison.Ordinal));
        Assert.Contains(ValidateJson(type, """{"grid":[[1],[-1]]}"""), e => e.Pointer == "/grid/1/0");
        Assert.Contains(ValidateJson(type, """{"grid":null}"""), e => e.Pointer == "/grid" && e.Message == "must not be null.");
        Assert.Contains(ValidateJson(type, "{}"), e => e.Pointer == "/grid" && e.Message == "is required.");
    }

    [Fact]
    public void Credential_secrets_round_trip_but_never_print()
    {
        Type credential = Keywords.Value.Assembly.GetType("OnyxGen.Connectors.MockConnectorCredential")!;
        object value = FromJson(credential, "{\"api_token\":\"canary-123456789\"}");

        Assert.Equal("{\"api_token\":\"canary-123456789\"}", Write(value));
        Assert.DoesNotContain("canary", value.ToString());
        Assert.Equal("***", credential.GetProperty("ApiToken")!.GetValue(value)!.ToString());
    }

    [Fact]
    public void A_jira_connector_cannot_be_associated_with_a_slack_credential()
    {
        const string UserCode = """
            using System.Threading.Tasks;
            using OnyxGen;
            using OnyxGen.Connectors;
            public static class Usage
            {
                public static async Task Run(OnyxClient onyx)
                {
                    ConnectorCreated<JiraConnectorConfig> jira = await onyx.Connectors.CreateJiraAsync("j", new JiraConnectorConfig { JiraBaseUrl = "https://a.example.com" });
                    Credential<SlackCredential> slack = await onyx.Credentials.CreateSlackAsync("s", new SlackCredential { SlackBotToken = "xoxb-1" });
                    Credential<JiraCredential> jiraCredential = await onyx.Credentials.CreateJiraAsync("j", new JiraCredential { JiraApiToken = "t" });
                    await onyx.Connectors.AssociateCredentialAsync(jira, jiraCredential);
                    await onyx.Connectors.AssociateCredentialAsync(jira, slack);
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.CatalogFile("jira"), GeneratorHarness.CatalogFile("slack") }, userCode: UserCode);

        Diagnostic error = Assert.Single(run.CompilationErrors);
        Assert.Equal("CS0311", error.Id); // JiraConnectorConfig is not an IConnectorConfig<SlackCredential>
        Assert.Equal(11, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    private static bool JsonElementEquals(JsonElement a, JsonElement b) => a.ValueKind == b.ValueKind && a.ValueKind switch
    {
        JsonValueKind.Object => a.EnumerateObject().Count() == b.EnumerateObject().Count()
            && a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out JsonElement other) && JsonElementEquals(p.Value, other)),
        JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(pair => JsonElementEquals(pair.First, pair.Second)),
        JsonValueKind.Number => a.GetDecimal() == b.GetDecimal(),
        JsonValueKind.String => a.GetString() == b.GetString(),
        _ => true,
    };

    [Fact]
    public void OneOf_objects_with_a_const_discriminator_become_a_class_hierarchy()
    {
        const string Schema = """
            {"type":"object","x-onyx-source":"web","properties":{
              "scope":{"oneOf":[
                {"type":"object","properties":{"kind":{"const":"user"},"email":{"type":"string","format":"email"}},"required":["kind","email"],"additionalProperties":false},
                {"type":"object","properties":{"kind":{"const":"team"},"team_id":{"type":"integer","minimum":1}},"required":["kind","team_id"],"additionalProperties":false}]}},
             "required":["scope"]}
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { ("/s/web.schema.json", Schema) });
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.CompilationWarnings);
        Assembly assembly = run.Load();
        Type config = assembly.GetType("OnyxGen.Connectors.WebConnectorConfig")!;
        Type union = assembly.GetType("OnyxGen.Connectors.WebConnectorConfig+ScopeUnion")!;
        Type user = assembly.GetType("OnyxGen.Connectors.WebConnectorConfig+ScopeUnionUser")!;

        Assert.True(union.IsAbstract);
        Assert.Equal(union, config.GetProperty("Scope")!.PropertyType);
        Assert.Equal(union, user.BaseType);

        object read = FromJson(config, "{\"scope\":{\"kind\":\"team\",\"team_id\":7}}");
        Assert.Equal("ScopeUnionTeam", config.GetProperty("Scope")!.GetValue(read)!.GetType().Name);
        Assert.Equal("{\"scope\":{\"kind\":\"team\",\"team_id\":7}}", Write(read));

        Assert.Contains(ValidateJson(config, "{\"scope\":{\"kind\":\"user\",\"email\":\"x@\"}}"), e => e.Pointer == "/scope/email");
        Assert.Contains(ValidateJson(config, "{\"scope\":{\"kind\":\"bot\"}}"), e => e.Pointer == "/scope/kind" && e.Message.Contains("'user', 'team'"));
        Assert.Contains(ValidateJson(config, "{\"scope\":{\"team_id\":7}}"), e => e.Pointer == "/scope/kind");
        Assert.Contains(ValidateJson(config, "{\"scope\":{\"kind\":\"team\",\"team_id\":0}}"), e => e.Pointer == "/scope/team_id");
    }
}
