using System.Text.Json.Serialization;
using OnyxGen.Serialization;

namespace OnyxGen;

/// <summary>Who can see the documents of a connector-credential pair. Sent as <c>public</c>, <c>private</c> or <c>sync</c>.</summary>
[JsonConverter(typeof(AccessTypeJsonConverter))]
public enum AccessType
{
    /// <summary><c>public</c>: every user can see the documents.</summary>
    Public,

    /// <summary><c>private</c>: only the given user groups can see the documents.</summary>
    Private,

    /// <summary><c>sync</c>: permissions are synced from the source (needs a source with permission sync).</summary>
    Sync,
}

/// <summary>How Onyx runs a connector. Sent as <c>load_state</c>, <c>poll</c>, <c>event</c> or <c>slim_retrieval</c>.</summary>
[JsonConverter(typeof(InputTypeJsonConverter))]
public enum InputType
{
    /// <summary><c>load_state</c>: a full load on each run (web, file, xenforo, airtable).</summary>
    LoadState,

    /// <summary><c>poll</c>: incremental runs over a time window (most sources).</summary>
    Poll,

    /// <summary><c>event</c>: event driven (no Onyx connector implements it).</summary>
    Event,

    /// <summary><c>slim_retrieval</c>: id-only retrieval used for pruning.</summary>
    SlimRetrieval,
}

/// <summary>The status of a connector-credential pair. Sent upper case (<c>ACTIVE</c>, <c>PAUSED</c>, ...).</summary>
[JsonConverter(typeof(ConnectorCredentialPairStatusJsonConverter))]
public enum ConnectorCredentialPairStatus
{
    /// <summary>A value this version of OnyxGen does not know.</summary>
    Unknown,

    /// <summary><c>SCHEDULED</c>: new pairs start here.</summary>
    Scheduled,

    /// <summary><c>INITIAL_INDEXING</c>.</summary>
    InitialIndexing,

    /// <summary><c>ACTIVE</c>.</summary>
    Active,

    /// <summary><c>PAUSED</c>.</summary>
    Paused,

    /// <summary><c>DELETING</c>.</summary>
    Deleting,

    /// <summary><c>INVALID</c>.</summary>
    Invalid,
}

/// <summary>Exact wire strings of the enums (case-sensitive: lower and upper case enums coexist in Onyx).</summary>
public static class OnyxWireNames
{
    /// <summary>The wire string of an access type.</summary>
    /// <param name="value">The access type.</param>
    public static string ToWire(this AccessType value) => value switch
    {
        AccessType.Public => "public",
        AccessType.Private => "private",
        AccessType.Sync => "sync",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not an Onyx access type."),
    };

    /// <summary>The wire string of an input type.</summary>
    /// <param name="value">The input type.</param>
    public static string ToWire(this InputType value) => value switch
    {
        InputType.LoadState => "load_state",
        InputType.Poll => "poll",
        InputType.Event => "event",
        InputType.SlimRetrieval => "slim_retrieval",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not an Onyx input type."),
    };

    /// <summary>The wire string of a pair status.</summary>
    /// <param name="value">The status.</param>
    public static string ToWire(this ConnectorCredentialPairStatus value) => value switch
    {
        ConnectorCredentialPairStatus.Scheduled => "SCHEDULED",
        ConnectorCredentialPairStatus.InitialIndexing => "INITIAL_INDEXING",
        ConnectorCredentialPairStatus.Active => "ACTIVE",
        ConnectorCredentialPairStatus.Paused => "PAUSED",
        ConnectorCredentialPairStatus.Deleting => "DELETING",
        ConnectorCredentialPairStatus.Invalid => "INVALID",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a status Onyx accepts."),
    };

    /// <summary>Parses an access type wire string.</summary>
    /// <param name="wire">The wire string.</param>
    /// <param name="value">The parsed value.</param>
    public static bool TryParseAccessType(string? wire, out AccessType value)
    {
        (bool ok, value) = wire switch
        {
            "public" => (true, AccessType.Public),
            "private" => (true, AccessType.Private),
            "sync" => (true, AccessType.Sync),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>Parses an input type wire string.</summary>
    /// <param name="wire">The wire string.</param>
    /// <param name="value">The parsed value.</param>
    public static bool TryParseInputType(string? wire, out InputType value)
    {
        (bool ok, value) = wire switch
        {
            "load_state" => (true, InputType.LoadState),
            "poll" => (true, InputType.Poll),
            "event" => (true, InputType.Event),
            "slim_retrieval" => (true, InputType.SlimRetrieval),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>Parses a pair status wire string; unknown strings give <see cref="ConnectorCredentialPairStatus.Unknown"/>.</summary>
    /// <param name="wire">The wire string.</param>
    public static ConnectorCredentialPairStatus ParseStatus(string? wire) => wire switch
    {
        "SCHEDULED" => ConnectorCredentialPairStatus.Scheduled,
        "INITIAL_INDEXING" => ConnectorCredentialPairStatus.InitialIndexing,
        "ACTIVE" => ConnectorCredentialPairStatus.Active,
        "PAUSED" => ConnectorCredentialPairStatus.Paused,
        "DELETING" => ConnectorCredentialPairStatus.Deleting,
        "INVALID" => ConnectorCredentialPairStatus.Invalid,
        _ => ConnectorCredentialPairStatus.Unknown,
    };
}
