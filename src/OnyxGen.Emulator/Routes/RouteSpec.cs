using OnyxGen.Emulator.Auth;

namespace OnyxGen.Emulator.Routes;

/// <summary>One Onyx route: how it is matched, who may call it, and which Python function it stands for.</summary>
internal sealed class RouteSpec
{
    public required string Method { get; init; }

    /// <summary>The route template as FastAPI declares it, e.g. <c>/manage/admin/connector/{connector_id}</c>.</summary>
    public required string Template { get; init; }

    public required Permission Permission { get; init; }

    /// <summary>Whether the endpoint declares a body model (only then is the body read and JSON-parsed).</summary>
    public bool HasBody { get; init; }

    /// <summary>The Python function name, used in the 422 message tail.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The Python file, used in the 422 message tail.</summary>
    public required string SourceFile { get; init; }

    public int SourceLine { get; init; } = 1;

    /// <summary>Routes on the connector router answer 501 when the vector DB is disabled (onyx-api.md §1.3).</summary>
    public bool OnConnectorRouter { get; init; }

    public required Func<ApiRequest, ApiResult> Handler { get; init; }

    public string Key => Method + " " + Template;
}
