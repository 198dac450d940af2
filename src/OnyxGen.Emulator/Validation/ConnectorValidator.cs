using System.Text.Json;
using System.Text.Json.Nodes;
using OnyxGen.Emulator.Schemas;
using OnyxGen.Emulator.Store;

namespace OnyxGen.Emulator.Validation;

/// <summary>
/// The stand-in for Onyx's association-time connector validation (onyx-api.md §6 steps 4–8, §7.3 steps 2–6). The
/// real server builds the Python class and usually calls the external service; this runs the same checks in the same
/// order from the catalog schema table and returns the inner message Onyx would wrap in "Connector validation error: ".
/// </summary>
internal sealed class ConnectorValidator(ConnectorSchemaTable schemas, IReadOnlyDictionary<string, string> externalRejections)
{
    /// <summary>Built-in values that make the "external service" refuse, so tests can reach step 8 deterministically.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultRejections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["emulator-invalid-credential"] = "Credential is invalid",
        ["emulator-expired-credential"] = "Credential has expired",
        ["emulator-insufficient-permissions"] = "Insufficient permissions for the requested operation",
    };

    /// <summary>Returns null when valid, else the inner failure message. The caller has already checked steps 1–3 of §6.</summary>
    public string? Validate(ConnectorRecord connector, JsonObject credentialJson)
    {
        var source = connector.Source;

        // Step 4: a class must exist for the source.
        if (!DocumentSources.HasConnectorClass(source))
            return $"Connector not found for source={DocumentSources.PythonMember(source)}";

        var schema = schemas.Find(source);

        // Step 5: the class must support the input type; slim_retrieval is never checked, no class implements event.
        var inputType = connector.InputType;
        if (inputType != "slim_retrieval")
        {
            var accepted = schema is null || schema.InputTypes.Count == 0
                ? inputType != "event"
                : schema.InputTypes.Contains(inputType);
            if (!accepted)
                return $"Connector for source={DocumentSources.PythonMember(source)} does not accept input_type=InputType.{inputType.ToUpperInvariant()}";
        }

        // A source with a class but no catalog file yet is accepted leniently from here on.
        if (schema is null) return ExternalRejection(connector.Config, credentialJson);

        // Step 6: the constructor call. Python names the first unexpected keyword before any missing one.
        var configError = CheckConfigKeys(schema, connector.Config);
        if (configError is not null) return configError;

        // Step 7: load_credentials.
        var credentialError = CheckCredentialKeys(schema, credentialJson);
        if (credentialError is not null) return credentialError;

        // Step 8: the connector's own checks against the external service.
        return ExternalRejection(connector.Config, credentialJson);
    }

    private static string? CheckConfigKeys(ConnectorSchema schema, JsonObject config)
    {
        // web ignores extra keys; drupal_wiki's constructor names every keyword it takes, so extras always fail there.
        var rejectExtras = schema.Source == "drupal_wiki" || (schema.Source != "web" && !schema.AllowsExtraKeys);
        if (rejectExtras)
        {
            var known = new HashSet<string>(schema.Properties, StringComparer.Ordinal);
            foreach (var (key, _) in config)
            {
                if (!known.Contains(key))
                    return $"{schema.ClassName}.__init__() got an unexpected keyword argument '{key}'";
            }
        }

        var requiredSet = new HashSet<string>(schema.Required, StringComparer.Ordinal);
        // Python lists missing arguments in signature order: properties order, then any required-only names.
        var ordered = schema.Properties.Where(requiredSet.Contains)
            .Concat(schema.Required.Where(r => !schema.Properties.Contains(r)))
            .Distinct(StringComparer.Ordinal);
        var missing = ordered.Where(name => !config.ContainsKey(name)).ToList();
        if (missing.Count == 0) return null;
        return $"{schema.ClassName}.__init__() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {PythonNameList(missing)}";
    }

    /// <summary>Python's wording: <c>'a'</c>, <c>'a' and 'b'</c>, <c>'a', 'b', and 'c'</c>.</summary>
    internal static string PythonNameList(IReadOnlyList<string> names)
    {
        var quoted = names.Select(n => $"'{n}'").ToList();
        return quoted.Count switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} and {quoted[1]}",
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", and " + quoted[^1],
        };
    }

    private static string? CheckCredentialKeys(ConnectorSchema schema, JsonObject credentialJson)
    {
        // A missing key surfaces as Python's KeyError text: the quoted key name.
        foreach (var key in schema.CredentialRequired)
            if (!IsPresent(credentialJson, key)) return $"'{key}'";

        if (schema.CredentialOneOf.Count == 0) return null;
        if (schema.CredentialOneOf.Any(branch => branch.All(key => IsPresent(credentialJson, key)))) return null;
        var firstMissing = schema.CredentialOneOf[0].FirstOrDefault(key => !IsPresent(credentialJson, key));
        return firstMissing is null ? "Credential is invalid" : $"'{firstMissing}'";
    }

    private static bool IsPresent(JsonObject json, string key)
    {
        if (!json.TryGetPropertyValue(key, out var value) || value is null) return false;
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>().Trim().Length > 0,
            JsonValueKind.Object => ((JsonObject)value).Count > 0,
            JsonValueKind.Array => ((JsonArray)value).Count > 0,
            JsonValueKind.Null => false,
            _ => true,
        };
    }

    /// <summary>Step 8's deterministic hook: any configured string value anywhere in the config or credential fails.</summary>
    private string? ExternalRejection(JsonObject config, JsonObject credentialJson)
    {
        if (externalRejections.Count == 0) return null;
        return FindRejection(credentialJson) ?? FindRejection(config);
    }

    private string? FindRejection(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                    if (FindRejection(value) is { } message) return message;
                return null;
            case JsonArray array:
                foreach (var item in array)
                    if (FindRejection(item) is { } message) return message;
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return externalRejections.TryGetValue(value.GetValue<string>(), out var text) ? text : null;
            default:
                return null;
        }
    }
}
