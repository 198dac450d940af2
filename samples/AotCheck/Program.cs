using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OnyxGen;
using OnyxGen.Connectors;

// Exercises every runtime path a trimmed, AOT-compiled app uses: DI and configuration binding, generated types
// (write, validate, read), provisioning plans, and the client. With ONYX_API_URL/ONYX_API_KEY set it also calls the server.
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Onyx:BaseUrl"] = Environment.GetEnvironmentVariable("ONYX_API_URL") ?? "http://127.0.0.1:9/api",
    ["Onyx:ApiKey"] = Environment.GetEnvironmentVariable("ONYX_API_KEY") ?? "on_aot_check",
}).Build();
var services = new ServiceCollection();
services.AddOnyxClient(configuration.GetSection("Onyx"));
using ServiceProvider provider = services.BuildServiceProvider();
OnyxClient onyx = provider.GetRequiredService<OnyxClient>();

var jira = new JiraConnectorConfig { JiraBaseUrl = "https://acme.atlassian.net", ProjectKey = "TECH", CommentEmailBlacklist = ["legal@company.com"] };
var buffer = new ArrayBufferWriter<byte>();
using (var writer = new Utf8JsonWriter(buffer))
{
    jira.WriteJson(writer);
}

using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
JiraConnectorConfig read = JiraConnectorConfig.FromJson(document.RootElement);
Console.WriteLine($"jira: {System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)} valid={read.Validate().Count == 0}");
Console.WriteLine($"drive descriptor: {GoogleDriveConnectorConfig.Descriptor.Source} perm-sync={GoogleDriveConnectorConfig.Descriptor.SupportsPermissionSync}");
Console.WriteLine($"s3 credential: {new S3Credential { AwsAccessKeyId = "AKIA", AwsSecretAccessKey = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "not-set" }}");

if (Environment.GetEnvironmentVariable("ONYX_API_URL") is not null)
{
    foreach (ProvisioningResult planned in await onyx.Provisioning.PlanAsync([new ConnectorSpec("jira-TECH", jira)]))
    {
        Console.WriteLine(planned);
    }
}
