using System.Diagnostics;
using System.Text.Json.Serialization;
using OnyxGen.Serialization;

namespace OnyxGen;

/// <summary>
/// An Onyx <c>DocumentSource</c>: the kind of system a connector reads (<c>jira</c>, <c>google_drive</c>, ...).
/// </summary>
/// <remarks>
/// A struct over the exact wire string rather than a C# enum, so a value a newer Onyx server returns is kept,
/// not lost: <see cref="IsKnown"/> tells whether this version of OnyxGen knows it.
/// </remarks>
[JsonConverter(typeof(DocumentSourceJsonConverter))]
[DebuggerDisplay("{Value,nq}")]
public readonly partial struct DocumentSource : IEquatable<DocumentSource>
{
    /// <summary>Creates a source from its wire value, e.g. <c>"jira"</c>.</summary>
    /// <param name="value">The exact DocumentSource string Onyx uses.</param>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public DocumentSource(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("A DocumentSource value cannot be empty.", nameof(value));
        }

        _value = value;
    }

    private readonly string? _value;

    /// <summary>The exact wire value, e.g. <c>"google_drive"</c>.</summary>
    /// <remarks><c>default(DocumentSource)</c> is <c>not_applicable</c>.</remarks>
    public string Value => _value ?? "not_applicable";

    /// <summary>True when the value is one this version of OnyxGen knows (see <see cref="All"/>).</summary>
    public bool IsKnown => Array.IndexOf(KnownValues, Value) >= 0;

    /// <summary>True for sources with no connector class in Onyx (a connector of such a source cannot be associated).</summary>
    public bool HasConnectorClass => Value is not ("ingestion_api" or "not_applicable" or "user_file" or "craft_file");

    /// <summary>Every DocumentSource value Onyx declares, in declaration order.</summary>
    public static IReadOnlyList<DocumentSource> All => s_all ??= Array.ConvertAll(KnownValues, v => new DocumentSource(v));

    // Lazy: static initializers in partial files run in no defined order.
    private static DocumentSource[]? s_all;

    /// <inheritdoc />
    public bool Equals(DocumentSource other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DocumentSource other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two sources by wire value.</summary>
    public static bool operator ==(DocumentSource left, DocumentSource right) => left.Equals(right);

    /// <summary>Compares two sources by wire value.</summary>
    public static bool operator !=(DocumentSource left, DocumentSource right) => !left.Equals(right);
}
