using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

public sealed class RoutingTests
{
    [Fact]
    public async Task Unknown_path_is_404_with_starlette_detail_even_without_auth()
    {
        await using var api = await TestApi.StartAsync();
        Shapes.AssertDetail(await api.GetAsync("/manage/nothing-here", key: null), 404, "404: Not Found");
        Shapes.AssertDetail(await api.GetAsync("/manage/nothing-here"), 404, "404: Not Found");
    }

    [Fact]
    public async Task Documented_admin_associate_route_does_not_exist()
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.SendAsync("PUT", "/manage/admin/connector/5/credential/7", new JsonObject { ["name"] = "x", ["access_type"] = "public" });
        Shapes.AssertDetail(reply, 404, "404: Not Found");
    }

    [Theory]
    [InlineData("GET", "/manage/admin/connector/5", "DELETE, PATCH")]
    [InlineData("POST", "/manage/connector/5/credential/7", "DELETE, PUT")]
    [InlineData("POST", "/manage/admin/credential", "GET")]
    [InlineData("DELETE", "/manage/admin/cc-pair/3", "GET")]
    public async Task Wrong_method_is_405_with_allow_header_before_auth(string method, string path, string allow)
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.SendAsync(method, path, key: null);
        Shapes.AssertDetail(reply, 405, "Method Not Allowed");
        Assert.Equal(allow, reply.Headers["Allow"]);
    }

    [Fact]
    public async Task Routes_are_served_under_manage_and_api_manage()
    {
        await using var api = await TestApi.StartAsync();
        Assert.EndsWith("/api", api.Emulator.BaseUrl.ToString());
        Assert.DoesNotContain("/api", api.Emulator.RootUrl.ToString());
        var viaApi = await api.GetAsync("/manage/connector/0");
        var viaRoot = await api.SendAsync("GET", "/manage/connector/0", viaRoot: true);
        Assert.Equal(200, viaApi.Status);
        Assert.Equal(200, viaRoot.Status);
        Assert.Equal("Ingestion API", viaRoot.Json!["name"]!.GetValue<string>());
        Assert.Equal(viaApi.Json!["id"]!.GetValue<long>(), viaRoot.Json!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Trailing_slash_redirects_307_to_the_path_without_it()
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.GetAsync("/manage/credential/?x=1");
        Assert.Equal(307, reply.Status);
        Assert.Equal(api.Emulator.BaseUrl + "/manage/credential?x=1", reply.Headers["Location"]);
    }

    [Fact]
    public async Task Literal_segment_routes_win_over_id_routes_and_ids_are_validated()
    {
        await using var api = await TestApi.StartAsync();
        var status = await api.GetAsync("/manage/admin/connector/status");
        Assert.Equal(200, status.Status);
        Assert.IsType<JsonArray>(status.Json);

        // PATCH on the same path reaches the {connector_id} route, where "status" is not an integer (as in Starlette).
        var patch = await api.SendAsync("PATCH", "/manage/admin/connector/status", Bodies.Connector("n", "web", "load_state"));
        var message = Shapes.AssertValidation(patch, 1);
        Assert.Contains("'loc': ('path', 'connector_id')", message);
    }

    [Fact]
    public async Task Success_is_always_200_even_for_creates()
    {
        await using var api = await TestApi.StartAsync();
        var reply = await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("c", "web", "load_state"));
        Assert.Equal(200, reply.Status);
        Assert.Equal("application/json", reply.Headers["Content-Type"]);
    }
}
