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
        string overrides = type.BaseTypeName is null ? "" : "override ";
        _w.Line("/// <summary>Writes this object as JSON with the exact wire names, leaving out optional properties that are null.</summary>");
        _w.Line("/// <param name=\"writer\">The writer.</param>");
        _w.Open($"public {overrides}void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)");
        _w.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in type.Properties)
        {
            string name = jsonNames[property.JsonName];
            string member = "this." + property.PropertyName;
            if (property.Type.ConstJson is not null || (!property.IsNullable && IsValueType(property.Type)))
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

        if (type.ExtensionDataName is string extension)
        {
            string declared = string.Join(" || ", type.Properties.Select(p => $"pair.Key == {CSharpLiterals.String(p.JsonName)}"));
            _w.Open($"if (this.{extension} is {{ }} extension)");
            _w.Open("foreach (var pair in extension)");
            if (type.Properties.Count > 0)
            {
                _w.Line($"if ({declared}) continue; // a declared property wins over a stray copy of it");
            }

            _w.Line("writer.WritePropertyName(pair.Key);");
            _w.Line("pair.Value.WriteTo(writer);");
            _w.Close();
            _w.Close();
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
                // An indexed loop: foreach over IReadOnlyList<T> would box its enumerator on every write.
                string index = "i" + depth.ToString(CultureInfo.InvariantCulture);
                _w.Line("writer.WriteStartArray();");
                _w.Open($"for (int {index} = 0; {index} < {expression}.Count; {index}++)");
                WriteValue(type.Items!, $"{expression}[{index}]", depth + 1);
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
        if (type.BaseTypeName is null)
        {
            // A union case inherits Validate() from its base, which calls the overridden ValidateInto.
            EmitValidateEntryPoint();
        }

        _w.Line("/// <summary>Adds this object's violations, under <paramref name=\"pointer\"/>, to <paramref name=\"errors\"/>.</summary>");
        _w.Line("/// <param name=\"pointer\">The JSON pointer of this object.</param>");
        _w.Line("/// <param name=\"errors\">Where violations are added.</param>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Open($"public {(type.BaseTypeName is null ? "" : "override ")}void ValidateInto(string pointer, {Errors} errors)");
        foreach (PropertyModel property in type.Properties)
        {
            string member = "this." + property.PropertyName;
            string pointer = $"pointer + {CSharpLiterals.String(SchemaParser.Pointer("", property.JsonName))}";
            if (property.Type.ConstJson is not null)
            {
                continue;
            }

            if (property.Type.Kind == TypeKind.Any && property.Type.Node >= 0)
            {
                // Raw JSON checked by its schema node; a required property that holds nothing is checked as JSON null.
                _w.Line(property.IsRequired
                    ? $"{NodeExpression(property.Type.Node)}.Evaluate({member} ?? global::OnyxGen.Validation.JsonReading.Null, {pointer}, errors);"
                    : $"if ({member} is {{ }} value{_fieldCounter}) {NodeExpression(property.Type.Node)}.Evaluate(value{_fieldCounter++}, {pointer}, errors);");
                continue;
            }

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

        if (type.ExtensionDataName is string extension && type.ExtensionDataNode >= 0)
        {
            _w.Open($"if (this.{extension} is {{ }} extension)");
            _w.Open("foreach (var pair in extension)");
            _w.Line($"{NodeExpression(type.ExtensionDataNode)}.Evaluate(pair.Value, pointer + \"/\" + pair.Key.Replace(\"~\", \"~0\").Replace(\"/\", \"~1\"), errors);");
            _w.Close();
            _w.Close();
        }

        _w.Close();
        _w.Line();
    }

    private void EmitValidateEntryPoint()
    {
        _w.Line("/// <summary>Checks this value against its schema; returns every violation with its JSON pointer (empty when valid).</summary>");
        _w.Open("public global::System.Collections.Generic.IReadOnlyList<global::OnyxGen.OnyxValidationError> Validate()");
        _w.Line($"var errors = new {Errors}();");
        _w.Line("ValidateInto(\"\", errors);");
        _w.Line("return errors;");
        _w.Close();
        _w.Line();
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

                if (c.MultipleOf is string multipleOf)
                {
                    _w.Line($"{Checks}.MultipleOf(errors, {pointer}, (double?){expression}, {multipleOf}d);");
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
            case TypeKind.Any when type.Node >= 0:
                _w.Line($"{NodeExpression(type.Node)}.Evaluate({expression}, {pointer}, errors);");
                break;
        }
    }

    private void EmitReaders(ObjectModel type)
    {
        string self = type.Role == ObjectRole.Nested ? $"{ConfigType}.{type.TypeName}" : $"global::{_namespace}.{type.TypeName}";
        EmitReaderEntryPoints(type.TypeName, self, hides: type.BaseTypeName is not null);
        _w.Line("int before = errors.Count;");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            if (property.IsRequired)
            {
                _w.Line($"bool has{i} = false;");
            }

            if (property.Type.ConstJson is null)
            {
                _w.Line($"{TypeExpression(property.Type, nullable: true)} value{i} = default;");
            }
        }

        if (type.ExtensionDataName is not null)
        {
            _w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extension = null;");
        }

        _w.Open("foreach (var member in json.EnumerateObject())");
        _w.Open("switch (member.Name)");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            string pointer = $"pointer + {CSharpLiterals.String(SchemaParser.Pointer("", property.JsonName))}";
            _w.Open($"case {CSharpLiterals.String(property.JsonName)}:");
            if (property.IsRequired)
            {
                _w.Line($"has{i} = true;");
            }

            if (property.Type.ConstJson is string constJson)
            {
                _w.Open($"if (!global::OnyxGen.Validation.SchemaNode.EqualsJson(member.Value, {CSharpLiterals.String(constJson)}))");
                _w.Line($"errors.Add(new global::OnyxGen.OnyxValidationError({pointer}, {CSharpLiterals.String("must be " + constJson + ".")}));");
                _w.Close();
            }
            else if (property.Type.Kind == TypeKind.Any)
            {
                _w.Line($"value{i} = member.Value.Clone();");
            }
            else
            {
                string read = ReadCall(property.Type, "member.Value", pointer, "errors", "read", 0);
                if (property.AllowsNull)
                {
                    // JSON null is "no value" where the schema allows null.
                    _w.Open($"if (member.Value.ValueKind != global::System.Text.Json.JsonValueKind.Null && {read})");
                    _w.Line($"value{i} = read;");
                    _w.Close();
                }
                else
                {
                    _w.Open("if (member.Value.ValueKind == global::System.Text.Json.JsonValueKind.Null)");
                    _w.Line($"errors.Add(new global::OnyxGen.OnyxValidationError({pointer}, \"must not be null.\"));");
                    _w.Close();
                    _w.Open($"else if ({read})");
                    _w.Line($"value{i} = read;");
                    _w.Close();
                }
            }

            _w.Line("break;");
            _w.Close();
        }

        _w.Open("default:");
        if (type.ExtensionDataName is not null)
        {
            _w.Line("(extension ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>())[member.Name] = member.Value.Clone();");
        }
        else
        {
            _w.Line("global::OnyxGen.Validation.JsonReading.NotAllowed(errors, pointer, member.Name);");
        }

        _w.Line("break;");
        _w.Close();
        _w.Close();
        _w.Close();
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            if (property.IsRequired)
            {
                _w.Open($"if (!has{i})");
                _w.Line($"errors.Add(new global::OnyxGen.OnyxValidationError(pointer + {CSharpLiterals.String(SchemaParser.Pointer("", property.JsonName))}, \"is required.\"));");
                _w.Close();
            }
        }

        _w.Open("if (errors.Count > before)");
        _w.Line("return false;");
        _w.Close();
        var assignments = new List<string>();
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            if (property.Type.ConstJson is not null)
            {
                continue;
            }

            bool unwrap = !property.IsNullable && IsValueType(property.Type);
            assignments.Add($"{property.PropertyName} = value{i}{(unwrap ? ".GetValueOrDefault()" : property.IsNullable ? "" : "!")}");
        }

        if (type.ExtensionDataName is string extensionName)
        {
            assignments.Add($"{extensionName} = extension");
        }

        _w.Line(assignments.Count == 0 ? $"result = new {self}();" : $"result = new {self} {{ {string.Join(", ", assignments)} }};");
        _w.Line("return true;");
        _w.Close();
    }

    /// <summary>
    /// FromJson, ValidateJson and the opening of TryRead (through the JSON-object check), shared by classes and unions.
    /// <paramref name="hides"/>: a union case's FromJson/ValidateJson hide its base's dispatching ones.
    /// </summary>
    private void EmitReaderEntryPoints(string typeName, string self, bool hides)
    {
        string modifier = hides ? "new " : "";
        _w.Line();
        _w.Line("/// <summary>Reads JSON into this type (e.g. a config read back from Onyx).</summary>");
        _w.Line("/// <param name=\"json\">A JSON object.</param>");
        _w.Line("/// <exception cref=\"global::OnyxGen.OnyxValidationException\">The JSON does not fit the type (a missing required key, a value of the wrong JSON type, an undeclared key where none is allowed).</exception>");
        _w.Open($"public static {modifier}{self} FromJson(global::System.Text.Json.JsonElement json)");
        _w.Line($"var errors = new {Errors}();");
        _w.Line($"return TryRead(json, \"\", errors, out {self}? result) ? result! : throw new global::OnyxGen.OnyxValidationException({CSharpLiterals.String(typeName)}, errors);");
        _w.Close();
        _w.Line();
        _w.Line("/// <summary>Checks JSON against the schema by reading it into this type and validating it: every violation, with its JSON pointer.</summary>");
        _w.Line("/// <param name=\"json\">The JSON to check.</param>");
        _w.Open($"public static {modifier}global::System.Collections.Generic.IReadOnlyList<global::OnyxGen.OnyxValidationError> ValidateJson(global::System.Text.Json.JsonElement json)");
        _w.Line($"var errors = new {Errors}();");
        _w.Open($"if (TryRead(json, \"\", errors, out {self}? result))");
        _w.Line("result!.ValidateInto(\"\", errors);");
        _w.Close();
        _w.Line("return errors;");
        _w.Close();
        _w.Line();
        _w.Line("/// <summary>Reads JSON into this type, adding problems to <paramref name=\"errors\"/>.</summary>");
        _w.Line("/// <param name=\"json\">The JSON.</param>");
        _w.Line("/// <param name=\"pointer\">Its JSON pointer.</param>");
        _w.Line("/// <param name=\"errors\">Where violations are added.</param>");
        _w.Line("/// <param name=\"result\">The value read, when it could be read.</param>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Open($"public static bool TryRead(global::System.Text.Json.JsonElement json, string pointer, {Errors} errors, out {self}? result)");
        _w.Line("result = null;");
        _w.Open("if (!global::OnyxGen.Validation.JsonReading.IsObject(json, pointer, errors))");
        _w.Line("return false;");
        _w.Close();
    }

    /// <summary>A bool expression that reads <paramref name="json"/> as <paramref name="type"/> into a new local <paramref name="output"/>.</summary>
    private string ReadCall(TypeModel type, string json, string pointer, string errors, string output, int depth)
    {
        const string Reading = "global::OnyxGen.Validation.JsonReading";
        switch (type.Kind)
        {
            case TypeKind.String: return $"{Reading}.TryString({json}, {pointer}, {errors}, out var {output})";
            case TypeKind.Secret: return $"{Reading}.TrySecret({json}, {pointer}, {errors}, out var {output})";
            case TypeKind.Integer: return $"{Reading}.TryInteger({json}, {pointer}, {errors}, out var {output})";
            case TypeKind.Number: return $"{Reading}.TryNumber({json}, {pointer}, {errors}, out var {output})";
            case TypeKind.Boolean: return $"{Reading}.TryBoolean({json}, {pointer}, {errors}, out var {output})";
            case TypeKind.Uuid: return $"{Reading}.TryUuid({json}, {pointer}, {errors}, out var {output})";
            case TypeKind.DateTime: return $"{Reading}.TryDateTime({json}, {pointer}, {errors}, out var {output})";
            case TypeKind.StringEnum: return $"{ConfigType}.TryFromWire({json}, {pointer}, {errors}, out {ConfigType}.{type.ReferenceName} {output})";
            case TypeKind.Object: return $"{ConfigType}.{type.ReferenceName}.TryRead({json}, {pointer}, {errors}, out var {output})";
            case TypeKind.Array:
                string itemType = TypeExpression(type.Items!, nullable: false);
                string e = "e" + depth.ToString(CultureInfo.InvariantCulture), p = "p" + depth.ToString(CultureInfo.InvariantCulture), es = "es" + depth.ToString(CultureInfo.InvariantCulture), item = "item" + depth.ToString(CultureInfo.InvariantCulture), r = "r" + depth.ToString(CultureInfo.InvariantCulture);
                string read = ReadCall(type.Items!, e, p, es, r, depth + 1);
                string body = type.Items!.Kind == TypeKind.Object
                    ? $"{{ bool ok = {read}; {item} = {r}!; return ok; }}"
                    : $"{{ bool ok = {read}; {item} = {r}; return ok; }}";
                string lambda = $"(global::System.Text.Json.JsonElement {e}, string {p}, {Errors} {es}, out {itemType} {item}) => {body}";
                return $"{Reading}.TryArray<{itemType}>({json}, {pointer}, {errors}, {lambda}, out var {output})";
            default: return $"{Reading}.TryAny({json}, out var {output})";
        }
    }

    private static bool HasChecks(TypeModel type)
    {
        ConstraintModel c = type.Constraints;
        return type.Kind switch
        {
            TypeKind.String or TypeKind.Secret => c.Format is not null || c.Pattern is not null || c.MinLength is not null || c.MaxLength is not null,
            TypeKind.Integer or TypeKind.Number => c.Minimum is not null || c.Maximum is not null || c.ExclusiveMinimum is not null || c.ExclusiveMaximum is not null || c.IntegerEnum.Count > 0 || c.MultipleOf is not null,
            TypeKind.Any => type.Node >= 0,
            TypeKind.Array => c.MinItems is not null || c.MaxItems is not null || c.UniqueItems || HasChecks(type.Items!),
            TypeKind.Object => true,
            _ => false,
        };
    }

    private static string Int(int? value) => value is int v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    private static string Num(string? value) => value is null ? "null" : value + "d";
}
