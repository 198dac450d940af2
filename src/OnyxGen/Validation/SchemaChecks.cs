using System.ComponentModel;
using System.Text.RegularExpressions;

namespace OnyxGen.Validation;

/// <summary>
/// The checks generated <c>Validate()</c> methods call. Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaChecks
{
    /// <summary>The body of a generated <c>Validate()</c>: every violation of <paramref name="value"/>, empty when valid.</summary>
    public static IReadOnlyList<OnyxValidationError> Validate(ISchemaObject value)
    {
        var errors = new List<OnyxValidationError>();
        value.ValidateInto("", errors);
        return errors;
    }

    /// <summary>Adds an error when a required value is missing.</summary>
    public static void Required(List<OnyxValidationError> errors, string pointer, bool present)
    {
        if (!present)
        {
            errors.Add(new(pointer, "is required."));
        }
    }

    /// <summary>Checks a value against a <c>const</c>, given as JSON text (numbers compared by value, objects unordered).</summary>
    public static void Const(List<OnyxValidationError> errors, string pointer, System.Text.Json.JsonElement value, string constJson)
    {
        if (!SchemaNode.EqualsJson(value, constJson))
        {
            errors.Add(new(pointer, $"must be {constJson}."));
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

        bool valid = FormatRules.Matches(value, format);
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

        int length = FormatRules.CodePointLength(value);
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
}
