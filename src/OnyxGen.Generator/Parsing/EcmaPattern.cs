using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OnyxGen.Generator.Parsing;

/// <summary>
/// JSON Schema patterns are ECMA-262 regular expressions; .NET's syntax differs in the spelling of Unicode properties:
/// ECMA-262 writes <c>\p{Letter}</c> or <c>\p{General_Category=Letter}</c> where .NET writes <c>\p{L}</c>.
/// </summary>
internal static class EcmaPattern
{
    private static readonly Dictionary<string, string> Categories = new()
    {
        ["Letter"] = "L", ["Cased_Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Combining_Mark"] = "M", ["Nonspacing_Mark"] = "Mn",
        ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd",
        ["Letter_Number"] = "Nl", ["Other_Number"] = "No", ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc",
        ["Dash_Punctuation"] = "Pd", ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm", ["Currency_Symbol"] = "Sc",
        ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So", ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl",
        ["Paragraph_Separator"] = "Zp", ["Other"] = "C", ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs",
        ["Private_Use"] = "Co", ["Unassigned"] = "Cn",
    };

    private static readonly Regex Property = new(@"\\([pP])\{(?:(?:General_Category|gc)=)?([A-Za-z_]+)\}", RegexOptions.CultureInvariant);

    /// <summary>The pattern in .NET syntax (unchanged when it has nothing to translate).</summary>
    public static string ToDotNet(string pattern) => Property.Replace(pattern, match =>
        Categories.TryGetValue(match.Groups[2].Value, out string? shortName)
            ? "\\" + match.Groups[1].Value + "{" + shortName + "}"
            : match.Value);
}
