using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OnyxGen.Emulator.Validation;

/// <summary>A Python tuple, for the <c>'loc'</c> of a validation error (rendered <c>('body',)</c> / <c>('body', 'name')</c>).</summary>
internal sealed record PyTuple(params object?[] Items);

/// <summary>A Python dict with insertion order kept, for <c>'ctx'</c> and for error entries themselves.</summary>
internal sealed class PyDict : List<KeyValuePair<string, object?>>
{
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
}

/// <summary>Python <c>bytes</c>, the input FastAPI validates when a body is not sent as JSON.</summary>
internal sealed record PyBytes(byte[] Value);

/// <summary>
/// Renders values the way Python's <c>repr()</c> does, because FastAPI's 422 text embeds <c>str(error_dict)</c>:
/// single quotes, <c>None</c>/<c>True</c>/<c>False</c>, tuples for locations.
/// </summary>
internal static class PythonRepr
{
    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("None");
                break;
            case string s:
                AppendString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "True" : "False");
                break;
            case int or long:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(FloatRepr(d));
                break;
            case PyTuple t:
                sb.Append('(');
                for (var i = 0; i < t.Items.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, t.Items[i]);
                }
                if (t.Items.Length == 1) sb.Append(',');
                sb.Append(')');
                break;
            case PyDict dict:
                sb.Append('{');
                for (var i = 0; i < dict.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    AppendString(sb, dict[i].Key);
                    sb.Append(": ");
                    Append(sb, dict[i].Value);
                }
                sb.Append('}');
                break;
            case PyBytes bytes:
                AppendBytes(sb, bytes.Value);
                break;
            case JsonElement element:
                AppendJson(sb, element);
                break;
            default:
                AppendString(sb, value.ToString() ?? "");
                break;
        }
    }

    private static void AppendJson(StringBuilder sb, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                var first = true;
                // json.loads keeps the last of duplicate keys, at the position of the first.
                foreach (var (key, value) in JsonValues.LastWinsProperties(element))
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendString(sb, key);
                    sb.Append(": ");
                    AppendJson(sb, value);
                }
                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (i++ > 0) sb.Append(", ");
                    AppendJson(sb, item);
                }
                sb.Append(']');
                break;
            case JsonValueKind.String:
                AppendString(sb, element.GetString()!);
                break;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                if (raw.IndexOfAny(['.', 'e', 'E']) >= 0)
                    sb.Append(FloatRepr(element.GetDouble()));
                else
                    sb.Append(raw);
                break;
            case JsonValueKind.True:
                sb.Append("True");
                break;
            case JsonValueKind.False:
                sb.Append("False");
                break;
            default:
                sb.Append("None");
                break;
        }
    }

    /// <summary>Python str repr: prefers single quotes, switches to double quotes when only single quotes occur.</summary>
    public static void AppendString(StringBuilder sb, string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == quote || c == '\\')
            {
                sb.Append('\\').Append((char)c);
            }
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (!IsPrintable(rune))
            {
                if (c <= 0xff) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
                else if (c <= 0xffff) sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
            }
            else sb.Append(rune.ToString());
        }
        sb.Append(quote);
    }

    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ') return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    private static void AppendBytes(StringBuilder sb, byte[] bytes)
    {
        var hasSingle = Array.IndexOf(bytes, (byte)'\'') >= 0;
        var hasDouble = Array.IndexOf(bytes, (byte)'"') >= 0;
        var quote = hasSingle && !hasDouble ? '"' : '\'';
        sb.Append('b').Append(quote);
        foreach (var b in bytes)
        {
            if (b == quote || b == '\\') sb.Append('\\').Append((char)b);
            else if (b == '\n') sb.Append("\\n");
            else if (b == '\r') sb.Append("\\r");
            else if (b == '\t') sb.Append("\\t");
            else if (b < 0x20 || b >= 0x7f) sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        sb.Append(quote);
    }

    /// <summary>Python's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        var abs = Math.Abs(d);
        if (abs != 0 && (abs >= 1e16 || abs < 1e-4))
        {
            // The shortest "E" precision that round-trips, rewritten as Python prints it: 1.5e+20, 1e-05.
            var text = d.ToString("E16", CultureInfo.InvariantCulture);
            for (var precision = 0; precision <= 16; precision++)
            {
                text = d.ToString("E" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (double.Parse(text, CultureInfo.InvariantCulture) == d) break;
            }
            var e = text.IndexOf('E');
            var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            return $"{text[..e]}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E')) r = ((decimal)d).ToString(CultureInfo.InvariantCulture);
        return r.Contains('.') ? r : r + ".0";
    }
}
