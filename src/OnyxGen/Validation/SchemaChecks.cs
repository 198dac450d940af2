using System.ComponentModel;
using System.Text.RegularExpressions;

namespace OnyxGen.Validation;

/// <summary>
/// The checks generated <c>Validate()</c> methods call. Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaChecks
{
    /// <summary>Adds an error when a required value is missing.</summary>
    public static void Required(List<OnyxValidationError> errors, string pointer, bool present)
    {
        if (!present)
        {
            errors.Add(new(pointer, "is required."));
        }
    }

    /// <summary>Checks a <c>format: uri</c> string: an absolute URI as RFC 3986 defines it (a scheme, then only legal characters).</summary>
    public static void Uri(List<OnyxValidationError> errors, string pointer, string? value)
    {
        if (value is not null && !FormatRules.IsUri(value))
        {
            errors.Add(new(pointer, $"must be an absolute URI with a scheme, e.g. https://example.com; got '{value}'."));
        }
    }

    /// <summary>Checks a <c>format: email</c> string: an RFC 5321 mailbox (dot-atom or quoted local part, host name or address literal).</summary>
    public static void Email(List<OnyxValidationError> errors, string pointer, string? value)
    {
        if (value is not null && !FormatRules.IsEmail(value))
        {
            errors.Add(new(pointer, $"must be an email address; got '{value}'."));
        }
    }

    /// <summary>Checks the <c>date</c>, <c>date-time</c>, <c>uuid</c>, <c>hostname</c>, <c>ipv4</c>, <c>ipv6</c>, <c>uri</c> and <c>email</c> formats.</summary>
    public static void Format(List<OnyxValidationError> errors, string pointer, string? value, string format)
    {
        if (value is null)
        {
            return;
        }

        bool valid = format switch
        {
            "date" => FormatRules.IsDate(value),
            "date-time" => FormatRules.IsDateTime(value),
            "uuid" => FormatRules.IsUuid(value),
            "hostname" => FormatRules.IsHostname(value),
            "ipv4" => FormatRules.IsIPv4(value),
            "ipv6" => FormatRules.IsIPv6(value),
            "uri" => FormatRules.IsUri(value),
            "email" => FormatRules.IsEmail(value),
            _ => true,
        };
        if (!valid)
        {
            errors.Add(new(pointer, $"must be a valid {format}; got '{value}'."));
        }
    }

    /// <summary>Checks string length bounds (counted in Unicode code points, as JSON Schema does).</summary>
    public static void Length(List<OnyxValidationError> errors, string pointer, string? value, int? min, int? max)
    {
        if (value is null)
        {
            return;
        }

        int length = CodePoints(value);
        if (min is int lo && length < lo)
        {
            errors.Add(new(pointer, $"must be at least {lo} character(s) long; got {length}."));
        }

        if (max is int hi && length > hi)
        {
            errors.Add(new(pointer, $"must be at most {hi} character(s) long; got {length}."));
        }
    }

    /// <summary>Checks a string against an ECMA-262-style pattern (unanchored, as JSON Schema says).</summary>
    public static void Pattern(List<OnyxValidationError> errors, string pointer, string? value, Regex pattern)
    {
        if (value is not null && !pattern.IsMatch(value))
        {
            errors.Add(new(pointer, $"must match the pattern {pattern}; got '{value}'."));
        }
    }

    /// <summary>Checks numeric bounds.</summary>
    public static void Range(List<OnyxValidationError> errors, string pointer, double? value, double? minimum, double? maximum, double? exclusiveMinimum, double? exclusiveMaximum)
    {
        if (value is not double v)
        {
            return;
        }

        if (minimum is double min && v < min)
        {
            errors.Add(new(pointer, $"must be >= {min}; got {v}."));
        }

        if (maximum is double max && v > max)
        {
            errors.Add(new(pointer, $"must be <= {max}; got {v}."));
        }

        if (exclusiveMinimum is double emin && v <= emin)
        {
            errors.Add(new(pointer, $"must be > {emin}; got {v}."));
        }

        if (exclusiveMaximum is double emax && v >= emax)
        {
            errors.Add(new(pointer, $"must be < {emax}; got {v}."));
        }
    }

    /// <summary>Checks <c>multipleOf</c> exactly for decimal numbers (0.0075 is a multiple of 0.0001), approximately beyond.</summary>
    public static void MultipleOf(List<OnyxValidationError> errors, string pointer, System.Text.Json.JsonElement value, double divisor)
    {
        bool ok;
        if (value.TryGetDecimal(out decimal number) && TryDecimal(divisor, out decimal exact) && exact != 0)
        {
            ok = number % exact == 0;
        }
        else
        {
            double quotient = value.GetDouble() / divisor;
            ok = !double.IsInfinity(quotient) && Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
        }

        if (!ok)
        {
            errors.Add(new(pointer, $"must be a multiple of {divisor.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
        }
    }

    /// <summary>Checks <c>multipleOf</c> for a typed number.</summary>
    public static void MultipleOf(List<OnyxValidationError> errors, string pointer, double? value, double divisor)
    {
        if (value is double v)
        {
            using var document = System.Text.Json.JsonDocument.Parse(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            MultipleOf(errors, pointer, document.RootElement, divisor);
        }
    }

    private static bool TryDecimal(double value, out decimal result)
    {
        try
        {
            result = decimal.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            result = 0;
            return false;
        }
    }

    /// <summary>Checks array size bounds and uniqueness.</summary>
    public static void Items<T>(List<OnyxValidationError> errors, string pointer, IReadOnlyCollection<T>? items, int? minItems, int? maxItems, bool unique)
    {
        if (items is null)
        {
            return;
        }

        if (minItems is int lo && items.Count < lo)
        {
            errors.Add(new(pointer, $"must have at least {lo} item(s); got {items.Count}."));
        }

        if (maxItems is int hi && items.Count > hi)
        {
            errors.Add(new(pointer, $"must have at most {hi} item(s); got {items.Count}."));
        }

        if (unique && items.Distinct().Count() != items.Count)
        {
            errors.Add(new(pointer, "must not contain duplicate items."));
        }
    }

    /// <summary>Checks that a value is one of the allowed values.</summary>
    public static void OneOfValues<T>(List<OnyxValidationError> errors, string pointer, T? value, T[] allowed)
    {
        if (value is not null && Array.IndexOf(allowed, value) < 0)
        {
            errors.Add(new(pointer, $"must be one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}; got '{value}'."));
        }
    }

    /// <summary>Checks that at least one of the alternative required-key groups (authentication modes) is complete.</summary>
    public static void AnyGroupComplete(List<OnyxValidationError> errors, string pointer, bool[] groupsComplete, string description)
    {
        if (groupsComplete.Length > 0 && !groupsComplete.Any(complete => complete))
        {
            errors.Add(new(pointer, $"must set the keys of one authentication mode: {description}."));
        }
    }

    private static int CodePoints(string value)
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
}

/// <summary>The string formats, as the JSON Schema Test Suite checks them (ASCII digits only, no trailing newline).</summary>
internal static class FormatRules
{
    private static readonly Regex DateTimePattern = new(
        @"\A([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|([+-])([0-9]{2}):([0-9]{2}))\z",
        RegexOptions.CultureInvariant);

    private static readonly Regex DatePattern = new(@"\A([0-9]{4})-([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant);

    private static readonly Regex UuidPattern = new(@"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant);

    private static readonly Regex SchemePattern = new(@"\A[A-Za-z][A-Za-z0-9+.\-]*\z", RegexOptions.CultureInvariant);

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
        return parts.Length == 4 && parts.All(part => part.Length is >= 1 and <= 3 && part.All(char.IsAsciiDigit) && !(part.Length > 1 && part[0] == '0') && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255);
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
                if (allowIPv4Tail && i == parts.Length - 1 && part.Contains('.'))
                {
                    if (!IsIPv4(part))
                    {
                        return false;
                    }

                    count += 2;
                }
                else if (part.Length is >= 1 and <= 4 && part.All(char.IsAsciiHexDigit))
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
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
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
        if (codePoints.Length == 0 || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(codePoints[0]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark)
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
        if (value.StartsWith('"'))
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
        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            string literal = domain.Substring(1, domain.Length - 2);
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? IsIPv6(literal.Substring(5)) : IsIPv4(literal);
        }

        return IsHostname(domain);

        static bool IsAtomText(char ch) => char.IsAsciiLetterOrDigit(ch) || "!#$%&'*+-/=?^_`{|}~".Contains(ch);
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
        if (authority.StartsWith('['))
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
            if (!(ipFuture ? host.Contains('.') && AllUriChars(host.Substring(host.IndexOf('.') + 1), ":") : IsIPv6(host)))
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

        return port.All(char.IsAsciiDigit);
    }

    /// <summary>Only unreserved, sub-delims, the <paramref name="extra"/> characters and well-formed %XX escapes.</summary>
    private static bool AllUriChars(string text, string extra)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!(char.IsAsciiLetterOrDigit(ch) || "-._~!$&'()*+,;=".Contains(ch) || extra.Contains(ch)))
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
