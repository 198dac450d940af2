namespace OnyxGen.Emulator.Schemas;

/// <summary>What the validation stand-in needs from one catalog schema file (docs/catalog-authoring.md).</summary>
internal sealed class ConnectorSchema
{
    public required string Source { get; init; }

    public required string ClassName { get; init; }

    /// <summary>Accepted input types; an empty list means the file named none, so any is accepted.</summary>
    public required IReadOnlyList<string> InputTypes { get; init; }

    /// <summary>Config keys in declaration order (the order of the Python <c>__init__</c> parameters).</summary>
    public required IReadOnlyList<string> Properties { get; init; }

    public required IReadOnlyList<string> Required { get; init; }

    /// <summary><c>additionalProperties</c> absent or true: the constructor takes <c>**kwargs</c>.</summary>
    public required bool AllowsExtraKeys { get; init; }

    public required IReadOnlyList<string> CredentialRequired { get; init; }

    /// <summary>Alternative authentication modes; at least one branch must be fully present when any exist.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> CredentialOneOf { get; init; }

    /// <summary>Where it was read from, for diagnostics.</summary>
    public required string Origin { get; init; }
}
