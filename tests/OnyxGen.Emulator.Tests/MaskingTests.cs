using System.Text.Json.Nodes;
using OnyxGen.Emulator.Masking;

namespace OnyxGen.Emulator.Tests;

/// <summary>onyx-api.md §5.0 masking rules.</summary>
public sealed class MaskingTests
{
    private const string Bullets = "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022";

    [Theory]
    [InlineData("", Bullets)]
    [InlineData("a", Bullets)]
    [InlineData("thirteen_char", Bullets)] // 13 characters
    [InlineData("fourteen_chars", "four...hars")] // 14 characters
    [InlineData("ops@example.com", "ops@....com")]
    [InlineData("😀😀😀😀abcdefghij", "😀😀😀😀...ghij")] // 14 code points, counted as Python does
    public void Strings_follow_the_14_character_threshold(string input, string expected)
    {
        Assert.Equal(expected, CredentialMasking.MaskString(input));
    }

    [Fact]
    public void Twelve_bullets_are_U_2022()
    {
        Assert.Equal(12, CredentialMasking.Bullets.Length);
        Assert.All(CredentialMasking.Bullets, c => Assert.Equal('\u2022', c));
    }

    [Fact]
    public void Numbers_become_stars_booleans_and_nulls_stay_and_objects_and_arrays_recurse()
    {
        var input = JsonNode.Parse("""
            {"int": 5, "float": 1.5, "t": true, "f": false, "n": null,
             "obj": {"secret": "abcdefghijklmnop", "deep": {"num": 7}},
             "arr": ["short", "abcdefghijklmnopqr", 3, true, null, {"k": "v"}, [1]]}
            """)!.AsObject();
        var masked = CredentialMasking.Mask(input);
        Assert.Equal(
            "{\"int\":\"*****\",\"float\":\"*****\",\"t\":true,\"f\":false,\"n\":null," +
            "\"obj\":{\"secret\":\"abcd...mnop\",\"deep\":{\"num\":\"*****\"}}," +
            "\"arr\":[\"" + Bullets + "\",\"abcd...opqr\",\"*****\",true,null,{\"k\":\"" + Bullets + "\"},[\"*****\"]]}",
            masked.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(5, input["int"]!.GetValue<int>()); // the source is not modified
    }

    [Theory]
    [InlineData("authentication_method")]
    [InlineData("wiki_base")]
    [InlineData("cloud_name")]
    [InlineData("cloud_id")]
    [InlineData("scopes")]
    public void Exempt_keys_are_unchanged_at_any_depth(string key)
    {
        var input = new JsonObject
        {
            [key] = new JsonArray("a", 1),
            ["nested"] = new JsonObject { [key] = 42, ["other"] = 42 },
        };
        var masked = CredentialMasking.Mask(input);
        Assert.Equal("[\"a\",1]", masked[key]!.ToJsonString());
        Assert.Equal(42, masked["nested"]![key]!.GetValue<int>());
        Assert.Equal("*****", masked["nested"]!["other"]!.GetValue<string>());
    }

    [Fact]
    public async Task Masking_applies_on_every_credential_response_and_can_be_turned_off()
    {
        const string secret = "super-secret-value-123";
        await using (var api = await TestApi.StartAsync())
        {
            var (_, credential, pair) = await api.CreateJiraPairAsync();
            await api.SendAsync("PUT", $"/manage/admin/credential/{credential}", new JsonObject { ["name"] = "n", ["credential_json"] = new JsonObject { ["jira_api_token"] = secret, ["pin"] = "1234" } });
            foreach (var path in new[] { $"/manage/credential/{credential}", "/manage/credential", "/manage/admin/credential", $"/manage/admin/cc-pair/{pair}", "/manage/admin/connector/status", "/manage/admin/similar-credentials/jira" })
            {
                var reply = await api.GetAsync(path);
                Assert.Equal(200, reply.Status);
                Assert.DoesNotContain(secret, reply.Body);
                Assert.Contains("supe...-123", reply.Body);
            }
            Assert.Contains(Bullets, (await api.GetAsync($"/manage/credential/{credential}")).Body); // raw UTF-8, not \u escapes
        }
        await using (var api = await TestApi.StartAsync(new OnyxEmulatorOptions { MaskCredentials = false }))
        {
            var id = await api.CreateCredentialAsync("jira", new JsonObject { ["jira_api_token"] = secret, ["n"] = 5 });
            var reply = await api.GetAsync($"/manage/credential/{id}");
            Assert.Equal(secret, reply.Json!["credential_json"]!["jira_api_token"]!.GetValue<string>());
            Assert.Equal(5, reply.Json!["credential_json"]!["n"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Sending_a_masked_value_back_stores_the_placeholder()
    {
        await using var api = await TestApi.StartAsync();
        var id = await api.CreateCredentialAsync("jira", new JsonObject { ["jira_api_token"] = "ATATT3xFfGF0T4bQ9zX" });
        var masked = (await api.GetAsync($"/manage/credential/{id}")).Json!["credential_json"]!.DeepClone();
        await api.SendAsync("PATCH", $"/manage/credential/{id}", new JsonObject { ["credential_json"] = masked, ["admin_public"] = true, ["source"] = "jira" });
        Assert.Equal("ATAT...Q9zX", api.Emulator.Inspect.Credential(id)!.CredentialJson["jira_api_token"]!.GetValue<string>());
    }
}
