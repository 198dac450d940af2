using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OnyxGen.Emulator.Routes;

namespace OnyxGen.Emulator.Faults;

/// <summary>
/// The middleware that applies <see cref="EmulatorFaults"/> before routing: latency, rate limiting, injected 429s and
/// 5xx answers. (Drop-after-commit happens in the route pipeline, after the handler stored its change.)
/// </summary>
internal static class FaultInjection
{
    public static void UseFaultInjection(this WebApplication app, EmulatorContext context)
    {
        app.Use(async (http, next) =>
        {
            context.Stats.CountRequest();
            var path = http.Request.Path.Value ?? "";
            if (path.StartsWith("/api/", StringComparison.Ordinal)) path = path[4..]; // filters see the /manage path

            var decision = context.Faults.Decide(http.Request.Method, path);
            if (decision.Delay > TimeSpan.Zero)
            {
                context.Stats.CountDelayed();
                await Task.Delay(decision.Delay, http.RequestAborted);
            }
            switch (decision.Kind)
            {
                case FaultKind.RateLimited:
                    context.Stats.CountRateLimited();
                    await WriteTooManyRequestsAsync(http, decision.RetryAfterSeconds);
                    return;
                case FaultKind.TooManyRequests:
                    context.Stats.CountTooManyRequests();
                    await WriteTooManyRequestsAsync(http, decision.RetryAfterSeconds);
                    return;
                case FaultKind.ServerError:
                    context.Stats.CountServerError(decision.StatusCode);
                    await WriteServerErrorAsync(http, decision.StatusCode);
                    return;
            }
            await next(http);
        });
    }

    // Onyx itself has no limiter on these routes; a 429 comes from a proxy or gateway in front of it.
    private static Task WriteTooManyRequestsAsync(HttpContext http, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return RoutePipeline.WriteJsonAsync(http, 429, new JsonObject { ["detail"] = "Too Many Requests" });
    }

    /// <summary>500 is the API server's own shape E; 502–504 are what the shipped nginx answers (an HTML page).</summary>
    private static async Task WriteServerErrorAsync(HttpContext http, int status)
    {
        if (status == 500)
        {
            await RoutePipeline.WriteJsonAsync(http, 500, new JsonObject { ["detail"] = "Internal Server Error (injected fault)" });
            return;
        }
        var reason = status switch
        {
            502 => "Bad Gateway",
            503 => "Service Temporarily Unavailable",
            504 => "Gateway Time-out",
            _ => "Server Error",
        };
        var html = $"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        var bytes = Encoding.UTF8.GetBytes(html);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }
}
