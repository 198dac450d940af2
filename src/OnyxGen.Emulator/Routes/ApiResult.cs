using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Routes;

/// <summary>A handler's successful answer (always HTTP 200 on Onyx) and whether it changed state.</summary>
internal sealed record ApiResult(JsonNode? Body, bool Committed)
{
    public static ApiResult Ok(JsonNode? body) => new(body, false);

    /// <summary>A success after a state change; the drop-after-commit fault applies only to these.</summary>
    public static ApiResult Commit(JsonNode? body) => new(body, true);
}
