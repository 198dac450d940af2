using System.Text.Json;

namespace OnyxGen;

/// <summary>
/// A typed connector config (<c>connector_specific_config</c>). OnyxGen generates one class per schema file;
/// the runtime writes it with <see cref="WriteJson"/>, so no reflection is involved (trimming and AOT safe).
/// </summary>
public interface IConnectorConfig
{
    /// <summary>What the connector's schema says about the connector itself: source, input types, permission sync.</summary>
    ConnectorDescriptor Descriptor { get; }

    /// <summary>Writes the config as the JSON object Onyx stores, with only the properties that are set.</summary>
    /// <param name="writer">The writer.</param>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>Checks the config against its schema; an empty list means valid.</summary>
    IReadOnlyList<OnyxValidationError> Validate();
}

/// <summary>
/// A typed credential (<c>credential_json</c>) for one source. Secret values are <see cref="OnyxSecret"/>s,
/// which never print their value.
/// </summary>
public interface IConnectorCredential
{
    /// <summary>The source the credential is for.</summary>
    DocumentSource Source { get; }

    /// <summary>Writes the credential as the JSON object Onyx stores.</summary>
    /// <param name="writer">The writer.</param>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>Checks the credential against its schema; an empty list means valid.</summary>
    IReadOnlyList<OnyxValidationError> Validate();
}

/// <summary>A connector config of a known, generated type; lets a typed credential be associated only with a connector of its source.</summary>
/// <typeparam name="TCredential">The credential type of the same source.</typeparam>
public interface IConnectorConfig<TCredential> : IConnectorConfig
    where TCredential : IConnectorCredential
{
}

/// <summary>Facts about a connector taken from its schema file.</summary>
/// <param name="Source">The DocumentSource.</param>
/// <param name="ConnectorClassName">The Onyx (Python) connector class, as it appears in server validation messages.</param>
/// <param name="InputTypes">The input types the connector accepts; the first is the default.</param>
/// <param name="SupportsPermissionSync">Whether Onyx supports <see cref="AccessType.Sync"/> for this source.</param>
public sealed record ConnectorDescriptor(
    DocumentSource Source,
    string ConnectorClassName,
    IReadOnlyList<InputType> InputTypes,
    bool SupportsPermissionSync)
{
    /// <summary>The input type sent when none is given: the first one the schema lists (the one the admin UI sends).</summary>
    public InputType DefaultInputType => InputTypes.Count > 0 ? InputTypes[0] : InputType.Poll;
}
