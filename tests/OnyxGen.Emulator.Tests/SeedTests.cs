using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

/// <summary>onyx-api.md §5.0 fixed records and §7.1 item 9.</summary>
public sealed class SeedTests
{
    [Fact]
    public async Task Connector_0_is_fetchable_but_hidden_from_both_lists()
    {
        await using var api = await TestApi.StartAsync();
        var zero = await api.GetAsync("/manage/connector/0");
        Assert.Equal(200, zero.Status);
        Assert.Equal("Ingestion API", zero.Json!["name"]!.GetValue<string>());
        Assert.Equal("ingestion_api", zero.Json!["source"]!.GetValue<string>());
        Assert.Equal("load_state", zero.Json!["input_type"]!.GetValue<string>());
        Assert.Null(zero.Json!["refresh_freq"]);
        Assert.Null(zero.Json!["prune_freq"]);
        Assert.Equal("[0]", zero.Json!["credential_ids"]!.ToJsonString());

        Assert.Equal("[]", (await api.GetAsync("/manage/admin/connector")).Json!.ToJsonString());
        Assert.Equal("[]", (await api.GetAsync("/manage/connector")).Json!.ToJsonString());
    }

    [Fact]
    public async Task Credential_0_is_public_empty_ownerless_and_not_applicable()
    {
        await using var api = await TestApi.StartAsync();
        var list = (JsonArray)(await api.GetAsync("/manage/admin/credential")).Json!;
        var zero = Assert.Single(list)!;
        Assert.Equal(0, zero["id"]!.GetValue<long>());
        Assert.Equal("{}", zero["credential_json"]!.ToJsonString());
        Assert.Equal("not_applicable", zero["source"]!.GetValue<string>());
        Assert.Null(zero["user_id"]);
        Assert.Null(zero["user_email"]);
        Assert.True(zero["admin_public"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Default_cc_pair_1_is_active_and_public()
    {
        await using var api = await TestApi.StartAsync();
        var info = await api.GetAsync("/manage/admin/cc-pair/1");
        Assert.Equal(200, info.Status);
        Assert.Equal("DefaultCCPair", info.Json!["name"]!.GetValue<string>());
        Assert.Equal("ACTIVE", info.Json!["status"]!.GetValue<string>());
        Assert.Equal("public", info.Json!["access_type"]!.GetValue<string>());
        Assert.Equal(0, info.Json!["connector"]!["id"]!.GetValue<long>());
        Assert.Equal(0, info.Json!["credential"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task New_ids_start_at_1_and_2_and_are_never_reused()
    {
        await using var api = await TestApi.StartAsync();
        var (connector, credential, pair) = await api.CreateJiraPairAsync();
        Assert.Equal((1L, 1L, 2L), (connector, credential, pair));

        await api.SendAsync("DELETE", $"/manage/connector/{connector}/credential/{credential}");
        await api.SendAsync("DELETE", $"/manage/admin/connector/{connector}");
        await api.SendAsync("DELETE", $"/manage/admin/credential/{credential}");
        Assert.Null(api.Emulator.Inspect.Connector(1));

        var (connector2, credential2, pair2) = await api.CreateJiraPairAsync();
        Assert.Equal((2L, 2L, 3L), (connector2, credential2, pair2));
    }
}
