using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OnyxGen;

/// <summary>Registers <see cref="OnyxClient"/> with Microsoft.Extensions.DependencyInjection on <c>IHttpClientFactory</c>.</summary>
public static class OnyxServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> OnyxGen uses from <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "OnyxGen";

    /// <summary>
    /// Registers <see cref="OnyxClient"/> with options read from a configuration section (keys <c>BaseUrl</c>, <c>ApiKey</c>,
    /// <c>AllowInsecureHttp</c>, <c>ValidateBeforeSend</c>, <c>Retry:MaxRetries</c>), validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, usually <c>configuration.GetSection("Onyx")</c>.</param>
    /// <param name="configure">Further changes after binding.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the named client, to add handlers.</returns>
    public static IHttpClientBuilder AddOnyxClient(this IServiceCollection services, IConfiguration configuration, Action<OnyxClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddOnyxClient(options =>
        {
            Bind(configuration, options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers <see cref="OnyxClient"/> with options set in code, validated when the host starts.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the named client, to add handlers.</returns>
    public static IHttpClientBuilder AddOnyxClient(this IServiceCollection services, Action<OnyxClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OnyxClientOptions>()
            .Configure(configure)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OnyxClientOptions>, OnyxClientOptionsValidator>();

        IHttpClientBuilder builder = services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient(provider => new OnyxClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<OnyxClientOptions>>().Value,
            provider.GetService<ILogger<OnyxClient>>()));
        return builder;
    }

    // Read by hand rather than with the configuration binder: the binder is reflection-based (trim and AOT warnings).
    private static void Bind(IConfiguration section, OnyxClientOptions options)
    {
        if (section["BaseUrl"] is { Length: > 0 } baseUrl)
        {
            options.BaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri) ? uri : throw new OptionsValidationException(
                nameof(OnyxClientOptions), typeof(OnyxClientOptions), [$"Onyx:BaseUrl '{baseUrl}' is not an absolute URL."]);
        }

        if (section["ApiKey"] is { Length: > 0 } apiKey)
        {
            options.ApiKey = apiKey;
        }

        if (bool.TryParse(section["AllowInsecureHttp"], out bool allowInsecure))
        {
            options.AllowInsecureHttp = allowInsecure;
        }

        if (bool.TryParse(section["ValidateBeforeSend"], out bool validate))
        {
            options.ValidateBeforeSend = validate;
        }

        if (int.TryParse(section["Retry:MaxRetries"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int maxRetries))
        {
            options.Retry.MaxRetries = maxRetries;
        }
    }

    private sealed class OnyxClientOptionsValidator : IValidateOptions<OnyxClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, OnyxClientOptions options)
        {
            IReadOnlyList<string> problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
