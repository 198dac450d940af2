using System.Globalization;
using System.Text.Json.Nodes;
using OnyxGen.Emulator.Masking;
using OnyxGen.Emulator.Store;

namespace OnyxGen.Emulator.Routes;

/// <summary>The response models of onyx-api.md §5.0, with the server's field order.</summary>
internal static class ResponseShapes
{
    /// <summary>UTC with <c>Z</c>; microseconds only when non-zero, as pydantic prints them.</summary>
    public static string Timestamp(DateTime utc)
    {
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var micro = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        return micro == 0 ? text + "Z" : text + "." + micro.ToString("000000", CultureInfo.InvariantCulture) + "Z";
    }

    /// <summary>A naive datetime (no timezone suffix), the form of <c>indexing_start</c>.</summary>
    public static string? Naive(DateTime? value)
    {
        if (value is null) return null;
        var text = value.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var micro = value.Value.Ticks % TimeSpan.TicksPerSecond / 10;
        return micro == 0 ? text : text + "." + micro.ToString("000000", CultureInfo.InvariantCulture);
    }

    public static JsonObject Connector(ConnectorRecord c, IEnumerable<long> credentialIds) => new()
    {
        ["name"] = c.Name,
        ["source"] = c.Source,
        ["input_type"] = c.InputType,
        ["connector_specific_config"] = c.Config.DeepClone(),
        ["refresh_freq"] = c.RefreshFreq,
        ["prune_freq"] = c.PruneFreq,
        ["indexing_start"] = Naive(c.IndexingStart),
        ["id"] = c.Id,
        ["credential_ids"] = JsonValues.IdArray(credentialIds),
        ["time_created"] = Timestamp(c.TimeCreated),
        ["time_updated"] = Timestamp(c.TimeUpdated),
    };

    public static JsonObject CredentialJson(CredentialRecord c, bool mask) =>
        mask ? CredentialMasking.Mask(c.CredentialJson) : JsonValues.CloneObject(c.CredentialJson);

    public static JsonObject Credential(CredentialRecord c, bool mask, bool omitEmail = false) => new()
    {
        ["credential_json"] = CredentialJson(c, mask),
        ["admin_public"] = c.AdminPublic,
        ["source"] = c.Source ?? "not_applicable",
        ["name"] = c.Name,
        ["curator_public"] = c.CuratorPublic,
        ["groups"] = new JsonArray(), // saved groups are never echoed
        ["id"] = c.Id,
        ["user_id"] = c.OwnerUserId?.ToString(),
        ["user_email"] = omitEmail ? null : c.OwnerEmail,
        ["time_created"] = Timestamp(c.TimeCreated),
        ["time_updated"] = Timestamp(c.TimeUpdated),
    };

    /// <summary>The CredentialBase fields only: the admin PUT response (onyx-api.md §5.11).</summary>
    public static JsonObject CredentialBase(CredentialRecord c, bool mask) => new()
    {
        ["credential_json"] = CredentialJson(c, mask),
        ["admin_public"] = c.AdminPublic,
        ["source"] = c.Source ?? "not_applicable",
        ["name"] = c.Name,
        ["curator_public"] = c.CuratorPublic,
        ["groups"] = new JsonArray(),
    };

    public static JsonObject Status(bool success, string? message, long? data) => new()
    {
        ["success"] = success,
        ["message"] = message,
        ["data"] = data,
    };
}
