using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Tests;

/// <summary>Fault injection: every mode is off by default and changeable while running.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Everything_is_off_by_default()
    {
        await using var api = await TestApi.StartAsync();
        var faults = api.Emulator.Faults;
        Assert.Equal((TimeSpan.Zero, 0.0, 0.0, 0.0, (double?)null),
            (faults.Latency, faults.TooManyRequestsRate, faults.ServerErrorRate, faults.DropAfterCommitRate, faults.RateLimitPerSecond));
        for (var i = 0; i < 20; i++) Assert.Equal(200, (await api.GetAsync("/manage/connector/0")).Status);
        var counts = api.Emulator.Inspect.FaultCounts();
        Assert.Equal((0L, 0L, 0L, 0L, 0L), (counts.Delayed, counts.TooManyRequests, counts.RateLimited, counts.ServerErrors, counts.ConnectionsDropped));
        Assert.Empty(counts.ServerErrorsByStatus);
        Assert.Equal(20, api.Emulator.Inspect.TotalRequests);
        Assert.Equal(20, api.Emulator.Inspect.RequestCount("GET", "/manage/connector/{connector_id}"));
    }

    [Fact]
    public async Task Fixed_latency_delays_the_answer()
    {
        await using var api = await TestApi.StartAsync();
        await api.GetAsync("/manage/connector/0"); // warm the connection
        api.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(150);
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await api.GetAsync("/manage/connector/0")).Status);
        Assert.True(watch.ElapsedMilliseconds >= 140, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1, api.Emulator.Inspect.FaultCounts().Delayed);

        api.Emulator.Faults.Latency = TimeSpan.Zero;
        api.Emulator.Faults.LatencyJitter = TimeSpan.FromMilliseconds(20);
        Assert.Equal(200, (await api.GetAsync("/manage/connector/0")).Status);
        Assert.Equal(2, api.Emulator.Inspect.FaultCounts().Delayed);
    }

    [Fact]
    public async Task Injected_429_carries_retry_after_and_does_not_run_the_handler()
    {
        await using var api = await TestApi.StartAsync();
        api.Emulator.Faults.TooManyRequestsRate = 1;
        api.Emulator.Faults.RetryAfterSeconds = 3;
        var reply = await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("x", "web", "load_state"));
        Shapes.AssertDetail(reply, 429, "Too Many Requests");
        Assert.Equal("3", reply.Headers["Retry-After"]);
        Assert.Single(api.Emulator.Inspect.Connectors()); // only connector 0
        Assert.Equal(1, api.Emulator.Inspect.FaultCounts().TooManyRequests);
        Assert.Equal(0, api.Emulator.Inspect.RequestCount("POST", "/manage/admin/connector"));

        api.Emulator.Faults.Reset();
        Assert.Equal(200, (await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("x", "web", "load_state"))).Status);
    }

    [Fact]
    public async Task Injected_server_errors_use_the_configured_statuses()
    {
        await using var api = await TestApi.StartAsync();
        api.Emulator.Faults.ServerErrorRate = 1;
        api.Emulator.Faults.ServerErrorStatusCodes = [503];
        var gateway = await api.GetAsync("/manage/connector/0");
        Assert.Equal(503, gateway.Status);
        Assert.False(gateway.IsJson); // nginx's HTML page, as a proxy in front of Onyx answers
        Assert.Contains("503 Service Temporarily Unavailable", gateway.Body);

        api.Emulator.Faults.ServerErrorStatusCodes = [500];
        var server = await api.GetAsync("/manage/connector/0");
        Assert.Equal(500, server.Status);
        Assert.Equal(["detail"], server.Keys);

        var counts = api.Emulator.Inspect.FaultCounts();
        Assert.Equal(2, counts.ServerErrors);
        Assert.Equal(1, counts.ServerErrorsByStatus[503]);
        Assert.Equal(1, counts.ServerErrorsByStatus[500]);
        Assert.Throws<ArgumentException>(() => api.Emulator.Faults.ServerErrorStatusCodes = [404]);
        Assert.Throws<ArgumentOutOfRangeException>(() => api.Emulator.Faults.ServerErrorRate = 1.5);
    }

    [Fact]
    public async Task Dropped_create_did_commit()
    {
        await using var api = await TestApi.StartAsync();
        api.Emulator.Faults.DropAfterCommitRate = 1;
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("dropped", "web", "load_state")));
        var stored = Assert.Single(api.Emulator.Inspect.Connectors(), c => c.Id != 0);
        Assert.Equal("dropped", stored.Name);
        Assert.Equal(1, api.Emulator.Inspect.FaultCounts().ConnectionsDropped);

        // Reads never commit, so they are never dropped; a naive retry of the create hits the duplicate check.
        Assert.Equal(200, (await api.GetAsync($"/manage/connector/{stored.Id}")).Status);
        api.Emulator.Faults.DropAfterCommitRate = 0;
        Assert.Equal(400, (await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("dropped", "web", "load_state"))).Status);
    }

    [Fact]
    public async Task Dropped_associate_did_commit_and_retry_reports_already_associated()
    {
        await using var api = await TestApi.StartAsync();
        var connector = await api.CreateConnectorAsync("m", "mock_connector", "poll");
        api.Emulator.Faults.DropAfterCommitRate = 1;
        api.Emulator.Faults.Methods = ["PUT"];
        await Assert.ThrowsAsync<HttpRequestException>(() => api.AssociateAsync(connector, 0));
        Assert.Single(api.Emulator.Inspect.CcPairs(), p => p.ConnectorId == connector);
        // The success:false retry answer does not commit, so it is not dropped.
        Shapes.AssertStatus(await api.AssociateAsync(connector, 0), false, $"Connector {connector} already has Credential 0", connector);
    }

    [Fact]
    public async Task Token_bucket_limits_requests_per_second()
    {
        await using var api = await TestApi.StartAsync();
        api.Emulator.Faults.RateLimitPerSecond = 0.5; // one token every two seconds
        api.Emulator.Faults.RateLimitBurst = 2;
        Assert.Equal(200, (await api.GetAsync("/manage/connector/0")).Status);
        Assert.Equal(200, (await api.GetAsync("/manage/connector/0")).Status);
        var limited = await api.GetAsync("/manage/connector/0");
        Shapes.AssertDetail(limited, 429, "Too Many Requests");
        Assert.InRange(int.Parse(limited.Headers["Retry-After"]), 1, 2);
        Assert.Equal(1, api.Emulator.Inspect.FaultCounts().RateLimited);
        api.Emulator.Faults.RateLimitPerSecond = null;
        Assert.Equal(200, (await api.GetAsync("/manage/connector/0")).Status);
    }

    [Fact]
    public async Task Filters_select_methods_and_paths_on_both_bases()
    {
        await using var api = await TestApi.StartAsync();
        api.Emulator.Faults.ServerErrorRate = 1;
        api.Emulator.Faults.ServerErrorStatusCodes = [502];
        api.Emulator.Faults.PathPrefix = "/manage/admin";
        Assert.Equal(200, (await api.GetAsync("/manage/credential")).Status);
        Assert.Equal(502, (await api.GetAsync("/manage/admin/credential")).Status);
        Assert.Equal(502, (await api.SendAsync("GET", "/manage/admin/credential", viaRoot: true)).Status);

        api.Emulator.Faults.PathPrefix = null;
        api.Emulator.Faults.Methods = ["post"];
        Assert.Equal(200, (await api.GetAsync("/manage/admin/credential")).Status);
        Assert.Equal(502, (await api.SendAsync("POST", "/manage/admin/connector", Bodies.Connector("x", "web", "load_state"))).Status);

        api.Emulator.Faults.Methods = null;
        api.Emulator.Faults.Filter = (method, path) => path.EndsWith("/0", StringComparison.Ordinal);
        Assert.Equal(502, (await api.GetAsync("/manage/connector/0")).Status);
        Assert.Equal(200, (await api.GetAsync("/manage/credential")).Status);
    }

    [Fact]
    public async Task Same_seed_gives_the_same_fault_sequence()
    {
        async Task<string> RunAsync()
        {
            await using var api = await TestApi.StartAsync(new OnyxEmulatorOptions { Faults = new EmulatorFaults(seed: 7) { ServerErrorRate = 0.5, ServerErrorStatusCodes = [500, 503] } });
            var statuses = new List<int>();
            for (var i = 0; i < 24; i++) statuses.Add((await api.GetAsync("/manage/connector/0")).Status);
            return string.Join(",", statuses);
        }
        var first = await RunAsync();
        Assert.Equal(first, await RunAsync());
        Assert.Contains("200", first);
        Assert.Contains("50", first);
    }

    [Fact]
    public async Task Initial_faults_from_options_are_copied()
    {
        var initial = new EmulatorFaults { TooManyRequestsRate = 1 };
        await using var api = await TestApi.StartAsync(new OnyxEmulatorOptions { Faults = initial });
        Assert.Equal(429, (await api.GetAsync("/manage/connector/0")).Status);
        initial.TooManyRequestsRate = 0; // the options object is not live
        Assert.Equal(429, (await api.GetAsync("/manage/connector/0")).Status);
        Assert.NotSame(initial, api.Emulator.Faults);
    }

    [Fact]
    public async Task Route_counts_are_keyed_by_method_and_template()
    {
        await using var api = await TestApi.StartAsync();
        await api.CreateJiraPairAsync();
        await api.GetAsync("/manage/nowhere");
        var counts = api.Emulator.Inspect.RequestCounts();
        Assert.Equal(1, counts["POST /manage/admin/connector"]);
        Assert.Equal(1, counts["POST /manage/credential"]);
        Assert.Equal(1, counts["PUT /manage/connector/{connector_id}/credential/{credential_id}"]);
        Assert.Equal(4, api.Emulator.Inspect.TotalRequests);
    }
}
