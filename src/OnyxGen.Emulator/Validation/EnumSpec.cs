namespace OnyxGen.Emulator.Validation;

/// <summary>The wire values of one Python enum and pydantic's message for a value outside them.</summary>
internal sealed class EnumSpec
{
    private readonly HashSet<string> _values;

    public EnumSpec(params string[] values)
    {
        Values = values;
        _values = new HashSet<string>(values, StringComparer.Ordinal);
        // pydantic: "'a', 'b' or 'c'"
        Expected = values.Length == 1
            ? PythonRepr.Repr(values[0])
            : string.Join(", ", values[..^1].Select(v => PythonRepr.Repr(v))) + " or " + PythonRepr.Repr(values[^1]);
    }

    public IReadOnlyList<string> Values { get; }

    public string Expected { get; }

    public bool Contains(string value) => _values.Contains(value);

    public PyError Error(PyTuple loc, object? input) =>
        new("enum", loc, "Input should be " + Expected, input, new PyDict { { "expected", Expected } });

    public static readonly EnumSpec AccessType = new("public", "private", "sync");
    public static readonly EnumSpec InputType = new("load_state", "poll", "event", "slim_retrieval");
    public static readonly EnumSpec ProcessingMode = new("REGULAR", "FILE_SYSTEM", "RAW_BINARY");
    public static readonly EnumSpec CcPairStatus = new("SCHEDULED", "INITIAL_INDEXING", "ACTIVE", "PAUSED", "DELETING", "INVALID");
    public static readonly EnumSpec DocumentSource = new(Schemas.DocumentSources.All);
}
