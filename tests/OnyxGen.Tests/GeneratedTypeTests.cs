using System.Buffers;
using System.Text.Json;
using OnyxGen.Connectors;
using Xunit;

namespace OnyxGen.Tests;

/// <summary>Generated types (built by the real generator, as an analyzer of this project) serialize and validate as their schema says.</summary>
public sealed class GeneratedTypeTests
{
    private static string Json(IConnectorConfig config)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            config.WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Json(IConnectorCredential credential)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            credential.WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Only_the_properties_that_are_set_are_written_with_their_exact_json_names()
    {
        var config = new JiraConnectorConfig { JiraBaseUrl = "https://acme.atlassian.net", ProjectKey = "TECH", CommentEmailBlacklist = ["legal@company.com"] };

        Assert.Equal("{\"jira_base_url\":\"https://acme.atlassian.net\",\"project_key\":\"TECH\",\"comment_email_blacklist\":[\"legal@company.com\"]}", Json(config));
    }

    [Fact]
    public void A_uri_is_sent_exactly_as_written()
    {
        var config = new JiraConnectorConfig { JiraBaseUrl = "https://ACME.atlassian.net/jira/" };
        Assert.Contains("\"https://ACME.atlassian.net/jira/\"", Json(config));
    }

    [Fact]
    public void Required_but_nullable_is_written_as_null_and_enums_use_their_wire_strings()
    {
        var config = new MockConnectorConnectorConfig
        {
            BaseUrl = "https://x.example.com",
            Note = null,
            Mode = MockConnectorConnectorConfig.ModeValue.Minus6,
            RunId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        };

        Assert.Equal("{\"base_url\":\"https://x.example.com\",\"mode\":\"-6\",\"run_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"note\":null}", Json(config));
        Assert.Equal("6", MockConnectorConnectorConfig.ToWire(MockConnectorConnectorConfig.ModeValue.Value6));
        Assert.Equal("full-sync", MockConnectorConnectorConfig.ToWire(MockConnectorConnectorConfig.ModeValue.FullSync));
    }

    [Fact]
    public void Validate_returns_every_violation_with_its_json_pointer()
    {
        // Deliberately invalid constants: the analyzers flag each one at compile time (ONYX1001-1007); this test checks
        // that Validate() reports the same mistakes at run time.
#pragma warning disable ONYX1001, ONYX1002, ONYX1004, ONYX1005, ONYX1006, ONYX1007
        var config = new MockConnectorConnectorConfig
        {
            BaseUrl = "not a url",
            Note = "n",
            OwnerEmail = "legal@",
            ProjectKey = "x",
            PageSize = 0,
            Labels = ["a@b.com", "a@b.com", "nope", "d@e.com"],
            Rewrites = [new() { Source = "a", Target = "relative/path" }],
        };
#pragma warning restore ONYX1001, ONYX1002, ONYX1004, ONYX1005, ONYX1006, ONYX1007

        var errors = config.Validate().Select(e => e.Pointer).ToArray();

        Assert.Equal(
            new[] { "/base_url", "/owner_email", "/project_key", "/project_key", "/page_size", "/labels", "/labels", "/labels/2", "/rewrites/0/target" },
            errors);
    }

    [Fact]
    public void A_valid_config_has_no_violations()
    {
        var config = new MockConnectorConnectorConfig { BaseUrl = "https://x.example.com", Note = null, ProjectKey = "ENG", PageSize = 10, Labels = ["a@b.com"] };
        Assert.Empty(config.Validate());
    }

    [Fact]
    public void Credential_modes_need_one_complete_set_of_keys()
    {
        Assert.Empty(new MockConnectorCredential { ApiToken = "t0k3n-value" }.Validate());
        Assert.Empty(new MockConnectorCredential { Username = "u", Password = "p4ssword" }.Validate());

        OnyxValidationError error = Assert.Single(new MockConnectorCredential { Username = "u" }.Validate());
        Assert.Contains("Token (api_token); or Basic (username, password)", error.Message);
    }

    [Fact]
    public void Secrets_never_print()
    {
        const string Canary = "canary-secret-7f3a9c";
        var credential = new MockConnectorCredential { ApiToken = Canary, Username = "bob" };

        Assert.Equal("***", credential.ApiToken.ToString());
        Assert.Equal("***", $"{credential.ApiToken}");
        Assert.DoesNotContain(Canary, credential.ToString());
        Assert.Contains("api_token = ***", credential.ToString());
        Assert.Contains($"\"api_token\":\"{Canary}\"", Json(credential)); // written only on the wire
    }

    [Fact]
    public void Descriptor_carries_the_schema_facts()
    {
        Assert.Equal(DocumentSource.Jira, JiraConnectorConfig.Descriptor.Source);
        Assert.Equal("JiraConnector", JiraConnectorConfig.Descriptor.ConnectorClassName);
        Assert.Equal(InputType.Poll, JiraConnectorConfig.Descriptor.DefaultInputType);
        Assert.True(JiraConnectorConfig.Descriptor.SupportsPermissionSync);
        Assert.Equal(InputType.LoadState, WebConnectorConfig.Descriptor.DefaultInputType);
        Assert.False(WebConnectorConfig.Descriptor.SupportsPermissionSync);
    }
}
