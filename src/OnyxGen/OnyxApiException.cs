using System.Net;

namespace OnyxGen;

/// <summary>
/// An error answer from the Onyx server, parsed from any of its error body shapes
/// (<c>{"detail"}</c>, <c>{"error_code","detail"}</c>, <c>{"message"}</c>, the 422 <c>{"status_code","message","data"}</c>, and 500s).
/// The message never contains the API key or credential values: they are redacted from the server's text.
/// </summary>
public class OnyxApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The server's <c>error_code</c>, when the body has one.</param>
    /// <param name="detail">The server's <c>detail</c> or <c>message</c> text (redacted).</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path (no query, no secrets).</param>
    public OnyxApiException(HttpStatusCode statusCode, string? errorCode, string detail, string method, string path)
        : base($"Onyx answered {(int)statusCode} {(errorCode is null ? "" : errorCode + " ")}to {method} {path}: {detail}")
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Detail = detail;
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's <c>error_code</c> (e.g. <c>INVALID_INPUT</c>), null when the body has none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's <c>detail</c> or <c>message</c>, with secrets redacted.</summary>
    public string Detail { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request path.</summary>
    public string Path { get; }

    /// <summary>
    /// True when the server refused the API key itself (403 whose detail starts with <c>Access denied.</c>, or a <c>SESSION_*</c> code).
    /// Onyx never answers 401 for a bad key; its 401 means "credential not found".
    /// </summary>
    public bool IsAuthenticationFailure =>
        StatusCode == HttpStatusCode.Forbidden
        && (Detail.StartsWith("Access denied.", StringComparison.Ordinal) || (ErrorCode?.StartsWith("SESSION_", StringComparison.Ordinal) ?? false));

    /// <summary>True for a 422 request validation error (the request did not match the server's model).</summary>
    public bool IsRequestValidationError => (int)StatusCode == 422;

    /// <summary>True when the server's connector validation (run on associate) refused the config or credential.</summary>
    public bool IsConnectorValidationError =>
        StatusCode == HttpStatusCode.BadRequest && Detail.StartsWith("Connector validation error", StringComparison.Ordinal);
}
