using System.Text.Json;

namespace OnyxGen.Provisioning;

/// <summary>JSON equality as the server sees it: object key order does not matter, array order does, numbers by value.</summary>
internal static class JsonSemanticEquality
{
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                int leftCount = 0;
                foreach (JsonProperty property in left.EnumerateObject())
                {
                    leftCount++;
                    if (!right.TryGetProperty(property.Name, out JsonElement other) || !AreEqual(property.Value, other))
                    {
                        return false;
                    }
                }

                return leftCount == right.EnumerateObject().Count();
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                JsonElement.ArrayEnumerator rightItems = right.EnumerateArray();
                foreach (JsonElement leftItem in left.EnumerateArray())
                {
                    rightItems.MoveNext();
                    if (!AreEqual(leftItem, rightItems.Current))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                return left.ValueEquals(right.GetString());
            case JsonValueKind.Number:
                return left.TryGetDecimal(out decimal a) && right.TryGetDecimal(out decimal b)
                    ? a == b
                    : left.GetDouble().Equals(right.GetDouble());
            default:
                return true; // true, false, null: equal kinds are equal values
        }
    }

    /// <summary>The top-level keys whose values differ (or exist on one side only), sorted.</summary>
    public static IReadOnlyList<string> DifferentKeys(JsonElement current, JsonElement desired)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (current.ValueKind != JsonValueKind.Object || desired.ValueKind != JsonValueKind.Object)
        {
            keys.Add("connector_specific_config");
            return keys.ToList();
        }

        foreach (JsonProperty property in desired.EnumerateObject())
        {
            if (!current.TryGetProperty(property.Name, out JsonElement value) || !AreEqual(value, property.Value))
            {
                keys.Add(property.Name);
            }
        }

        foreach (JsonProperty property in current.EnumerateObject())
        {
            if (!desired.TryGetProperty(property.Name, out _))
            {
                keys.Add(property.Name);
            }
        }

        return keys.ToList();
    }
}
