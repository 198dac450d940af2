using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnyxGen.Emulator.Validation;

/// <summary>
/// Reads one pydantic request model from the body, field by field in declaration order, adding pydantic's errors
/// to the request's collector. Unknown properties are ignored, as on every Onyx request model.
/// </summary>
internal sealed class RequestModel
{
    private readonly ValidationErrors _errors;
    private readonly Dictionary<string, JsonElement>? _fields;
    private readonly JsonElement _whole;

    public RequestModel(RequestBody body, ValidationErrors errors)
    {
        _errors = errors;
        if (body.IsMissing)
        {
            errors.Add("missing", new PyTuple("body"), ValidationMessages.FieldRequired, null);
            return;
        }
        if (body.Raw is not null)
        {
            errors.Add("model_attributes_type", new PyTuple("body"), ValidationMessages.ModelAttributesType, new PyBytes(body.Raw));
            return;
        }
        _whole = body.Json!.Value;
        if (_whole.ValueKind != JsonValueKind.Object)
        {
            errors.Add("model_attributes_type", new PyTuple("body"), ValidationMessages.ModelAttributesType, _whole);
            return;
        }
        _fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in JsonValues.LastWinsProperties(_whole)) _fields[key] = value;
    }

    /// <summary>False when the body itself was rejected; field readers then return defaults without further errors.</summary>
    public bool IsObject => _fields is not null;

    private static PyTuple Loc(string field) => new("body", field);

    private bool TryGet(string field, bool required, out JsonElement value)
    {
        value = default;
        if (_fields is null) return false;
        if (_fields.TryGetValue(field, out value)) return true;
        if (required) _errors.Add("missing", Loc(field), ValidationMessages.FieldRequired, _whole);
        return false;
    }

    public string RequiredString(string field) =>
        TryGet(field, true, out var v) ? StringValue(field, v) ?? "" : "";

    public string? OptionalString(string field, bool nullable = true)
    {
        if (!TryGet(field, false, out var v)) return null;
        if (nullable && v.ValueKind == JsonValueKind.Null) return null;
        return StringValue(field, v);
    }

    private string? StringValue(string field, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        _errors.Add("string_type", Loc(field), ValidationMessages.StringType, v);
        return null;
    }

    public string RequiredEnum(string field, EnumSpec spec) =>
        TryGet(field, true, out var v) ? EnumValue(field, v, spec) ?? "" : "";

    public string OptionalEnum(string field, EnumSpec spec, string defaultValue) =>
        TryGet(field, false, out var v) ? EnumValue(field, v, spec) ?? defaultValue : defaultValue;

    private string? EnumValue(string field, JsonElement v, EnumSpec spec)
    {
        if (v.ValueKind == JsonValueKind.String && spec.Contains(v.GetString()!)) return v.GetString();
        _errors.Add(spec.Error(Loc(field), v));
        return null;
    }

    public JsonObject RequiredDict(string field) =>
        TryGet(field, true, out var v) ? DictValue(field, v) ?? [] : [];

    public JsonObject? OptionalNullableDict(string field)
    {
        if (!TryGet(field, false, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return DictValue(field, v);
    }

    private JsonObject? DictValue(string field, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Object) return (JsonObject)JsonValues.ToNode(v)!;
        _errors.Add("dict_type", Loc(field), ValidationMessages.DictType, v);
        return null;
    }

    public long RequiredInt(string field)
    {
        if (!TryGet(field, true, out var v)) return 0;
        var error = LaxConversions.ToInt(v, Loc(field), out var value);
        if (error is not null) _errors.Add(error);
        return value;
    }

    public long? OptionalNullableInt(string field)
    {
        if (!TryGet(field, false, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        var error = LaxConversions.ToInt(v, Loc(field), out var value);
        if (error is null) return value;
        _errors.Add(error);
        return null;
    }

    public bool RequiredBool(string field)
    {
        if (!TryGet(field, true, out var v)) return false;
        var error = LaxConversions.ToBool(v, Loc(field), out var value);
        if (error is not null) _errors.Add(error);
        return value;
    }

    public bool OptionalBool(string field, bool defaultValue)
    {
        if (!TryGet(field, false, out var v)) return defaultValue;
        var error = LaxConversions.ToBool(v, Loc(field), out var value);
        if (error is null) return value;
        _errors.Add(error);
        return defaultValue;
    }

    /// <summary><c>list[int] = []</c>: absent means empty, <c>null</c> is a list_type error (onyx-api.md §7.1 item 6).</summary>
    public List<long> OptionalIntList(string field)
    {
        if (!TryGet(field, false, out var v)) return [];
        return IntListValue(field, v) ?? [];
    }

    /// <summary><c>list[int] | None = None</c>.</summary>
    public List<long>? OptionalNullableIntList(string field)
    {
        if (!TryGet(field, false, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return IntListValue(field, v);
    }

    private List<long>? IntListValue(string field, JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            _errors.Add("list_type", Loc(field), ValidationMessages.ListType, v);
            return null;
        }
        var list = new List<long>();
        var index = 0;
        foreach (var item in v.EnumerateArray())
        {
            var error = LaxConversions.ToInt(item, new PyTuple("body", field, index), out var value);
            if (error is not null) _errors.Add(error);
            else list.Add(value);
            index++;
        }
        return list;
    }

    public DateTime? OptionalNullableDateTime(string field)
    {
        if (!TryGet(field, false, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        var error = LaxConversions.ToDateTime(v, Loc(field), out var value);
        if (error is null) return value;
        _errors.Add(error);
        return null;
    }
}
