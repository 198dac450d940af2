using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Masking;

/// <summary>
/// The server's credential masking (onyx-api.md §5.0). Applied to every credential_json in a response; the stored
/// value is never changed, so a client that sends a masked value back stores the placeholder, as on the real server.
/// </summary>
internal static class CredentialMasking
{
    /// <summary>Strings shorter than this (in code points, as Python's len) become twelve bullets.</summary>
    public const int Threshold = 14;

    public static readonly string Bullets = new('\u2022', 12);

    public const string NumberMask = "*****";

    private static readonly HashSet<string> ExemptKeys = new(StringComparer.Ordinal)
    {
        "authentication_method", "wiki_base", "cloud_name", "cloud_id", "scopes",
    };

    public static JsonObject Mask(JsonObject credentialJson)
    {
        var result = new JsonObject();
        foreach (var (key, value) in credentialJson)
            result[key] = ExemptKeys.Contains(key) ? value?.DeepClone() : MaskValue(value);
        return result;
    }

    private static JsonNode? MaskValue(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonObject obj:
                return Mask(obj);
            case JsonArray array:
                var masked = new JsonArray();
                foreach (var item in array) masked.Add(MaskValue(item));
                return masked;
            default:
                var kind = value.GetValueKind();
                return kind switch
                {
                    JsonValueKind.String => JsonValue.Create(MaskString(value.GetValue<string>())),
                    JsonValueKind.Number => JsonValue.Create(NumberMask),
                    _ => value.DeepClone(), // booleans and nulls are returned unchanged
                };
        }
    }

    public static string MaskString(string value)
    {
        var runes = value.EnumerateRunes().ToArray();
        if (runes.Length < Threshold) return Bullets;
        var sb = new StringBuilder();
        foreach (var rune in runes[..4]) sb.Append(rune.ToString());
        sb.Append("...");
        foreach (var rune in runes[^4..]) sb.Append(rune.ToString());
        return sb.ToString();
    }
}
