using System.Text.Json.Serialization;

namespace OnyxGen.Serialization;

/// <summary>Source-generated metadata for every response the runtime reads (no reflection-based serialization).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ConnectorCreated))]
[JsonSerializable(typeof(Connector))]
[JsonSerializable(typeof(List<Connector>))]
[JsonSerializable(typeof(Credential))]
[JsonSerializable(typeof(List<Credential>))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(CcPairInfo))]
[JsonSerializable(typeof(CredentialCreatedResponse))]
internal sealed partial class OnyxJsonContext : JsonSerializerContext
{
}

/// <summary>The <c>ObjectCreationIdResponse</c> of a credential create.</summary>
internal sealed class CredentialCreatedResponse
{
    [JsonPropertyName("id")] public int Id { get; init; }

    [JsonPropertyName("credential")] public Credential? Credential { get; init; }
}
