using System.Globalization;
using System.Text.Json;

namespace OnyxGen.Emulator.Validation;

/// <summary>pydantic v2 lax-mode coercions for JSON input (onyx-api.md §3.1: "60" is an int, 60 is not a str).</summary>
internal static class LaxConversions
{
    public static bool TryParseIntString(string raw, out long value)
    {
        var text = raw.Trim();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Int from JSON: ints, whole floats, numeric strings and booleans; null means failure with an error.</summary>
    public static PyError? ToInt(JsonElement element, PyTuple loc, out long value)
    {
        value = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                if (element.TryGetInt64(out value)) return null;
                var d = element.GetDouble();
                if (Math.Floor(d) == d && Math.Abs(d) < 9.2e18)
                {
                    value = (long)d;
                    return null;
                }
                return new PyError("int_from_float", loc, ValidationMessages.IntFromFloat, element);
            case JsonValueKind.String:
                if (TryParseIntString(element.GetString()!, out value)) return null;
                return new PyError("int_parsing", loc, ValidationMessages.IntParsing, element);
            case JsonValueKind.True:
                value = 1;
                return null;
            case JsonValueKind.False:
                return null;
            default:
                return new PyError("int_type", loc, ValidationMessages.IntType, element);
        }
    }

    private static readonly HashSet<string> TrueStrings = new(StringComparer.OrdinalIgnoreCase) { "1", "on", "t", "true", "y", "yes" };
    private static readonly HashSet<string> FalseStrings = new(StringComparer.OrdinalIgnoreCase) { "0", "off", "f", "false", "n", "no" };

    public static PyError? ToBool(JsonElement element, PyTuple loc, out bool value)
    {
        value = false;
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return null;
            case JsonValueKind.False:
                return null;
            case JsonValueKind.Number:
                var d = element.GetDouble();
                if (d is 0 or 1)
                {
                    value = d == 1;
                    return null;
                }
                return new PyError("bool_parsing", loc, ValidationMessages.BoolParsing, element);
            case JsonValueKind.String:
                var s = element.GetString()!.Trim();
                if (TrueStrings.Contains(s))
                {
                    value = true;
                    return null;
                }
                if (FalseStrings.Contains(s)) return null;
                return new PyError("bool_parsing", loc, ValidationMessages.BoolParsing, element);
            default:
                return new PyError("bool_type", loc, ValidationMessages.BoolType, element);
        }
    }

    /// <summary>Datetime from ISO-8601 text or Unix seconds (milliseconds above 2e10, as pydantic does); result is UTC.</summary>
    public static PyError? ToDateTime(JsonElement element, PyTuple loc, out DateTime value)
    {
        value = default;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto) && text.Length >= 10)
                {
                    value = dto.UtcDateTime;
                    return null;
                }
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fromText))
                {
                    value = FromUnix(fromText);
                    return null;
                }
                return new PyError("datetime_from_date_parsing", loc, ValidationMessages.DateTimeParsing, element,
                    new PyDict { { "error", "invalid character in year" } });
            case JsonValueKind.Number:
                value = FromUnix(element.GetDouble());
                return null;
            default:
                return new PyError("datetime_type", loc, ValidationMessages.DateTimeType, element);
        }
    }

    private static DateTime FromUnix(double seconds)
    {
        if (Math.Abs(seconds) > 2e10) seconds /= 1000;
        return DateTime.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }
}
