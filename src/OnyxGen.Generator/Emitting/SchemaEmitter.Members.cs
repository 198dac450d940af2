using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OnyxGen.Generator.Model;
using OnyxGen.Generator.Parsing;

namespace OnyxGen.Generator.Emitting;

internal sealed partial class SchemaEmitter
{
    private void EmitWriteJson(ObjectModel type, Dictionary<string, string> jsonNames)
    {
        _w.Line("/// <summary>Writes this object as JSON with the exact wire names, leaving out optional properties that are null.</summary>");
        _w.Line("/// <param name=\"writer\">The writer.</param>");
        _w.Open("public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)");
        _w.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in type.Properties)
        {
            string name = jsonNames[property.JsonName];
            string member = "this." + property.PropertyName;
            if (!property.IsNullable && IsValueType(property.Type))
            {
                _w.Line($"writer.WritePropertyName({name});");
                WriteValue(property.Type, member, 0);
            }
            else if (property.IsRequired)
            {
                string local = "value" + _fieldCounter++.ToString(CultureInfo.InvariantCulture);
                _w.Line($"writer.WritePropertyName({name});");
                _w.Open($"if ({member} is {{ }} {local})");
                WriteValue(property.Type, local, 0);
                _w.Close();
                _w.Open("else");
                _w.Line("writer.WriteNullValue();");
                _w.Close();
            }
            else
            {
                string local = "value" + _fieldCounter++.ToString(CultureInfo.InvariantCulture);
                _w.Open($"if ({member} is {{ }} {local})");
                _w.Line($"writer.WritePropertyName({name});");
                WriteValue(property.Type, local, 0);
                _w.Close();
            }
        }

