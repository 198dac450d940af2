using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OnyxGen.Analyzers;

/// <summary>
/// The schema checks on single constant values, with the same semantics as the runtime's <c>OnyxGen.Validation.SchemaChecks</c>
/// (which the generated <c>Validate()</c> methods call), so a constant is reported exactly when validation would refuse it.
/// </summary>
internal static class ValueChecks
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    /// <summary>True when the value is valid for the format: the runtime's own rules (src/Shared/FormatRules.cs).</summary>
    public static bool MatchesFormat(string value, string format) => OnyxGen.Validation.FormatRules.Matches(value, format);

    /// <summary>An absolute URI with a scheme, by the runtime's rule.</summary>
    public static bool IsAbsoluteUri(string value) => OnyxGen.Validation.FormatRules.IsUri(value);

    /// <summary>The literal with <c>https://</c> in front, when that makes a scheme-less URL valid; otherwise null.</summary>
    public static string? WithHttpsScheme(string value)
    {
        if (value.Length == 0 || value.IndexOf("://", StringComparison.Ordinal) >= 0 || value.Any(char.IsWhiteSpace))
        {
            return null;
        }

        string candidate = "https://" + value.TrimStart('/');
        return (Uri.TryCreate(candidate, UriKind.Absolute, out Uri? uri) && uri.Host.IndexOf('.') > 0) || candidate.StartsWith("https://localhost", StringComparison.OrdinalIgnoreCase)
            ? candidate
            : null;
    }

    /// <summary>Whether the value matches the pattern (unanchored, as JSON Schema says); null when the pattern cannot be evaluated.</summary>
    public static bool? MatchesPattern(string value, string pattern)
    {
        Regex? regex = Patterns.GetOrAdd(pattern, static p =>
        {
            try
            {
                return new Regex(p, RegexOptions.None, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
        if (regex is null)
        {
            return null;
        }

        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }


    /// <summary>The numeric value of a boxed constant of a numeric type, or null.</summary>
    public static double? AsNumber(object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        sbyte sb => sb,
        byte b => b,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        double d => d,
        float f => f,
        decimal m => (double)m,
        _ => null,
    };

    /// <summary>The allowed value nearest to <paramref name="value"/> (the smaller one on a tie).</summary>
    public static long Nearest(double value, IEnumerable<long> allowed) =>
        allowed.OrderBy(a => Math.Abs(a - value)).ThenBy(a => a).First();

    /// <summary>A number as C# would print it, culture-invariant.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
