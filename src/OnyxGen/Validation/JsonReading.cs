using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace OnyxGen.Validation;

/// <summary>
/// Reads JSON values into typed values for generated <c>FromJson</c>/<c>ValidateJson</c>, reporting a value of the wrong
/// JSON type as a violation rather than throwing. Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReading
{
    /// <summary>Reads a string.</summary>
    public static bool TryString(JsonElement json, string pointer, List<OnyxValidationError> errors, out string value)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            value = json.GetString()!;
            return true;
        }

        value = "";
        errors.Add(new(pointer, $"must be a string; got {JsonSemantics.KindName(json)}."));
        return false;
    }

    /// <summary>Reads a secret string.</summary>
    public static bool TrySecret(JsonElement json, string pointer, List<OnyxValidationError> errors, out OnyxSecret value)
    {
        bool ok = TryString(json, pointer, errors, out string text);
        value = new OnyxSecret(text);
        return ok;
    }

    /// <summary>Reads an integer (1.0 counts: JSON Schema integers are values, not spellings).</summary>
    public static bool TryInteger(JsonElement json, string pointer, List<OnyxValidationError> errors, out long value)
    {
        if (json.ValueKind == JsonValueKind.Number && JsonSemantics.IsInteger(json))
        {
            if (json.TryGetInt64(out value))
            {
                return true;
            }

            if (json.TryGetDecimal(out decimal exact) && exact >= long.MinValue && exact <= long.MaxValue)
            {
                value = (long)exact;
                return true;
            }

            errors.Add(new(pointer, "is an integer outside the 64-bit range OnyxGen supports."));
            return false;
        }

        value = 0;
        errors.Add(new(pointer, $"must be an integer; got {JsonSemantics.KindName(json)}."));
        return false;
    }

    /// <summary>Reads a number.</summary>
    public static bool TryNumber(JsonElement json, string pointer, List<OnyxValidationError> errors, out double value)
    {
        if (json.ValueKind == JsonValueKind.Number)
        {
            value = json.GetDouble();
            return true;
        }

        value = 0;
        errors.Add(new(pointer, $"must be a number; got {JsonSemantics.KindName(json)}."));
        return false;
    }

    /// <summary>Reads a boolean.</summary>
    public static bool TryBoolean(JsonElement json, string pointer, List<OnyxValidationError> errors, out bool value)
    {
        if (json.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = json.GetBoolean();
            return true;
        }

        value = false;
        errors.Add(new(pointer, $"must be a boolean; got {JsonSemantics.KindName(json)}."));
        return false;
    }

    /// <summary>Reads a <c>format: uuid</c> string.</summary>
    public static bool TryUuid(JsonElement json, string pointer, List<OnyxValidationError> errors, out Guid value)
    {
        value = Guid.Empty;
        if (!TryString(json, pointer, errors, out string text))
        {
            return false;
        }

        if (FormatRules.IsUuid(text) && Guid.TryParseExact(text, "D", out value))
        {
            return true;
        }

        errors.Add(new(pointer, $"must be a UUID (8-4-4-4-12 hex digits); got '{text}'."));
        return false;
    }

    /// <summary>Reads a <c>format: date-time</c> string (RFC 3339: a date, 'T', a time and an offset).</summary>
    public static bool TryDateTime(JsonElement json, string pointer, List<OnyxValidationError> errors, out DateTimeOffset value)
    {
        value = default;
        if (!TryString(json, pointer, errors, out string text))
        {
            return false;
        }

        if (!FormatRules.TryDateTimeParts(text, out int year, out int month, out int day, out int hour, out int minute, out int second, out string fraction, out int offsetMinutes))
        {
            errors.Add(new(pointer, $"must be an RFC 3339 date-time with an offset; got '{text}'."));
            return false;
        }

        // Valid RFC 3339 that DateTimeOffset cannot hold: a leap second, year 0000, an offset beyond ±14:00.
        if (second == 60 || year == 0 || Math.Abs(offsetMinutes) > 14 * 60)
        {
            errors.Add(new(pointer, $"is a valid date-time that DateTimeOffset cannot represent (leap second, year 0 or offset beyond ±14:00); got '{text}'."));
            return false;
        }

        long ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.Length >= 7 ? fraction.Substring(0, 7) : fraction.PadRight(7, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(ticks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // At the very ends of the calendar the offset moves the instant out of DateTimeOffset's range.
            errors.Add(new(pointer, $"is a valid date-time outside the range DateTimeOffset can represent; got '{text}'."));
            return false;
        }
    }

    /// <summary>Reads an array, each item with <paramref name="readItem"/>.</summary>
    public static bool TryArray<T>(JsonElement json, string pointer, List<OnyxValidationError> errors, ItemReader<T> readItem, out IReadOnlyList<T> value)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            value = [];
            errors.Add(new(pointer, $"must be an array; got {JsonSemantics.KindName(json)}."));
            return false;
        }

        var items = new List<T>(json.GetArrayLength());
        bool ok = true;
        int index = 0;
        foreach (JsonElement item in json.EnumerateArray())
        {
            if (readItem(item, pointer + "/" + index.ToString(CultureInfo.InvariantCulture), errors, out T? read))
            {
                items.Add(read);
            }
            else
            {
                ok = false;
            }

            index++;
        }

        value = items;
        return ok;
    }

    /// <summary>A JSON <c>null</c>, for checking a required property that holds no value.</summary>
    public static JsonElement Null { get; } = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>Keeps any JSON value as it is (a copy that outlives the document); an item reader for values of no single type.</summary>
    public static bool TryAnyItem(JsonElement json, string pointer, List<OnyxValidationError> errors, out JsonElement value)
    {
        value = json.Clone();
        return true;
    }

    /// <summary>The wire-string lookup of a generated enum whose members are 0..n-1 in the order of <paramref name="wires"/>.</summary>
    public static Dictionary<string, TEnum> WireTable<TEnum>(string[] wires)
        where TEnum : struct, Enum
    {
        var table = new Dictionary<string, TEnum>(wires.Length, StringComparer.Ordinal);
        for (int i = 0; i < wires.Length; i++)
        {
            int ordinal = i;
            table[wires[i]] = System.Runtime.CompilerServices.Unsafe.As<int, TEnum>(ref ordinal);
        }

        return table;
    }

    /// <summary>Reads a generated enum from its wire string.</summary>
    public static bool TryEnum<TEnum>(JsonElement json, string pointer, List<OnyxValidationError> errors, Dictionary<string, TEnum> table, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (!TryString(json, pointer, errors, out string wire))
        {
            return false;
        }

        if (table.TryGetValue(wire, out value))
        {
            return true;
        }

        errors.Add(new(pointer, $"must be one of {string.Join(", ", table.Keys.Select(k => "'" + k + "'"))}; got '{wire}'."));
        return false;
    }

    /// <summary>Checks that the value is a JSON object.</summary>
    public static bool IsObject(JsonElement json, string pointer, List<OnyxValidationError> errors)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(new(pointer, $"must be an object; got {JsonSemantics.KindName(json)}."));
        return false;
    }

    /// <summary>Reports a property the schema does not allow.</summary>
    public static void NotAllowed(List<OnyxValidationError> errors, string pointer, string name)
        => errors.Add(new(pointer + "/" + name.Replace("~", "~0").Replace("/", "~1"), "is not allowed (the schema has additionalProperties: false)."));

    /// <summary>
    /// Reads the value of one property: JSON <c>null</c> is "no value" where the schema allows it (false, no violation) and
    /// a violation where it does not; anything else goes to <paramref name="read"/>.
    /// </summary>
    public static bool Member<T>(JsonElement json, string pointer, List<OnyxValidationError> errors, bool allowNull, ItemReader<T> read, [MaybeNullWhen(false)] out T value)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            value = default!;
            if (!allowNull)
            {
                errors.Add(new(pointer, "must not be null."));
            }

            return false;
        }

        return read(json, pointer, errors, out value);
    }

    /// <summary>Reads the value of one array property (see <see cref="Member{T}"/> for null), each item with <paramref name="readItem"/>.</summary>
    public static bool ArrayMember<T>(JsonElement json, string pointer, List<OnyxValidationError> errors, bool allowNull, ItemReader<T> readItem, out IReadOnlyList<T> value)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            value = [];
            if (!allowNull)
            {
                errors.Add(new(pointer, "must not be null."));
            }

            return false;
        }

        return TryArray(json, pointer, errors, readItem, out value);
    }

    /// <summary>A reader of arrays of <typeparamref name="T"/>, for arrays nested in arrays.</summary>
    public static ItemReader<IReadOnlyList<T>> ArrayOf<T>(ItemReader<T> readItem)
        => (JsonElement json, string pointer, List<OnyxValidationError> errors, [MaybeNullWhen(false)] out IReadOnlyList<T> value) => TryArray(json, pointer, errors, readItem, out value);

    /// <summary>The body of a generated <c>FromJson</c>: reads the value or throws with every violation.</summary>
    /// <exception cref="OnyxValidationException">The JSON does not fit the type.</exception>
    public static T FromJson<T>(JsonElement json, string typeName, ItemReader<T> tryRead)
        where T : class
    {
        var errors = new List<OnyxValidationError>();
        return tryRead(json, "", errors, out T? result) ? result : throw new OnyxValidationException(typeName, errors);
    }

    /// <summary>The body of a generated <c>ValidateJson</c>: reads the value, then validates what was read.</summary>
    public static IReadOnlyList<OnyxValidationError> ValidateJson<T>(JsonElement json, ItemReader<T> tryRead)
        where T : class, ISchemaObject
    {
        var errors = new List<OnyxValidationError>();
        if (tryRead(json, "", errors, out T? result))
        {
            result.ValidateInto("", errors);
        }

        return errors;
    }

    /// <summary>Reads one item of an array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    public delegate bool ItemReader<T>(JsonElement json, string pointer, List<OnyxValidationError> errors, [MaybeNullWhen(false)] out T value);
}
