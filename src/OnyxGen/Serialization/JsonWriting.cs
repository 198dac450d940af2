using System.ComponentModel;
using System.Text.Json;
using OnyxGen.Validation;

namespace OnyxGen.Serialization;

/// <summary>
/// Writes one property of a generated class. <c>Optional</c> leaves the property out when the value is null (Onyx then
/// applies its default); <c>Required</c> always writes it, as JSON null when there is no value (validation reports that
/// before anything is sent). Lists are written by index: enumerating an <see cref="IReadOnlyList{T}"/> would box.
/// Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWriting
{
    /// <summary>The property names of a generated type, encoded once.</summary>
    public static JsonEncodedText[] Names(params string[] names)
    {
        var encoded = new JsonEncodedText[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            encoded[i] = JsonEncodedText.Encode(names[i]);
        }

        return encoded;
    }

    /// <summary>Writes a string property unless the value is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a string property; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a secret's value unless it is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, OnyxSecret? value)
    {
        if (value is { } secret)
        {
            writer.WriteString(name, secret.Reveal());
        }
    }

    /// <summary>Writes a secret's value; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, OnyxSecret? value) => Required(writer, name, value?.Reveal());

    /// <summary>Writes an integer property unless the value is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes an integer property; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            Optional(writer, name, value);
        }
    }

    /// <summary>Writes a number property unless the value is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a number property; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            Optional(writer, name, value);
        }
    }

    /// <summary>Writes a boolean property unless the value is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    /// <summary>Writes a boolean property; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            Optional(writer, name, value);
        }
    }

    /// <summary>Writes a <c>uuid</c> property unless the value is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        if (value is { } uuid)
        {
            writer.WriteString(name, uuid);
        }
    }

    /// <summary>Writes a <c>uuid</c> property; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            Optional(writer, name, value);
        }
    }

    /// <summary>Writes a <c>date-time</c> property unless the value is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            writer.WriteString(name, instant);
        }
    }

    /// <summary>Writes a <c>date-time</c> property; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            Optional(writer, name, value);
        }
    }

    /// <summary>Writes raw JSON unless the value is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is { } json)
        {
            writer.WritePropertyName(name);
            json.WriteTo(writer);
        }
    }

    /// <summary>Writes raw JSON; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        writer.WritePropertyName(name);
        if (value is { } json)
        {
            json.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a nested object unless it is null.</summary>
    public static void Optional(Utf8JsonWriter writer, JsonEncodedText name, ISchemaObject? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            value.WriteJson(writer);
        }
    }

    /// <summary>Writes a nested object; null as JSON null.</summary>
    public static void Required(Utf8JsonWriter writer, JsonEncodedText name, ISchemaObject? value)
    {
        writer.WritePropertyName(name);
        if (value is not null)
        {
            value.WriteJson(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a generated enum as its wire string unless it is null.</summary>
    public static void Optional<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum? value, Func<TEnum, string> toWire)
        where TEnum : struct, Enum
    {
        if (value is { } member)
        {
            writer.WriteString(name, toWire(member));
        }
    }

    /// <summary>Writes a generated enum as its wire string; null as JSON null.</summary>
    public static void Required<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum? value, Func<TEnum, string> toWire)
        where TEnum : struct, Enum
        => Required(writer, name, value is { } member ? toWire(member) : null);

    /// <summary>Writes a list unless it is null, each item with <paramref name="writeItem"/>.</summary>
    public static void Optional<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? values, Action<Utf8JsonWriter, T> writeItem)
    {
        if (values is not null)
        {
            writer.WritePropertyName(name);
            Array(writer, values, writeItem);
        }
    }

    /// <summary>Writes a list, each item with <paramref name="writeItem"/>; null as JSON null.</summary>
    public static void Required<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? values, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WritePropertyName(name);
        if (values is not null)
        {
            Array(writer, values, writeItem);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a list as a JSON array, each item with <paramref name="writeItem"/>.</summary>
    public static void Array<T>(Utf8JsonWriter writer, IReadOnlyList<T> values, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        for (int i = 0; i < values.Count; i++)
        {
            writeItem(writer, values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a string item.</summary>
    public static void Item(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes a secret item.</summary>
    public static void Item(Utf8JsonWriter writer, OnyxSecret value) => writer.WriteStringValue(value.Reveal());

    /// <summary>Writes an integer item.</summary>
    public static void Item(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number item.</summary>
    public static void Item(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>Writes a boolean item.</summary>
    public static void Item(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a <c>uuid</c> item.</summary>
    public static void Item(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    /// <summary>Writes a <c>date-time</c> item.</summary>
    public static void Item(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes a raw JSON item.</summary>
    public static void Item(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>Writes a nested object item.</summary>
    public static void Item(Utf8JsonWriter writer, ISchemaObject value) => value.WriteJson(writer);
}
