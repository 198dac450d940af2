using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Errors;

/// <summary>
/// A failure a handler raises; the route pipeline turns it into the response. Thrown rather than returned so the
/// handlers read like the Python code they mirror (raise HTTPException / OnyxError / ValueError).
/// </summary>
internal sealed class OnyxApiException(int statusCode, JsonNode body) : Exception(body.ToJsonString())
{
    public int StatusCode { get; } = statusCode;

    public JsonNode Body { get; } = body;
}

/// <summary>
/// The five error body shapes of onyx-api.md §3. Each endpoint uses the shape the real handler produces, so the
/// factory names say which Python construct they stand for.
/// </summary>
internal static class OnyxErrors
{
    /// <summary>Shape A: FastAPI HTTPException, <c>{"detail": "..."}</c>.</summary>
    public static OnyxApiException Http(int status, string detail) =>
        new(status, new JsonObject { ["detail"] = detail });

    /// <summary>Shape B: OnyxError, <c>{"error_code": "...", "detail": "..."}</c>.</summary>
    public static OnyxApiException Onyx(int status, string errorCode, string detail) =>
        new(status, OnyxBody(errorCode, detail));

    /// <summary>Shape C: an uncaught ValueError, <c>{"message": "..."}</c> with status 400 and no detail key.</summary>
    public static OnyxApiException ValueError(string message) =>
        new(400, new JsonObject { ["message"] = message });

    /// <summary>Shape D: request validation, <c>{"status_code": 422, "message": "...", "data": null}</c>.</summary>
    public static OnyxApiException Validation(string message) =>
        new(422, new JsonObject { ["status_code"] = 422, ["message"] = message, ["data"] = null });

    /// <summary>Shape E: an unhandled exception, <c>{"detail": str(exc)}</c> with status 500.</summary>
    public static OnyxApiException Unhandled(string text) => Http(500, text);

    public static JsonObject OnyxBody(string errorCode, string detail) =>
        new() { ["error_code"] = errorCode, ["detail"] = detail };

    // Codes and texts used in more than one place.
    public const string InvalidInput = "INVALID_INPUT";
    public const string InsufficientPermissions = "INSUFFICIENT_PERMISSIONS";
    public const string NotFound = "NOT_FOUND";
    public const string ConnectorNotFound = "CONNECTOR_NOT_FOUND";
    public const string InternalError = "INTERNAL_ERROR";
    public const string SessionUnrecognized = "SESSION_UNRECOGNIZED";

    /// <summary>Associate swallows every failure except validation into this one (onyx-api.md §5.13).</summary>
    public static OnyxApiException UnexpectedError() => Onyx(500, InternalError, "Unexpected error");

    public static OnyxApiException ConnectionNotFoundForUser() =>
        Onyx(403, InsufficientPermissions, "Connection not found for current user's permissions");

    public static OnyxApiException DuplicateConnectorName() =>
        Http(400, "Connector by this name already exists, duplicate naming not allowed.");
}
