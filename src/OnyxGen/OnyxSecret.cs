using System.Diagnostics;

namespace OnyxGen;

/// <summary>
/// A secret value (API token, password, private key). <see cref="ToString"/>, the debugger and string
/// interpolation show <c>***</c>, never the value; only <see cref="Reveal"/> returns it.
/// </summary>
[DebuggerDisplay("***")]
public readonly struct OnyxSecret : IEquatable<OnyxSecret>
{
    private readonly string? _value;

    /// <summary>Wraps a secret value.</summary>
    /// <param name="value">The secret.</param>
    public OnyxSecret(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>True when no value was given.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_value);

    /// <summary>Returns the secret itself. Call it only to send the value, never to print it.</summary>
    public string Reveal() => _value ?? string.Empty;

    /// <summary>Always <c>***</c>.</summary>
    public override string ToString() => "***";

    /// <summary>Wraps a string as a secret.</summary>
    /// <param name="value">The secret.</param>
    public static implicit operator OnyxSecret(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(OnyxSecret other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OnyxSecret other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares two secrets.</summary>
    public static bool operator ==(OnyxSecret left, OnyxSecret right) => left.Equals(right);

    /// <summary>Compares two secrets.</summary>
    public static bool operator !=(OnyxSecret left, OnyxSecret right) => !left.Equals(right);
}
