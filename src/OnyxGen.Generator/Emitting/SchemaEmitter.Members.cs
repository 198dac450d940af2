using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OnyxGen.Generator.Model;
using OnyxGen.Generator.Parsing;

namespace OnyxGen.Generator.Emitting;

internal sealed partial class SchemaEmitter
{
    private const string Writing = "global::OnyxGen.Serialization.JsonWriting";
    private const string Reading = "global::OnyxGen.Validation.JsonReading";

    /// <summary>One line per property: the shared <c>JsonWriting</c> helpers hold the null handling and the loops.</summary>
    private void EmitWriteJson(ObjectModel type, Dictionary<string, string> jsonNames)
    {
        string overrides = type.BaseTypeName is null ? "" : "override ";
        _w.Line("/// <summary>Writes this object as JSON with the exact wire names, leaving out optional properties that are null.</summary>");
        _w.Line("/// <param name=\"writer\">The writer.</param>");
        _w.Open($"public {overrides}void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)");
        _w.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in type.Properties)
        {
            // A const, a non-nullable value and a required property are always written (null stays visible to validation).
            bool always = property.Type.ConstJson is not null || property.IsRequired || (!property.IsNullable && IsValueType(property.Type));
            string method = always ? "Required" : "Optional";
            string name = jsonNames[property.JsonName];
            TypeModel t = property.Type;
            if (t.Kind == TypeKind.StringEnum)
            {
                _w.Line($"{Writing}.{method}<{TypeExpression(t, nullable: false)}>(writer, {name}, this.{property.PropertyName}, {ConfigType}.ToWire);");
            }
            else if (t.Kind == TypeKind.Array)
            {
                _w.Line($"{Writing}.{method}(writer, {name}, this.{property.PropertyName}, {ItemWriter(t.Items!, 0)});");
            }
            else
            {
                _w.Line($"{Writing}.{method}(writer, {name}, this.{property.PropertyName});");
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

    /// <summary>An <c>Action&lt;Utf8JsonWriter, T&gt;</c> that writes one item of a list.</summary>
    private string ItemWriter(TypeModel item, int depth)
    {
        string w = "w" + depth.ToString(CultureInfo.InvariantCulture), v = "v" + depth.ToString(CultureInfo.InvariantCulture);
        return item.Kind switch
        {
            TypeKind.StringEnum => $"static (global::System.Text.Json.Utf8JsonWriter {w}, {TypeExpression(item, nullable: false)} {v}) => {w}.WriteStringValue({ConfigType}.ToWire({v}))",
            TypeKind.Array => $"static (global::System.Text.Json.Utf8JsonWriter {w}, {TypeExpression(item, nullable: false)} {v}) => {Writing}.Array({w}, {v}, {ItemWriter(item.Items!, depth + 1)})",
            _ => $"{Writing}.Item",
        };
    }

    private void EmitValidate(ObjectModel type, Dictionary<string, string> patterns)
    {
        if (type.BaseTypeName is null)
        {
            // A union case inherits Validate() from its base, which calls the overridden ValidateInto.
            EmitValidateEntryPoint();
        }

        _w.Line("/// <summary>Adds this object's violations, under <paramref name=\"pointer\"/> (its JSON pointer), to <paramref name=\"errors\"/>.</summary>");
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
                List<string> calls = ValidationCalls(property.Type, local, pointer, patterns);
                if (property.Type.Kind != TypeKind.Array && calls.Count == 1)
                {
                    // One check: the null test and the call fit on one line.
                    _w.Line($"if ({member} is {{ }} {local}) {calls[0]}");
                }
                else
                {
                    _w.Open($"if ({member} is {{ }} {local})");
                    ValidateValue(property.Type, local, pointer, patterns, 0);
                    _w.Close();
                }
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
        _w.Line("public global::System.Collections.Generic.IReadOnlyList<global::OnyxGen.OnyxValidationError> Validate() => global::OnyxGen.Validation.SchemaChecks.Validate(this);");
        _w.Line();
    }

    private void ValidateValue(TypeModel type, string expression, string pointer, Dictionary<string, string> patterns, int depth)
    {
        foreach (string call in ValidationCalls(type, expression, pointer, patterns))
        {
            _w.Line(call);
        }

        if (type.Kind == TypeKind.Array && HasChecks(type.Items!))
        {
            string index = "i" + depth.ToString(CultureInfo.InvariantCulture);
            _w.Open($"for (int {index} = 0; {index} < {expression}.Count; {index}++)");
            ValidateValue(type.Items!, $"{expression}[{index}]", $"{pointer} + \"/\" + {index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)", patterns, depth + 1);
            _w.Close();
        }
    }

    /// <summary>The check calls for one value (for an array, the checks of the array itself, not of its items).</summary>
    private List<string> ValidationCalls(TypeModel type, string expression, string pointer, Dictionary<string, string> patterns)
    {
        var calls = new List<string>();
        ConstraintModel c = type.Constraints;
        string text = type.Kind == TypeKind.Secret ? expression + ".Reveal()" : expression;
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Secret:
                if (c.Format is "uri")
                {
                    calls.Add($"{Checks}.Uri(errors, {pointer}, {text});");
                }
                else if (c.Format is "email")
                {
                    calls.Add($"{Checks}.Email(errors, {pointer}, {text});");
                }
                else if (c.Format is string format)
                {
                    calls.Add($"{Checks}.Format(errors, {pointer}, {text}, {CSharpLiterals.String(format)});");
                }

                if (c.Pattern is string pattern)
                {
                    calls.Add($"{Checks}.Pattern(errors, {pointer}, {text}, {patterns[pattern]});");
                }

                if (c.MinLength is not null || c.MaxLength is not null)
                {
                    calls.Add($"{Checks}.Length(errors, {pointer}, {text}, {Int(c.MinLength)}, {Int(c.MaxLength)});");
                }

                break;
            case TypeKind.Integer:
            case TypeKind.Number:
                if (c.Minimum is not null || c.Maximum is not null || c.ExclusiveMinimum is not null || c.ExclusiveMaximum is not null)
                {
                    calls.Add($"{Checks}.Range(errors, {pointer}, (double){expression}, {Num(c.Minimum)}, {Num(c.Maximum)}, {Num(c.ExclusiveMinimum)}, {Num(c.ExclusiveMaximum)});");
                }

                if (c.MultipleOf is string multipleOf)
                {
                    calls.Add($"{Checks}.MultipleOf(errors, {pointer}, (double?){expression}, {multipleOf}d);");
                }

                if (c.IntegerEnum.Count > 0)
                {
                    calls.Add($"{Checks}.OneOfValues(errors, {pointer}, {expression}, new long[] {{ {string.Join(", ", c.IntegerEnum.Select(v => v + "L"))} }});");
                }

                break;
            case TypeKind.Array:
                if (c.MinItems is not null || c.MaxItems is not null || c.UniqueItems)
                {
                    calls.Add($"{Checks}.Items(errors, {pointer}, {expression}, {Int(c.MinItems)}, {Int(c.MaxItems)}, {(c.UniqueItems ? "true" : "false")});");
                }

                break;
            case TypeKind.Object:
                calls.Add($"{expression}.ValidateInto({pointer}, errors);");
                break;
            case TypeKind.Any when type.Node >= 0:
                calls.Add($"{NodeExpression(type.Node)}.Evaluate({expression}, {pointer}, errors);");
                break;
        }

        return calls;
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
            TypeModel t = property.Type;
            string pointer = CSharpLiterals.String(SchemaParser.Pointer("", property.JsonName));
            string found = property.IsRequired ? $"has{i} = true; " : "";
            // JSON null is "no value" where the schema allows null, a violation where it does not.
            string allowNull = property.AllowsNull ? "true" : "false";
            string caseLabel = CSharpLiterals.String(property.JsonName);
            if (t.ConstJson is string constJson)
            {
                _w.Line($"case {caseLabel}: {found}{Checks}.Const(errors, pointer + {pointer}, member.Value, {CSharpLiterals.String(constJson)}); break;");
            }
            else if (t.Kind == TypeKind.Any)
            {
                _w.Line($"case {caseLabel}: {found}value{i} = member.Value.Clone(); break;");
            }
            else if (t.Kind == TypeKind.Array)
            {
                _w.Line($"case {caseLabel}: {found}if ({Reading}.ArrayMember<{TypeExpression(t.Items!, nullable: false)}>(member.Value, pointer + {pointer}, errors, {allowNull}, {ItemReader(t.Items!)}, out var read{i})) value{i} = read{i}; break;");
            }
            else
            {
                _w.Line($"case {caseLabel}: {found}if ({Reading}.Member<{TypeExpression(t, nullable: false)}>(member.Value, pointer + {pointer}, errors, {allowNull}, {ItemReader(t)}, out var read{i})) value{i} = read{i}; break;");
            }
        }

        _w.Line(type.ExtensionDataName is not null
            ? "default: (extension ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>())[member.Name] = member.Value.Clone(); break;"
            : $"default: {Reading}.NotAllowed(errors, pointer, member.Name); break;");
        _w.Close();
        _w.Close();
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            if (property.IsRequired)
            {
                _w.Line($"if (!has{i}) {Checks}.Required(errors, pointer + {CSharpLiterals.String(SchemaParser.Pointer("", property.JsonName))}, present: false);");
            }
        }

