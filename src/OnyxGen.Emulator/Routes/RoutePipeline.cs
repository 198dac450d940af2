using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OnyxGen.Emulator.Auth;
using OnyxGen.Emulator.Errors;
using OnyxGen.Emulator.Validation;

namespace OnyxGen.Emulator.Routes;

/// <summary>
/// Runs one matched route in Onyx's order (onyx-api.md §2.4): body JSON parsing (422 before auth), authentication and
/// permission (403), then the handler, which validates the request model (422) before its own logic.
/// </summary>
internal static class RoutePipeline
{
    public static void Map(WebApplication app, EmulatorContext context, IEnumerable<RouteSpec> routes)
    {
        foreach (var route in routes)
            app.MapMethods(route.Template, [route.Method], http => ExecuteAsync(http, route, context));
    }

    private static async Task ExecuteAsync(HttpContext http, RouteSpec route, EmulatorContext context)
    {
        context.Stats.CountRoute(route.Key);
        ApiResult result;
        try
        {
            var body = route.HasBody ? await ReadBodyAsync(http, route) : RequestBody.Missing;
            using (context.Store.Sync.EnterScope())
            {
                var caller = ApiKeyAuthentication.Authenticate(http.Request, context.Store, route.Permission);
                if (route.OnConnectorRouter && context.DisableVectorDb)
                    throw OnyxErrors.Http(501, "This feature requires a vector database (DISABLE_VECTOR_DB is set).");
                var request = new ApiRequest
                {
                    Http = http, Route = route, Caller = caller, Body = body,
                    Validation = new ValidationErrors(route), Context = context,
                };
                result = route.Handler(request);
            }
        }
        catch (OnyxApiException error)
        {
            await WriteJsonAsync(http, error.StatusCode, error.Body);
            return;
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // Shape E: what Onyx's catch-all handler does with an exception nobody caught.
            await WriteJsonAsync(http, 500, OnyxErrors.Unhandled(unexpected.Message).Body);
            return;
        }

        if (result.Committed && context.Faults.ShouldDropAfterCommit(http.Request.Method, http.Request.Path.Value ?? ""))
        {
            // The change is stored; the client only sees a broken connection (is a retry safe?).
            context.Stats.CountDropped();
            http.Abort();
            return;
        }
        await WriteJsonAsync(http, 200, result.Body);
    }

    public static async Task WriteJsonAsync(HttpContext http, int status, System.Text.Json.Nodes.JsonNode? body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        var bytes = JsonValues.ToUtf8(body);
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }

    /// <summary>FastAPI's body handling: empty is "missing"; JSON is parsed unless a non-JSON content type was sent.</summary>
    private static async Task<RequestBody> ReadBodyAsync(HttpContext http, RouteSpec route)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return RequestBody.Missing;

        var contentType = http.Request.ContentType;
        if (!string.IsNullOrEmpty(contentType) && !IsJsonContentType(contentType)) return RequestBody.FromRaw(bytes);

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return RequestBody.FromJson(document.RootElement.Clone());
        }
        catch (JsonException error)
        {
            var errors = new ValidationErrors(route);
            errors.Add("json_invalid", new PyTuple("body", CharPosition(bytes, error)), ValidationMessages.JsonDecodeError,
                new PyDict(), new PyDict { { "error", "Expecting value" } });
            errors.ThrowIfAny();
            throw; // unreachable: ThrowIfAny always throws here
        }
    }

    private static bool IsJsonContentType(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        var slash = mediaType.IndexOf('/');
        if (slash < 0) return false;
        var main = mediaType[..slash];
        var sub = mediaType[(slash + 1)..];
        return main.Equals("application", StringComparison.OrdinalIgnoreCase)
            && (sub.Equals("json", StringComparison.OrdinalIgnoreCase) || sub.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Python reports the character offset of a decode error; System.Text.Json gives line and byte.</summary>
    private static long CharPosition(byte[] bytes, JsonException error)
    {
        var line = error.LineNumber ?? 0;
        var offset = 0;
        for (var i = 0; i < bytes.Length && line > 0; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line--;
                offset = i + 1;
            }
        }
        var byteOffset = (int)Math.Min(bytes.Length, offset + (error.BytePositionInLine ?? 0));
        return Encoding.UTF8.GetCharCount(bytes, 0, byteOffset);
    }
}
