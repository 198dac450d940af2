using System.Globalization;
using System.Text;

namespace OnyxGen.Generator.Emitting;

/// <summary>C# literals and XML doc text, escaped (schema text is untrusted input).</summary>
internal static class CSharpLiterals
{
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Text for an XML doc comment: escaped, one line per input line.</summary>
    public static string[] DocLines(string text)
    {
        string escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        var lines = escaped.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var clean = new StringBuilder(lines[i].Length);
            foreach (char c in lines[i])
            {
                clean.Append(char.IsControl(c) ? ' ' : c);
            }

            lines[i] = clean.ToString().TrimEnd();
        }

        return lines;
    }
}
