using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OnyxGen.Validation;

/// <summary>
/// A schema the generator could not map to one C# type (no <c>type</c>, several types, <c>oneOf</c>/<c>anyOf</c>,
/// <c>allOf</c> of values, <c>const</c>/<c>enum</c> of mixed values), as data the generator emits. Values of such schemas
/// are kept as <see cref="JsonElement"/> and checked by <see cref="Evaluate"/>. Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SchemaNode
{
    /// <summary>False for the <c>false</c> schema: nothing is valid.</summary>
    public bool AcceptsAnything { get; set; } = true;

    /// <summary>Allowed JSON types (<c>string</c>, <c>integer</c>, ...); empty: any.</summary>
    public string[] Types { get; set; } = [];

    /// <summary><c>const</c>, as JSON text.</summary>
    public string? ConstJson { get; set; }

    /// <summary><c>enum</c>, as JSON texts.</summary>
    public string[]? EnumJson { get; set; }

    /// <summary><c>format</c>.</summary>
    public string? Format { get; set; }

    /// <summary><c>pattern</c>.</summary>
    public Regex? Pattern { get; set; }

    /// <summary><c>minLength</c>.</summary>
    public int? MinLength { get; set; }

    /// <summary><c>maxLength</c>.</summary>
    public int? MaxLength { get; set; }

    /// <summary><c>minimum</c>.</summary>
    public double? Minimum { get; set; }

    /// <summary><c>maximum</c>.</summary>
    public double? Maximum { get; set; }

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public double? ExclusiveMinimum { get; set; }

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public double? ExclusiveMaximum { get; set; }

    /// <summary><c>multipleOf</c>.</summary>
    public double? MultipleOf { get; set; }

    /// <summary><c>items</c>.</summary>
    public SchemaNode? Items { get; set; }

    /// <summary><c>minItems</c>.</summary>
    public int? MinItems { get; set; }

    /// <summary><c>maxItems</c>.</summary>
    public int? MaxItems { get; set; }

    /// <summary><c>uniqueItems</c>.</summary>
    public bool UniqueItems { get; set; }

    /// <summary><c>properties</c>.</summary>
    public Dictionary<string, SchemaNode>? Properties { get; set; }

    /// <summary><c>required</c>.</summary>
    public string[]? Required { get; set; }

    /// <summary><c>additionalProperties</c> as a schema (false is a node that accepts nothing).</summary>
    public SchemaNode? AdditionalProperties { get; set; }

    /// <summary><c>allOf</c>.</summary>
    public SchemaNode[]? AllOf { get; set; }

    /// <summary><c>anyOf</c>.</summary>
    public SchemaNode[]? AnyOf { get; set; }

    /// <summary><c>oneOf</c>.</summary>
    public SchemaNode[]? OneOf { get; set; }

    /// <summary><c>$ref</c> (resolved by the generator).</summary>
    public SchemaNode? Ref { get; set; }

    /// <summary>True when <paramref name="value"/> equals the JSON text <paramref name="json"/> (numbers by value, objects unordered).</summary>
    public static bool EqualsJson(JsonElement value, string json) => JsonSemantics.AreEqual(value, Parse(json));

    /// <summary>True when the value is valid.</summary>
    public bool IsValid(JsonElement value)
    {
        var errors = new List<OnyxValidationError>();
        Evaluate(value, "", errors);
        return errors.Count == 0;
    }

    /// <summary>The index of the first <c>oneOf</c>/<c>anyOf</c> branch the value matches, or -1.</summary>
    public int MatchingBranch(JsonElement value)
    {
        SchemaNode[] branches = OneOf ?? AnyOf ?? [];
        for (int i = 0; i < branches.Length; i++)
        {
            if (branches[i].IsValid(value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Adds every violation of <paramref name="value"/>, under <paramref name="pointer"/>, to <paramref name="errors"/>.</summary>
    public void Evaluate(JsonElement value, string pointer, List<OnyxValidationError> errors)
    {
        if (!AcceptsAnything)
        {
            errors.Add(new(pointer, "is not allowed here."));
            return;
        }

        Ref?.Evaluate(value, pointer, errors);
        if (Types.Length > 0 && !Types.Any(type => HasType(value, type)))
        {
            errors.Add(new(pointer, $"must be {string.Join(" or ", Types)}; got {JsonSemantics.KindName(value)}."));
            return;
        }

        if (ConstJson is not null)
        {
            SchemaChecks.Const(errors, pointer, value, ConstJson);
        }

        if (EnumJson is not null && !EnumJson.Any(option => JsonSemantics.AreEqual(value, Parse(option))))
        {
            errors.Add(new(pointer, $"must be one of {string.Join(", ", EnumJson)}."));
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                string text = value.GetString()!;
                if (Format == "uri")
                {
                    SchemaChecks.Uri(errors, pointer, text);
                }
                else if (Format == "email")
                {
                    SchemaChecks.Email(errors, pointer, text);
                }
                else if (Format is string format)
                {
                    SchemaChecks.Format(errors, pointer, text, format);
                }

                if (Pattern is not null)
                {
                    SchemaChecks.Pattern(errors, pointer, text, Pattern);
                }

                SchemaChecks.Length(errors, pointer, text, MinLength, MaxLength);
                break;
            case JsonValueKind.Number:
                double number = value.GetDouble();
                SchemaChecks.Range(errors, pointer, number, Minimum, Maximum, ExclusiveMinimum, ExclusiveMaximum);
                if (MultipleOf is double divisor)
                {
                    SchemaChecks.MultipleOf(errors, pointer, value, divisor);
                }

                break;
            case JsonValueKind.Array:
                EvaluateArray(value, pointer, errors);
                break;
            case JsonValueKind.Object:
                EvaluateObject(value, pointer, errors);
                break;
        }

        if (AllOf is not null)
        {
            foreach (SchemaNode branch in AllOf)
            {
                branch.Evaluate(value, pointer, errors);
            }
        }

        if (AnyOf is not null && !AnyOf.Any(branch => branch.IsValid(value)))
        {
            errors.Add(new(pointer, $"must match at least one of {AnyOf.Length} alternatives (anyOf)."));
        }

        if (OneOf is not null)
        {
            int matches = OneOf.Count(branch => branch.IsValid(value));
            if (matches != 1)
            {
                errors.Add(new(pointer, matches == 0
                    ? $"must match exactly one of {OneOf.Length} alternatives (oneOf); it matches none."
                    : $"must match exactly one of {OneOf.Length} alternatives (oneOf); it matches {matches}."));
            }
        }
    }

    private void EvaluateArray(JsonElement value, string pointer, List<OnyxValidationError> errors)
    {
        int count = value.GetArrayLength();
        if (MinItems is int min && count < min)
        {
            errors.Add(new(pointer, $"must have at least {min} item(s); got {count}."));
        }

        if (MaxItems is int max && count > max)
        {
            errors.Add(new(pointer, $"must have at most {max} item(s); got {count}."));
        }

        JsonElement[] items = value.EnumerateArray().ToArray();
        if (UniqueItems)
        {
            for (int i = 0; i < items.Length; i++)
            {
                for (int j = i + 1; j < items.Length; j++)
                {
                    if (JsonSemantics.AreEqual(items[i], items[j]))
                    {
                        errors.Add(new(pointer, $"must not contain duplicate items (items {i} and {j} are equal)."));
                        i = items.Length;
                        break;
                    }
                }
            }
        }

        if (Items is not null)
        {
            for (int i = 0; i < items.Length; i++)
            {
                Items.Evaluate(items[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), errors);
            }
        }
    }

    private void EvaluateObject(JsonElement value, string pointer, List<OnyxValidationError> errors)
    {
        if (Required is not null)
        {
            foreach (string name in Required)
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add(new(pointer + "/" + Escape(name), "is required."));
                }
            }
        }

        foreach (JsonProperty property in value.EnumerateObject())
        {
            string childPointer = pointer + "/" + Escape(property.Name);
            if (Properties is not null && Properties.TryGetValue(property.Name, out SchemaNode? schema))
            {
                schema.Evaluate(property.Value, childPointer, errors);
            }
            else
            {
                AdditionalProperties?.Evaluate(property.Value, childPointer, errors);
            }
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && JsonSemantics.IsInteger(value),
        _ => false,
    };

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
