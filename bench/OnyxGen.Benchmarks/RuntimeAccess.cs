using System.Linq.Expressions;
using System.Reflection;
using OnyxGen.Connectors;

namespace OnyxGen.Benchmarks;

/// <summary>
/// The runtime's request writer is internal (InternalsVisibleTo OnyxGen.Tests only). A compiled expression calls it
/// exactly as <c>ConnectorsClient.CreateAsync</c> does, so the benchmark measures the shipped code, not a copy; the
/// delegate call adds a few nanoseconds and no allocation.
/// </summary>
public static class RuntimeAccess
{
    public static readonly Func<string, IConnectorConfig, TimeSpan?, TimeSpan?, ReadOnlyMemory<byte>> ConnectorRequest = Compile();

    /// <summary>The Jira config every runtime benchmark serializes: every property set.</summary>
    public static JiraConnectorConfig Jira(int i) => new()
    {
        JiraBaseUrl = "https://acme.atlassian.net",
        ProjectKey = "ENG" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CommentEmailBlacklist = ["legal@company.com", "bot@company.com"],
        LabelsToSkip = ["wontfix", "duplicate"],
        JqlQuery = "project = ENG AND status != Done",
        ScopedToken = false,
    };

    private static Func<string, IConnectorConfig, TimeSpan?, TimeSpan?, ReadOnlyMemory<byte>> Compile()
    {
        Assembly runtime = typeof(OnyxClient).Assembly;
        Type writer = runtime.GetType("OnyxGen.Serialization.RequestWriter", throwOnError: true)!;
        Type fields = runtime.GetType("OnyxGen.Serialization.ConnectorRequestFields", throwOnError: true)!;
        MethodInfo method = writer.GetMethod("ConnectorRequest", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        ConstructorInfo ctor = fields.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single(c => c.GetParameters().Length == 8);

        ParameterExpression name = Expression.Parameter(typeof(string), "name");
        ParameterExpression config = Expression.Parameter(typeof(IConnectorConfig), "config");
        ParameterExpression refresh = Expression.Parameter(typeof(TimeSpan?), "refresh");
        ParameterExpression prune = Expression.Parameter(typeof(TimeSpan?), "prune");
        // new ConnectorRequestFields(name, config, config.Descriptor.DefaultInputType, AccessType.Public, refresh, prune, null, null)
        Expression inputType = Expression.Property(Expression.Property(config, typeof(IConnectorConfig).GetProperty(nameof(IConnectorConfig.Descriptor))!), nameof(ConnectorDescriptor.DefaultInputType));
        NewExpression create = Expression.New(
            ctor,
            name,
            config,
            inputType,
            Expression.Constant(AccessType.Public),
            refresh,
            prune,
            Expression.Constant(null, typeof(DateTime?)),
            Expression.Constant(null, typeof(IReadOnlyList<int>)));
        return Expression.Lambda<Func<string, IConnectorConfig, TimeSpan?, TimeSpan?, ReadOnlyMemory<byte>>>(Expression.Call(method, create), name, config, refresh, prune).Compile();
    }
}
