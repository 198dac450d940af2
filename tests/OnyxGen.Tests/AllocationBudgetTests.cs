using OnyxGen.Connectors;
using OnyxGen.Serialization;
using Xunit;

namespace OnyxGen.Tests;

/// <summary>
/// Serializing a connector create request stays within a fixed allocation budget. Counted with
/// GC.GetAllocatedBytesForCurrentThread, which is exact for the calling thread, so this guard does not depend on timing.
/// </summary>
public sealed class AllocationBudgetTests
{
    /// <summary>
    /// Measured: 424 bytes per call on .NET 10.0.12 (x64) for the 399-byte request below: exactly the result array
    /// (399 bytes + a 24-byte array header, rounded). The writer and its buffer are reused per thread and the generated
    /// WriteJson loops over lists by index (no boxed enumerators), so nothing else is allocated. (Before those two
    /// changes: 4,888 bytes, mostly a buffer grown to 4 KB per request.) The budget allows about 50% headroom for
    /// runtime and layout differences, so the test fails on a real regression (a per-request buffer, a per-property
    /// allocation), not on noise.
    /// </summary>
    private const long CreateRequestBudgetBytes = 640;

    private static readonly JiraConnectorConfig Config = new()
    {
        JiraBaseUrl = "https://acme.atlassian.net",
        ProjectKey = "ENG",
        CommentEmailBlacklist = ["legal@company.com", "bot@company.com"],
        LabelsToSkip = ["wontfix", "duplicate"],
        JqlQuery = "project = ENG AND status != Done",
        ScopedToken = false,
    };

    private static ConnectorRequestFields Fields() => new(
        "jira-ENG", Config, InputType.Poll, AccessType.Public, TimeSpan.FromHours(1), TimeSpan.FromDays(1), null, null);

    [Fact]
    public void Serializing_a_Jira_create_request_allocates_within_its_budget()
    {
        ConnectorRequestFields fields = Fields();
        int length = RequestWriter.ConnectorRequest(fields).Length; // warm up: JIT, static caches

        const int Calls = 20;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            RequestWriter.ConnectorRequest(fields);
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;

        Assert.True(perCall <= CreateRequestBudgetBytes, $"Serializing a {length}-byte Jira create request allocated {perCall} bytes per call; the budget is {CreateRequestBudgetBytes}.");
    }
}
