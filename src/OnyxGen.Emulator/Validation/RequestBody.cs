using System.Text.Json;

namespace OnyxGen.Emulator.Validation;

/// <summary>What FastAPI hands to model validation: nothing, parsed JSON, or raw bytes (non-JSON content type).</summary>
internal sealed class RequestBody
{
    private RequestBody(JsonElement? json, byte[]? raw)
    {
        Json = json;
        Raw = raw;
    }

    public static readonly RequestBody Missing = new(null, null);

    public static RequestBody FromJson(JsonElement json) => new(json, null);

    public static RequestBody FromRaw(byte[] raw) => new(null, raw);

    public JsonElement? Json { get; }

    public byte[]? Raw { get; }

    /// <summary>An empty body and a JSON <c>null</c> body both count as "missing" to FastAPI.</summary>
    public bool IsMissing => Raw is null && (Json is null || Json.Value.ValueKind == JsonValueKind.Null);
}