        _w.Line("if (errors.Count > before) return false;");
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
        _w.Line($"public static {modifier}{self} FromJson(global::System.Text.Json.JsonElement json) => {Reading}.FromJson<{self}>(json, {CSharpLiterals.String(typeName)}, TryRead);");
        _w.Line();
        _w.Line("/// <summary>Checks JSON against the schema by reading it into this type and validating it: every violation, with its JSON pointer.</summary>");
        _w.Line("/// <param name=\"json\">The JSON to check.</param>");
        _w.Line($"public static {modifier}global::System.Collections.Generic.IReadOnlyList<global::OnyxGen.OnyxValidationError> ValidateJson(global::System.Text.Json.JsonElement json) => {Reading}.ValidateJson<{self}>(json, TryRead);");
        _w.Line();
        _w.Line("/// <summary>Reads JSON into this type, adding problems to <paramref name=\"errors\"/> under <paramref name=\"pointer\"/>; false when it could not be read.</summary>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Open($"public static bool TryRead(global::System.Text.Json.JsonElement json, string pointer, {Errors} errors, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {self} result)");
        _w.Line("result = null!;");
        _w.Line($"if (!{Reading}.IsObject(json, pointer, errors)) return false;");
    }

    /// <summary>An <c>ItemReader&lt;T&gt;</c> (a method group where one exists) that reads a value of <paramref name="type"/>.</summary>
    private string ItemReader(TypeModel type) => type.Kind switch
    {
        TypeKind.String => $"{Reading}.TryString",
        TypeKind.Secret => $"{Reading}.TrySecret",
        TypeKind.Integer => $"{Reading}.TryInteger",
        TypeKind.Number => $"{Reading}.TryNumber",
        TypeKind.Boolean => $"{Reading}.TryBoolean",
        TypeKind.Uuid => $"{Reading}.TryUuid",
        TypeKind.DateTime => $"{Reading}.TryDateTime",
        TypeKind.StringEnum => $"{ConfigType}.TryFromWire",
        TypeKind.Object => $"{ConfigType}.{type.ReferenceName}.TryRead",
        TypeKind.Array => $"{Reading}.ArrayOf<{TypeExpression(type.Items!, nullable: false)}>({ItemReader(type.Items!)})",
        _ => $"{Reading}.TryAnyItem",
    };

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
