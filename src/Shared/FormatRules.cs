// Shared by the runtime (net8.0) and the analyzers (netstandard2.0): one definition of every string format, so a
// constant the analyzers flag at compile time is exactly a value Validate() refuses at run time.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace OnyxGen.Validation;
/// <summary>The string formats, as the JSON Schema Test Suite checks them (ASCII digits only, no trailing newline).</summary>
internal static class FormatRules
{
    private static readonly Regex DateTimePattern = new(
        @"\A([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|([+-])([0-9]{2}):([0-9]{2}))\z",
        RegexOptions.CultureInvariant);

    private static readonly Regex DatePattern = new(@"\A([0-9]{4})-([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant);

    private static readonly Regex UuidPattern = new(@"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant);

    private static readonly Regex SchemePattern = new(@"\A[A-Za-z][A-Za-z0-9+.\-]*\z", RegexOptions.CultureInvariant);

    /// <summary>A string's length in Unicode code points, as JSON Schema's minLength and maxLength count it.</summary>
    public static int CodePointLength(string value)
    {
        int count = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (!(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The parts of an RFC 3339 date-time; false when it is not one.</summary>
    public static bool TryDateTimeParts(string value, out int year, out int month, out int day, out int hour, out int minute, out int second, out string fraction, out int offsetMinutes)
    {
        year = month = day = hour = minute = second = offsetMinutes = 0;
        fraction = "";
        Match match = DateTimePattern.Match(value);
        if (!match.Success)
        {
            return false;
        }

        year = Number(match.Groups[1].Value);
        month = Number(match.Groups[2].Value);
        day = Number(match.Groups[3].Value);
        hour = Number(match.Groups[4].Value);
        minute = Number(match.Groups[5].Value);
        second = Number(match.Groups[6].Value);
        fraction = match.Groups[7].Success ? match.Groups[7].Value.Substring(1) : "";
        if (!IsCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (match.Groups[9].Success)
        {
            int offsetHour = Number(match.Groups[10].Value);
            int offsetMinute = Number(match.Groups[11].Value);
            if (offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (match.Groups[9].Value == "-" ? -1 : 1) * (offsetHour * 60 + offsetMinute);
        }

        // A leap second is only ever the last second of a UTC day (23:59:60Z).
        if (second == 60)
        {
            int utcMinute = (((hour * 60) + minute - offsetMinutes) % 1440 + 1440) % 1440;
            if (utcMinute != (23 * 60) + 59)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the value is in the format; formats OnyxGen does not know accept everything.</summary>
    public static bool Matches(string value, string format) => format switch
    {
        "date" => IsDate(value),
        "date-time" => IsDateTime(value),
        "uuid" => IsUuid(value),
        "hostname" => IsHostname(value),
        "ipv4" => IsIPv4(value),
        "ipv6" => IsIPv6(value),
        "uri" => IsUri(value),
        "email" => IsEmail(value),
        _ => true,
    };

    public static bool IsDateTime(string value) => TryDateTimeParts(value, out _, out _, out _, out _, out _, out _, out _, out _);

    public static bool IsDate(string value)
    {
        Match match = DatePattern.Match(value);
        return match.Success && IsCalendarDate(Number(match.Groups[1].Value), Number(match.Groups[2].Value), Number(match.Groups[3].Value));
    }

    public static bool IsUuid(string value) => UuidPattern.IsMatch(value);

    public static bool IsIPv4(string value)
    {
        string[] parts = value.Split('.');
        return parts.Length == 4 && parts.All(part => part.Length is >= 1 and <= 3 && part.All(Ascii.IsDigit) && !(part.Length > 1 && part[0] == '0') && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    /// <summary>RFC 4291 text form: eight groups of 1-4 hex digits, one "::" at most, an IPv4 tail allowed; no zone, no brackets.</summary>
    public static bool IsIPv6(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        int doubleColon = value.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && value.IndexOf("::", doubleColon + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        string head = doubleColon >= 0 ? value.Substring(0, doubleColon) : value;
        string tail = doubleColon >= 0 ? value.Substring(doubleColon + 2) : "";
        if (!TryGroups(head, allowIPv4Tail: doubleColon < 0, out int headGroups) || !TryGroups(tail, allowIPv4Tail: true, out int tailGroups))
        {
            return false;
        }

        int groups = headGroups + tailGroups;
        return doubleColon >= 0 ? groups <= 7 : groups == 8;

        static bool TryGroups(string text, bool allowIPv4Tail, out int count)
        {
            count = 0;
            if (text.Length == 0)
            {
                return true;
            }

            string[] parts = text.Split(':');
            for (int i = 0; i < parts.Length; i++)
            {
                string part = parts[i];
                if (allowIPv4Tail && i == parts.Length - 1 && part.IndexOf('.') >= 0)
                {
                    if (!IsIPv4(part))
                    {
                        return false;
                    }

                    count += 2;
                }
                else if (part.Length is >= 1 and <= 4 && part.All(Ascii.IsHexDigit))
                {
                    count++;
                }
                else
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>RFC 1123 host name (ASCII labels of letters, digits and inner hyphens), with IDNA 2008 rules for A-labels (xn--).</summary>
    public static bool IsHostname(string value)
    {
        if (value.Length is 0 or > 253)
        {
            return false;
        }

        foreach (string label in value.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[label.Length - 1] == '-' || !label.All(ch => Ascii.IsLetterOrDigit(ch) || ch == '-'))
            {
                return false;
            }

            bool isALabel = label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase);
            if (!isALabel && label.Length >= 4 && label[2] == '-' && label[3] == '-')
            {
                return false; // "--" in the 3rd and 4th positions is reserved for A-labels
            }

            if (isALabel && !IsValidALabel(label))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidALabel(string label)
    {
        string unicode;
        try
        {
            unicode = new System.Globalization.IdnMapping { UseStd3AsciiRules = true }.GetUnicode(label);
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (unicode.Length >= 4 && unicode[2] == '-' && unicode[3] == '-')
        {
            return false;
        }

        int[] codePoints = CodePointsOf(unicode);
        if (codePoints.Length == 0 || Ascii.CategoryOf(codePoints[0]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        bool arabicIndic = codePoints.Any(c => c is >= 0x0660 and <= 0x0669);
        bool extendedArabicIndic = codePoints.Any(c => c is >= 0x06F0 and <= 0x06F9);
        if (arabicIndic && extendedArabicIndic)
        {
            return false;
        }

        for (int i = 0; i < codePoints.Length; i++)
        {
            int c = codePoints[i];
            int previous = i > 0 ? codePoints[i - 1] : -1;
            int next = i + 1 < codePoints.Length ? codePoints[i + 1] : -1;
            bool ok = c switch
            {
                // IDNA 2008 exceptions that are DISALLOWED (RFC 5892 section 2.6).
                0x0640 or 0x07FA or 0x302E or 0x302F or (>= 0x3031 and <= 0x3035) or 0x303B => false,

                // CONTEXTO rules (RFC 5892 appendix A).
                0x00B7 => previous == 'l' && next == 'l',
                0x0375 => next >= 0 && IsGreek(next),
                0x05F3 or 0x05F4 => previous >= 0 && IsHebrew(previous),
                0x30FB => codePoints.Any(other => other != 0x30FB && (IsHiragana(other) || IsKatakana(other) || IsHan(other))),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 5321 mailbox: dot-atom or quoted-string local part, '@', a host name or an address literal.</summary>
    public static bool IsEmail(string value)
    {
        int at;
        if (value.StartsWith("\"", System.StringComparison.Ordinal))
        {
            int i = 1;
            while (i < value.Length && value[i] != '"')
            {
                if (value[i] == '\\')
                {
                    i++;
                    if (i >= value.Length || value[i] is < ' ' or > '~')
                    {
                        return false;
                    }
                }
                else if (value[i] is < ' ' or > '~')
                {
                    return false;
                }

                i++;
            }

            if (i >= value.Length || i + 1 >= value.Length || value[i + 1] != '@')
            {
                return false;
            }

            at = i + 1;
        }
        else
        {
            at = value.LastIndexOf('@');
            if (at <= 0)
            {
                return false;
            }

            string local = value.Substring(0, at);
            if (local.Split('.').Any(atom => atom.Length == 0 || !atom.All(IsAtomText)))
            {
                return false;
            }
        }

        string domain = value.Substring(at + 1);
        if (domain.StartsWith("[", System.StringComparison.Ordinal) && domain.EndsWith("]", System.StringComparison.Ordinal))
        {
            string literal = domain.Substring(1, domain.Length - 2);
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? IsIPv6(literal.Substring(5)) : IsIPv4(literal);
        }

        return IsHostname(domain);

        static bool IsAtomText(char ch) => Ascii.IsLetterOrDigit(ch) || "!#$%&'*+-/=?^_`{|}~".IndexOf(ch) >= 0;
    }

    /// <summary>RFC 3986 absolute URI: scheme ":" hier-part ["?" query] ["#" fragment], only legal characters and escapes.</summary>
    public static bool IsUri(string value)
    {
        int colon = value.IndexOf(':');
        if (colon <= 0 || !SchemePattern.IsMatch(value.Substring(0, colon)))
        {
            return false;
        }

        string rest = value.Substring(colon + 1);
        string? fragment = null;
        int hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest.Substring(hash + 1);
            rest = rest.Substring(0, hash);
        }

        string? query = null;
        int question = rest.IndexOf('?');
        if (question >= 0)
        {
            query = rest.Substring(question + 1);
            rest = rest.Substring(0, question);
        }

        if ((fragment is not null && !AllUriChars(fragment, "/?:@")) || (query is not null && !AllUriChars(query, "/?:@")))
        {
            return false;
        }

        string path = rest;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            int slash = rest.IndexOf('/', 2);
            string authority = slash < 0 ? rest.Substring(2) : rest.Substring(2, slash - 2);
            path = slash < 0 ? "" : rest.Substring(slash);
            if (!IsAuthority(authority))
            {
                return false;
            }
        }

        return AllUriChars(path, "/:@");
    }

    private static bool IsAuthority(string authority)
    {
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (!AllUriChars(authority.Substring(0, at), ":"))
            {
                return false;
            }

            authority = authority.Substring(at + 1);
        }

        string host = authority;
        string port = "";
        if (authority.StartsWith("[", System.StringComparison.Ordinal))
        {
            int close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = authority.Substring(1, close - 1);
            string after = authority.Substring(close + 1);
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                port = after.Substring(1);
            }

            bool ipFuture = host.Length > 1 && (host[0] is 'v' or 'V');
            if (!(ipFuture ? host.IndexOf('.') >= 0 && AllUriChars(host.Substring(host.IndexOf('.') + 1), ":") : IsIPv6(host)))
            {
                return false;
            }
        }
        else
        {
            int colon = authority.LastIndexOf(':');
            if (colon >= 0)
            {
                port = authority.Substring(colon + 1);
                host = authority.Substring(0, colon);
            }

            if (!AllUriChars(host, ""))
            {
                return false;
            }
        }

        return port.All(Ascii.IsDigit);
    }

    /// <summary>Only unreserved, sub-delims, the <paramref name="extra"/> characters and well-formed %XX escapes.</summary>
    private static bool AllUriChars(string text, string extra)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch == '%')
            {
                if (i + 2 >= text.Length || !Ascii.IsHexDigit(text[i + 1]) || !Ascii.IsHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!(Ascii.IsLetterOrDigit(ch) || "-._~!$&'()*+,;=".IndexOf(ch) >= 0 || extra.IndexOf(ch) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCalendarDate(int year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int days = month switch
        {
            2 => leap ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };
        return day <= days;
    }

    private static int Number(string digits) => int.Parse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);

    private static int[] CodePointsOf(string text)
    {
        var result = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                result.Add(text[i]);
            }
        }

        return result.ToArray();
    }

    private static bool IsGreek(int c) => c is (>= 0x0370 and <= 0x03FF and not 0x0375 and not 0x037E and not 0x0387) or (>= 0x1F00 and <= 0x1FFF);

    private static bool IsHebrew(int c) => c is (>= 0x0591 and <= 0x05F4) or (>= 0xFB1D and <= 0xFB4F);

    private static bool IsHiragana(int c) => c is (>= 0x3041 and <= 0x309F) or 0x1B001 or 0x1F200;

    private static bool IsKatakana(int c) => c is (>= 0x30A1 and <= 0x30FF and not 0x30FB) or (>= 0x31F0 and <= 0x31FF) or (>= 0x32D0 and <= 0x32FE) or (>= 0x3300 and <= 0x3357) or (>= 0xFF66 and <= 0xFF9D) or 0x1B000;

    private static bool IsHan(int c) => c is (>= 0x2E80 and <= 0x2FD5) or 0x3005 or 0x3007 or (>= 0x3021 and <= 0x3029) or (>= 0x3038 and <= 0x303B) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F);
}

/// <summary>ASCII character classes (char.IsAscii* is not in netstandard2.0).</summary>
internal static class Ascii
{
    /// <summary>The Unicode category of a code point (the int overload is not in netstandard2.0).</summary>
    public static System.Globalization.UnicodeCategory CategoryOf(int codePoint) => codePoint is >= 0xD800 and <= 0xDFFF or < 0 or > 0x10FFFF
        ? System.Globalization.UnicodeCategory.Surrogate
        : System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(codePoint), 0);

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsHexDigit(char c) => IsDigit(c) || c is >= 'a' and <= 'f' || c is >= 'A' and <= 'F';

    public static bool IsLetterOrDigit(char c) => IsDigit(c) || c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z';
}