        _w.Line("writer.WriteEndObject();");
        _w.Close();
        _w.Line();
    }

    private void WriteValue(TypeModel type, string expression, int depth)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Uuid:
            case TypeKind.DateTime:
                _w.Line($"writer.WriteStringValue({expression});");
                break;
            case TypeKind.Secret:
                _w.Line($"writer.WriteStringValue({expression}.Reveal());");
                break;
            case TypeKind.Integer:
            case TypeKind.Number:
                _w.Line($"writer.WriteNumberValue({expression});");
                break;
            case TypeKind.Boolean:
                _w.Line($"writer.WriteBooleanValue({expression});");
                break;
            case TypeKind.StringEnum:
                _w.Line($"writer.WriteStringValue({ConfigType}.ToWire({expression}));");
                break;
            case TypeKind.Array:
                string item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                _w.Line("writer.WriteStartArray();");
                _w.Open($"foreach (var {item} in {expression})");
                WriteValue(type.Items!, item, depth + 1);
                _w.Close();
                _w.Line("writer.WriteEndArray();");
                break;
            case TypeKind.Object:
                _w.Line($"{expression}.WriteJson(writer);");
                break;
            default:
                _w.Line($"{expression}.WriteTo(writer);");
                break;
        }
    }

    private void EmitValidate(ObjectModel type, Dictionary<string, string> patterns)
    {
        _w.Line("/// <summary>Checks this object against its schema; returns every violation with its JSON pointer (empty when valid).</summary>");
        _w.Open("public global::System.Collections.Generic.IReadOnlyList<global::OnyxGen.OnyxValidationError> Validate()");
        _w.Line($"var errors = new {Errors}();");
        _w.Line("ValidateInto(\"\", errors);");
        _w.Line("return errors;");
        _w.Close();
        _w.Line();
        _w.Line("/// <summary>Adds this object's violations, under <paramref name=\"pointer\"/>, to <paramref name=\"errors\"/>.</summary>");
        _w.Line("/// <param name=\"pointer\">The JSON pointer of this object.</param>");
        _w.Line("/// <param name=\"errors\">Where violations are added.</param>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Open($"public void ValidateInto(string pointer, {Errors} errors)");
        foreach (PropertyModel property in type.Properties)
        {
            string member = "this." + property.PropertyName;
            string pointer = $"pointer + {CSharpLiterals.String(SchemaParser.Pointer("", property.JsonName))}";
            if (property.IsRequired && !property.IsNullable && property.Type.Kind == TypeKind.Secret)
            {
                _w.Line($"{Checks}.Required(errors, {pointer}, !{member}.IsEmpty);");
            }
            else if (property.IsRequired && !property.IsNullable && !IsValueType(property.Type))
            {
                _w.Line($"{Checks}.Required(errors, {pointer}, {member} is not null);");
            }

            if (!HasChecks(property.Type))
            {
                continue;
            }

            if (!property.IsNullable && IsValueType(property.Type))
            {
                ValidateValue(property.Type, member, pointer, patterns, 0);
            }
            else
            {
                string local = "value" + _fieldCounter++.ToString(CultureInfo.InvariantCulture);
                _w.Open($"if ({member} is {{ }} {local})");
                ValidateValue(property.Type, local, pointer, patterns, 0);
                _w.Close();
            }
        }

        if (type.AuthenticationModes.Count > 0)
        {
            var groups = new List<string>();
            var descriptions = new List<string>();
            foreach (AuthenticationMode mode in type.AuthenticationModes)
            {
                IEnumerable<string> checks = mode.RequiredJsonNames.Select(name => IsSetExpression(type.Properties.First(p => p.JsonName == name)));
                groups.Add(mode.RequiredJsonNames.Count == 0 ? "true" : string.Join(" && ", checks));
                descriptions.Add($"{mode.Title} ({string.Join(", ", mode.RequiredJsonNames)})");
            }

            _w.Line($"{Checks}.AnyGroupComplete(errors, pointer, new bool[] {{ {string.Join(", ", groups)} }}, {CSharpLiterals.String(string.Join("; or ", descriptions))});");
        }

        _w.Close();
    }

    private void ValidateValue(TypeModel type, string expression, string pointer, Dictionary<string, string> patterns, int depth)
    {
        ConstraintModel c = type.Constraints;
        string text = type.Kind == TypeKind.Secret ? expression + ".Reveal()" : expression;
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Secret:
                if (c.Format is "uri")
                {
                    _w.Line($"{Checks}.Uri(errors, {pointer}, {text});");
                }
                else if (c.Format is "email")
                {
                    _w.Line($"{Checks}.Email(errors, {pointer}, {text});");
                }
                else if (c.Format is string format)
                {
                    _w.Line($"{Checks}.Format(errors, {pointer}, {text}, {CSharpLiterals.String(format)});");
                }

                if (c.Pattern is string pattern)
                {
                    _w.Line($"{Checks}.Pattern(errors, {pointer}, {text}, {patterns[pattern]});");
                }

                if (c.MinLength is not null || c.MaxLength is not null)
                {
                    _w.Line($"{Checks}.Length(errors, {pointer}, {text}, {Int(c.MinLength)}, {Int(c.MaxLength)});");
                }

                break;
            case TypeKind.Integer:
            case TypeKind.Number:
                if (c.Minimum is not null || c.Maximum is not null || c.ExclusiveMinimum is not null || c.ExclusiveMaximum is not null)
                {
                    _w.Line($"{Checks}.Range(errors, {pointer}, (double){expression}, {Num(c.Minimum)}, {Num(c.Maximum)}, {Num(c.ExclusiveMinimum)}, {Num(c.ExclusiveMaximum)});");
                }

                if (c.IntegerEnum.Count > 0)
                {
                    _w.Line($"{Checks}.OneOfValues(errors, {pointer}, {expression}, new long[] {{ {string.Join(", ", c.IntegerEnum.Select(v => v + "L"))} }});");
                }

                break;
            case TypeKind.Array:
                if (c.MinItems is not null || c.MaxItems is not null || c.UniqueItems)
                {
                    _w.Line($"{Checks}.Items(errors, {pointer}, {expression}, {Int(c.MinItems)}, {Int(c.MaxItems)}, {(c.UniqueItems ? "true" : "false")});");
                }

                if (HasChecks(type.Items!))
                {
                    string index = "i" + depth.ToString(CultureInfo.InvariantCulture);
                    _w.Open($"for (int {index} = 0; {index} < {expression}.Count; {index}++)");
                    ValidateValue(type.Items!, $"{expression}[{index}]", $"{pointer} + \"/\" + {index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)", patterns, depth + 1);
                    _w.Close();
                }

                break;
            case TypeKind.Object:
                _w.Line($"{expression}.ValidateInto({pointer}, errors);");
                break;
        }
    }

    private static bool HasChecks(TypeModel type)
    {
        ConstraintModel c = type.Constraints;
        return type.Kind switch
        {
            TypeKind.String or TypeKind.Secret => c.Format is not null || c.Pattern is not null || c.MinLength is not null || c.MaxLength is not null,
            TypeKind.Integer or TypeKind.Number => c.Minimum is not null || c.Maximum is not null || c.ExclusiveMinimum is not null || c.ExclusiveMaximum is not null || c.IntegerEnum.Count > 0,
            TypeKind.Array => c.MinItems is not null || c.MaxItems is not null || c.UniqueItems || HasChecks(type.Items!),
            TypeKind.Object => true,
            _ => false,
        };
    }

    private static string Int(int? value) => value is int v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    private static string Num(string? value) => value is null ? "null" : value + "d";
}
