using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnyxGen.Serialization;

// Explicit per-member wire names: a naming policy cannot serve Onyx, whose lower and upper case enums coexist.

internal sealed class DocumentSourceJsonConverter : JsonConverter<DocumentSource>
{
    public override DocumentSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? DocumentSource.NotApplicable : new DocumentSource(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, DocumentSource value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}

internal sealed class AccessTypeJsonConverter : JsonConverter<AccessType>
{
    public override AccessType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? wire = reader.GetString();
        return OnyxWireNames.TryParseAccessType(wire, out AccessType value)
            ? value
            : throw new JsonException($"'{wire}' is not an Onyx access type.");
    }

    public override void Write(Utf8JsonWriter writer, AccessType value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToWire());
}

internal sealed class InputTypeJsonConverter : JsonConverter<InputType>
{
    public override InputType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? wire = reader.GetString();
        return OnyxWireNames.TryParseInputType(wire, out InputType value)
            ? value
            : throw new JsonException($"'{wire}' is not an Onyx input type.");
    }

    public override void Write(Utf8JsonWriter writer, InputType value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToWire());
}

internal sealed class ConnectorCredentialPairStatusJsonConverter : JsonConverter<ConnectorCredentialPairStatus>
{
    public override ConnectorCredentialPairStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => OnyxWireNames.ParseStatus(reader.GetString());

    public override void Write(Utf8JsonWriter writer, ConnectorCredentialPairStatus value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToWire());
}
