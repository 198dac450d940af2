using JiraProjects;
using OnyxGen;
using OnyxGen.Emulator;

// With ONYX_API_URL (the API base, ending in /api) and ONYX_API_KEY this talks to that Onyx server.
// Without them it starts the embedded Onyx emulator, so the sample runs anywhere.
string? apiUrl = Environment.GetEnvironmentVariable("ONYX_API_URL");
string? apiKey = Environment.GetEnvironmentVariable("ONYX_API_KEY");
string? jiraToken = Environment.GetEnvironmentVariable("JIRA_API_TOKEN");

await using OnyxEmulator? emulator = string.IsNullOrEmpty(apiUrl) ? await OnyxEmulator.StartAsync() : null;
if (emulator is not null)
{
    Console.WriteLine($"ONYX_API_URL is not set: using the embedded Onyx emulator at {emulator.BaseUrl}");
    Console.WriteLine();
    apiUrl = emulator.BaseUrl.ToString();
    apiKey = emulator.ApiKey;
    jiraToken ??= "emulator-demo-jira-token";
}
else if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("ONYX_API_URL is set but ONYX_API_KEY is not: give the admin API key to use.");
    return 2;
}

var jira = new JiraSettings(
    BaseUrl: Environment.GetEnvironmentVariable("JIRA_BASE_URL") ?? "https://your-company.atlassian.net",
    ApiToken: jiraToken is null ? (OnyxSecret?)null : new OnyxSecret(jiraToken),
    UserEmail: Environment.GetEnvironmentVariable("JIRA_USER_EMAIL") ?? (emulator is not null ? "ops@company.com" : null));

using var onyx = new OnyxClient(new OnyxClientOptions { BaseUrl = new Uri(apiUrl!), ApiKey = apiKey });
try
{
    await JiraProjectsFlow.RunAsync(onyx, jira, Console.Out);
    return 0;
}
catch (OnyxApiException ex)
{
    Console.Error.WriteLine($"Onyx refused a request: {ex.Message}");
    return 1;
}
catch (OnyxValidationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
