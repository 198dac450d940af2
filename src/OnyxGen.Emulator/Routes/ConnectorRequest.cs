using System.Text.Json.Nodes;
using OnyxGen.Emulator.Validation;

namespace OnyxGen.Emulator.Routes;

/// <summary>ConnectorUpdateRequest (onyx-api.md §5.1), read in pydantic's field order.</summary>
internal sealed class ConnectorRequest
{
    public required string Name { get; init; }

    public required string Source { get; init; }

    public required string InputType { get; init; }

    public required JsonObject Config { get; init; }

    public long? RefreshFreq { get; init; }

    public long? PruneFreq { get; init; }

    public DateTime? IndexingStart { get; init; }

    public required string AccessType { get; init; }

    public required List<long> Groups { get; init; }

    public static ConnectorRequest Read(ApiRequest request)
    {
        var model = new RequestModel(request.Body, request.Validation);
        return new ConnectorRequest
        {
            Name = model.RequiredString("name"),
            Source = model.RequiredEnum("source", EnumSpec.DocumentSource),
            InputType = model.RequiredEnum("input_type", EnumSpec.InputType),
            Config = model.RequiredDict("connector_specific_config"),
            RefreshFreq = model.OptionalNullableInt("refresh_freq"),
            PruneFreq = model.OptionalNullableInt("prune_freq"),
            IndexingStart = model.OptionalNullableDateTime("indexing_start"),
            AccessType = model.RequiredEnum("access_type", EnumSpec.AccessType),
            Groups = model.OptionalIntList("groups"),
        };
    }
}
