using System.Text.Json;

namespace OnyxGen.Provisioning;

/// <summary>Which top-level config keys differ between the server's connector and a spec (for updates and plans).</summary>
internal static class ConfigDifferences
{
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
            if (!current.TryGetProperty(property.Name, out JsonElement value) || !OnyxGen.Validation.JsonSemantics.AreEqual(value, property.Value))
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
