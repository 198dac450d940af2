using System.Globalization;
using System.Text.Json;

namespace OnyxGen.Validation;

/// <summary>JSON value equality as JSON Schema defines it (for enum, const, uniqueItems): numbers by value, objects unordered.</summary>
internal static class JsonSemantics
{
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        if (left.ValueKind == JsonValueKind.Number && right.ValueKind == JsonValueKind.Number)
        {
            return NumbersEqual(left, right);
        }

        bool leftBool = left.ValueKind is JsonValueKind.True or JsonValueKind.False;
        bool rightBool = right.ValueKind is JsonValueKind.True or JsonValueKind.False;
        if (left.ValueKind != right.ValueKind && !(leftBool && rightBool))
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.True:
            case JsonValueKind.False:
                return left.ValueKind == right.ValueKind;
            case JsonValueKind.String:
                return left.GetString() == right.GetString();
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                JsonElement.ArrayEnumerator rightItems = right.EnumerateArray();
                foreach (JsonElement item in left.EnumerateArray())
                {
                    rightItems.MoveNext();
                    if (!AreEqual(item, rightItems.Current))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                var leftProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (JsonProperty property in left.EnumerateObject())
                {
                    leftProperties[property.Name] = property.Value;
                }

                int rightCount = 0;
                foreach (JsonProperty property in right.EnumerateObject())
                {
                    rightCount++;
                    if (!leftProperties.TryGetValue(property.Name, out JsonElement value) || !AreEqual(value, property.Value))
                    {
                        return false;
                    }
                }

                return rightCount == leftProperties.Count;
            default:
                return true;
        }
    }

    private static bool NumbersEqual(JsonElement left, JsonElement right)
    {
        if (left.TryGetDecimal(out decimal a) && right.TryGetDecimal(out decimal b))
        {
            return a == b;
        }

        return left.GetDouble() == right.GetDouble();
    }

    /// <summary>True when the number has no fractional part (1.0 is an integer, as JSON Schema says).</summary>
    public static bool IsInteger(JsonElement number)
    {
        if (number.TryGetDecimal(out decimal value))
        {
            return decimal.Truncate(value) == value;
        }

        double d = number.GetDouble();
        return !double.IsInfinity(d) && Math.Floor(d) == d;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "'" + value.GetString() + "'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };

    public static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
