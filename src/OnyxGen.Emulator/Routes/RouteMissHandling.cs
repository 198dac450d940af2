using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OnyxGen.Emulator.Routes;

/// <summary>
/// Starlette's answers where no handler runs (onyx-api.md §1.1, §1.2, §7.1 item 2). ASP.NET's own defaults are empty
/// bodies and it matches trailing slashes silently, so both are replaced here.
/// </summary>
internal static class RouteMissHandling
{
    /// <summary>Must sit between UseRouting and the endpoints, so the matched endpoint (or none) is known.</summary>
    public static void UseOnyxRouteMisses(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path.Value ?? "";
            var endpoint = http.GetEndpoint();
            if (endpoint is null)
            {
                await RoutePipeline.WriteJsonAsync(http, 404, new JsonObject { ["detail"] = "404: Not Found" });
                return;
            }
            if (path.Length > 1 && path.EndsWith('/'))
            {
                // Starlette redirects /x/ to /x when /x exists (it matches by path, whatever the method).
                var request = http.Request;
                var location = $"{request.Scheme}://{request.Host}{request.PathBase}{path.TrimEnd('/')}{request.QueryString}";
                http.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                http.Response.Headers.Location = location;
                http.Response.ContentLength = 0;
                return;
            }
            await next(http);
            // ASP.NET's 405 endpoint sets the status and Allow header but writes nothing.
            if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !http.Response.HasStarted)
                await RoutePipeline.WriteJsonAsync(http, 405, new JsonObject { ["detail"] = "Method Not Allowed" });
        });
    }
}
