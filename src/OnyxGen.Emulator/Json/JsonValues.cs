using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnyxGen.Emulator;

/// <summary>
/// JSON helpers. Bodies are built as <see cref="JsonNode"/> trees: responses embed free-form objects
/// (credential_json, connector_specific_config) and need a fixed field order, and nodes need no reflection.
/// </summary>
internal static class JsonValues
{
    /// <summary>Starlette writes UTF-8 without escaping non-ASCII (ensure_ascii=False), e.g. the masking bullets.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            if (node is null) writer.WriteNullValue();
            else node.WriteTo(writer);
        }
        return stream.ToArray();
    }

    /// <summary>Object properties as Python's json.loads sees them: duplicate keys keep the last value.</summary>
    public static IEnumerable<KeyValuePair<string, JsonElement>> LastWinsProperties(JsonElement element)
    {
        var order = new List<string>();
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!values.ContainsKey(property.Name)) order.Add(property.Name);
            values[property.Name] = property.Value;
        }
        foreach (var name in order) yield return new KeyValuePair<string, JsonElement>(name, values[name]);
    }

    /// <summary>A detached node copy of an element (last-wins on duplicate keys, so JsonObject never throws).</summary>
    public static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var (key, value) in LastWinsProperties(element)) obj[key] = ToNode(value);
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray()) array.Add(ToNode(item));
                return array;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return JsonNode.Parse(element.GetRawText());
        }
    }

    public static JsonObject CloneObject(JsonObject source) => (JsonObject)source.DeepClone();

    public static JsonArray IdArray(IEnumerable<long> ids)
    {
        var array = new JsonArray();
        foreach (var id in ids) array.Add(id);
        return array;
    }
}
