using System.Text;

namespace OnyxGen.Conformance.Tests;

/// <summary>
/// The generated parts of docs/conformance.md's "Conformance" section: each lives between
/// <c>&lt;!-- conformance:NAME:begin --&gt;</c> and <c>&lt;!-- conformance:NAME:end --&gt;</c>. With ONYXGEN_ACCEPT_DOCS=1
/// a test rewrites its block; otherwise it fails when the block differs from what the test measured.
/// </summary>
internal static class ConformanceDoc
{
    private static readonly object Gate = new();

    public static string DocPath => Path.Combine(Harness.RepositoryRoot, "docs", "conformance.md");

    public static bool Accepting => Environment.GetEnvironmentVariable("ONYXGEN_ACCEPT_DOCS") == "1";

    /// <summary>Returns null when the block in the doc matches <paramref name="content"/> (or was just rewritten), else why not.</summary>
    public static string? Check(string name, string content)
    {
        string begin = $"<!-- conformance:{name}:begin -->";
        string end = $"<!-- conformance:{name}:end -->";
        content = content.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
        lock (Gate)
        {
            string text = File.Exists(DocPath) ? File.ReadAllText(DocPath).Replace("\r\n", "\n") : "";
            int start = text.IndexOf(begin, StringComparison.Ordinal);
            int stop = text.IndexOf(end, StringComparison.Ordinal);
            string? current = start >= 0 && stop > start ? text.Substring(start + begin.Length, stop - start - begin.Length).Trim('\n') + "\n" : null;
            if (current == content)
            {
                return null;
            }

            if (!Accepting)
            {
                return current is null
                    ? $"{DocPath} has no block '{name}'. Run the tests with ONYXGEN_ACCEPT_DOCS=1 to write it."
                    : $"The block '{name}' in {DocPath} is out of date. Run the tests with ONYXGEN_ACCEPT_DOCS=1 to update it. Measured:\n{content}";
            }

            string block = begin + "\n" + content + end;
            if (current is not null)
            {
                text = text.Substring(0, start) + block + text.Substring(stop + end.Length);
            }
            else
            {
                // Append the block at the end of the "## Conformance" section (created when missing).
                int section = text.IndexOf("\n## Conformance", StringComparison.Ordinal);
                if (section < 0 && text.StartsWith("## Conformance", StringComparison.Ordinal))
                {
                    section = 0;
                }

                if (section < 0)
                {
                    text = (text.Length == 0 ? "# Conformance\n" : text.TrimEnd('\n') + "\n") + "\n## Conformance\n\n" + block + "\n";
                }
                else
                {
                    int next = text.IndexOf("\n## ", section + 3, StringComparison.Ordinal);
                    int at = next < 0 ? text.Length : next;
                    text = text.Substring(0, at).TrimEnd('\n') + "\n\n" + block + "\n" + (next < 0 ? "" : "\n" + text.Substring(next + 1));
                }
            }

            File.WriteAllText(DocPath, text);
            return null;
        }
    }

    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var builder = new StringBuilder();
        string[] columns = header.ToArray();
        builder.Append("| ").Append(string.Join(" | ", columns)).Append(" |\n");
        builder.Append("|").Append(string.Join("|", columns.Select((_, i) => i == 0 ? "---" : "---:"))).Append("|\n");
        foreach (IEnumerable<string> row in rows)
        {
            builder.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        return builder.ToString();
    }
}
