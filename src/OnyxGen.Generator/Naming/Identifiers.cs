using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace OnyxGen.Generator.Naming;

/// <summary>C# names from JSON names: PascalCase, legal, never a keyword, unique where they must be.</summary>
internal static class Identifiers
{
    /// <summary>
    /// PascalCase from snake_case, kebab-case, camelCase, spaces or anything else: every run of letters and digits is a word,
    /// its first letter upper-cased, the rest kept (so <c>jira_base_url</c> is <c>JiraBaseUrl</c>, <c>projectKey</c> is <c>ProjectKey</c>).
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool startWord = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(startWord ? char.ToUpperInvariant(c) : c);
                startWord = false;
            }
            else
            {
                startWord = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>A legal identifier for a member: PascalCase, prefixed when empty or starting with a digit, escaped when a keyword.</summary>
    public static string ToMemberName(string jsonName, string fallback)
    {
        string name = ToPascalCase(jsonName);
        if (name.Length == 0)
        {
            name = fallback;
        }
        else if (char.IsDigit(name[0]))
        {
            name = fallback + name;
        }

        return Escape(name);
    }

    /// <summary>True when the text can be used as written as a C# identifier (keywords excepted: those are escaped).</summary>
    public static bool IsValidIdentifier(string name) => SyntaxFacts.IsValidIdentifier(name);

    /// <summary>Escapes keywords (<c>class</c> becomes <c>@class</c>).</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>Strips a leading '@' (for comparing and composing names).</summary>
    public static string Bare(string name) => name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;
}

/// <summary>Hands out names unique within one scope, in a fixed order: the first keeps its name, later ones get 2, 3, ...</summary>
internal sealed class UniqueNameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public UniqueNameScope(IEnumerable<string> reserved)
    {
        foreach (string name in reserved)
        {
            _taken.Add(Identifiers.Bare(name));
        }
    }

    public bool IsTaken(string name) => _taken.Contains(Identifiers.Bare(name));

    public string Claim(string name, string suffixWhenTaken)
    {
        string bare = Identifiers.Bare(name);
        string candidate = bare;
        if (_taken.Contains(candidate))
        {
            candidate = bare + suffixWhenTaken;
            for (int i = 2; _taken.Contains(candidate); i++)
            {
                candidate = bare + suffixWhenTaken + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        _taken.Add(candidate);
        return Identifiers.Escape(candidate);
    }
}
