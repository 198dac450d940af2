using System.Net;
using System.Text.Json;

namespace OnyxGen.Http;

/// <summary>Reads the server's five error body shapes into (error code, detail).</summary>
internal static class ErrorBodyParser
{
    public static (string? ErrorCode, string Detail) Parse(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, Fallback(status, body));
            }

            string? errorCode = null, detail = null, message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error_code"u8))
                {
                    reader.Read();
                    errorCode = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("detail"u8))
                {
                    reader.Read();
                    detail = reader.TokenType == JsonTokenType.String ? reader.GetString() : RawText(ref reader, body);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return (errorCode, detail ?? message ?? Fallback(status, body));
        }
        catch (JsonException)
        {
            return (null, Fallback(status, body));
        }
    }

    private static string RawText(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        long start = reader.TokenStartIndex;
        reader.Skip();
        long end = reader.BytesConsumed;
        return System.Text.Encoding.UTF8.GetString(body[(int)start..(int)end]);
    }

    private static string Fallback(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        const int Max = 500;
        string text = body.Length == 0 ? "" : System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, Max)]);
        return text.Length == 0 ? $"HTTP {(int)status} with an empty body" : text;
    }
}
