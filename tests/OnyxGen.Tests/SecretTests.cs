using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using OnyxGen.Connectors;
using OnyxGen.Emulator;
using OnyxGen.Http;
using Xunit;

namespace OnyxGen.Tests;

/// <summary>The API key and credential values never reach logs, exception text or ToString.</summary>
public sealed class SecretTests
{
    [Fact]
    public void Server_text_that_echoes_a_secret_is_redacted()
    {
        const string Secret = "canary-token-51d0e";
        string body = "{\"status_code\": 422, \"message\": \"1 validation error: {'type': 'missing', 'loc': ('body', 'admin_public'), 'input': {'credential_json': {'jira_api_token': '" + Secret + "'}}}\", \"data\": null}";

        (string? code, string detail) = ErrorBodyParser.Parse((HttpStatusCode)422, Encoding.UTF8.GetBytes(body));
        string redacted = Redactor.Redact(detail, "on_key", new[] { Secret });

        Assert.Null(code);
        Assert.StartsWith("1 validation error:", detail);
        Assert.DoesNotContain(Secret, redacted);
        Assert.Contains("'jira_api_token': '***'", redacted);
    }

    [Theory]
    [InlineData("{\"detail\": \"Connector 12 does not exist\"}", null, "Connector 12 does not exist")]
    [InlineData("{\"error_code\": \"INVALID_INPUT\", \"detail\": \"Connector validation error: x\"}", "INVALID_INPUT", "Connector validation error: x")]
    [InlineData("{\"message\": \"Credential by provided id 4 does not exist\"}", null, "Credential by provided id 4 does not exist")]
    [InlineData("{\"status_code\": 422, \"message\": \"2 validation errors: ...\", \"data\": null}", null, "2 validation errors: ...")]
    [InlineData("<html>Bad gateway</html>", null, "<html>Bad gateway</html>")]
    [InlineData("", null, "HTTP 400 with an empty body")]
    public void Every_error_body_shape_is_parsed(string body, string? expectedCode, string expectedDetail)
    {
        (string? code, string detail) = ErrorBodyParser.Parse(HttpStatusCode.BadRequest, Encoding.UTF8.GetBytes(body));
        Assert.Equal(expectedCode, code);
        Assert.Equal(expectedDetail, detail);
    }

    [Fact]
    public async Task Canary_key_and_secret_never_appear_in_logs_or_exceptions_even_when_calls_fail()
    {
        const string CanaryKey = "on_canarykey0123456789abcdef";
        const string CanarySecret = "canary-secret-0123456789";
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync(new OnyxEmulatorOptions { AdminApiKey = CanaryKey });
        emulator.Faults.ServerErrorRate = 0.5;
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using OnyxClient onyx = TestClients.Create(emulator, o => o.Retry.MaxRetries = 10, logger: factory.CreateLogger<OnyxClient>());
        var texts = new List<string>();

        Credential credential = await onyx.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = CanarySecret, JiraUserEmail = "ops@example.com" })
            .ContinueWith(t => t.IsFaulted ? null! : t.Result);
        texts.Add(credential?.ToString() ?? "");
        emulator.Faults.Reset();
        ConnectorCreated created = await onyx.Connectors.CreateJiraAsync("jira-x", new JiraConnectorConfig { JiraBaseUrl = "https://a.example.com" });
        texts.Add((await Record(() => onyx.Connectors.AssociateCredentialAsync(created.Id, 12345, "x"))).ToString());
        using OnyxClient wrongKey = TestClients.Create(emulator, o => o.ApiKey = CanaryKey + "x");
        texts.Add((await Record(() => wrongKey.Connectors.ListAsync())).ToString());

        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines.Concat(texts), text =>
        {
            Assert.DoesNotContain(CanaryKey, text);
            Assert.DoesNotContain(CanarySecret, text);
        });
    }

    private static async Task<Exception> Record(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("Expected the call to fail.");
    }
}
