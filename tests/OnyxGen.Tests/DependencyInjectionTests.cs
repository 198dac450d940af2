using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OnyxGen.Emulator;
using Xunit;

namespace OnyxGen.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddOnyxClient_binds_the_Onyx_section_and_the_client_works()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Onyx:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Onyx:ApiKey"] = emulator.ApiKey,
            ["Onyx:Retry:MaxRetries"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOnyxClient(configuration.GetSection("Onyx"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        OnyxClientOptions options = provider.GetRequiredService<IOptions<OnyxClientOptions>>().Value;
        OnyxClient onyx = provider.GetRequiredService<OnyxClient>();

        Assert.Equal(2, options.Retry.MaxRetries);
        Assert.Contains(await onyx.Credentials.ListAsync(), c => c.Id == 0);
    }

    [Fact]
    public async Task Invalid_options_fail_validation_with_every_problem_and_without_the_key()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Onyx:BaseUrl"] = "http://onyx.example.com/api",
            ["Onyx:ApiKey"] = "on_topsecret\u0007",
        }).Build();
        var services = new ServiceCollection();
        services.AddOnyxClient(configuration.GetSection("Onyx"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OnyxClientOptions>>().Value);

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("clear text", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("control characters", StringComparison.Ordinal));
        Assert.DoesNotContain("topsecret", ex.Message);
    }
}
