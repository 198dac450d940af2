using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

/// <summary>onyx-api.md §2.4: routing, then JSON parsing, then auth, then model validation, then the handler.</summary>
public sealed class CheckOrderTests
{
    [Fact]
    public async Task Malformed_json_is_422_before_authentication()
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.SendAsync("POST", "/manage/admin/connector", "{bad", key: null);
        var message = Shapes.AssertValidation(reply, 1);
        Assert.Contains("{'type': 'json_invalid', 'loc': ('body', 1), 'msg': 'JSON decode error', 'input': {}, 'ctx': {'error': ", message);
        Assert.EndsWith("POST /manage/admin/connector", message);
    }

    [Fact]
    public async Task Json_error_position_is_the_character_offset()
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.SendAsync("PUT", "/manage/connector/1/credential/1", "{\"name\": \"é\",\n \"x\": }");
        Assert.Contains("'loc': ('body', 20)", Shapes.AssertValidation(reply, 1));
    }

    [Fact]
    public async Task Unauthenticated_request_with_invalid_but_well_formed_body_gets_403()
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.SendAsync("POST", "/manage/admin/connector", new JsonObject { ["name"] = 5 }, key: null);
        Shapes.AssertDetail(reply, 403, "Access denied. User is not authenticated.");
        var noBody = await api.SendAsync("PUT", "/manage/connector/x/credential/y", key: null);
        Shapes.AssertDetail(noBody, 403, "Access denied. User is not authenticated.");
    }

    [Fact]
    public async Task Model_validation_runs_before_handler_logic()
    {
        await using var api = await TestApi.StartAsync();
        // Connector 999 does not exist, but the missing access_type is reported first.
        var reply = await api.SendAsync("PATCH", "/manage/admin/connector/999", new JsonObject
        {
            ["name"] = "n", ["source"] = "web", ["input_type"] = "load_state", ["connector_specific_config"] = new JsonObject(),
        });
        Assert.Contains("'loc': ('body', 'access_type')", Shapes.AssertValidation(reply, 1));
    }

    [Fact]
    public async Task Malformed_json_is_ignored_on_routes_without_a_body_model()
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.SendAsync("DELETE", "/manage/admin/connector/77", "{bad");
        Shapes.AssertStatus(reply, true, "Connector was already deleted", 77);
    }
}
