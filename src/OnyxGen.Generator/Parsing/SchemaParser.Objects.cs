using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OnyxGen.Generator.Diagnostics;
using OnyxGen.Generator.Model;
using OnyxGen.Generator.Naming;

namespace OnyxGen.Generator.Parsing;

internal sealed partial class SchemaParser
{
    private static readonly HashSet<string> ObjectKeywords = new(StringComparer.Ordinal)
    {
        "type", "properties", "required", "additionalProperties", "oneOf", "anyOf", "$defs", "definitions",
        "x-onyx-source", "x-onyx-class", "x-onyx-input-types", "x-onyx-perm-sync", "x-onyx-credential", "x-onyx-name",
        "deprecated", "readOnly", "writeOnly", "default",
    };

    private static readonly HashSet<string> ValueKeywords = new(StringComparer.Ordinal)
    {
        "type", "format", "enum", "default", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "items", "minItems", "maxItems", "uniqueItems", "properties", "required", "additionalProperties",
        "$ref", "deprecated", "readOnly", "writeOnly", "x-onyx-secret", "x-onyx-name", "oneOf", "anyOf",
    };

    /// <summary>Parses an object schema into a class and registers it; returns its type name.</summary>
    private string ParseObject(JsonObjectNode schema, string typeName, ObjectRole role, string pointer, bool isRoot)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        ReportUnknownKeywords(schema, pointer, ObjectKeywords);

        var properties = new List<PropertyModel>();
        var enums = new List<EnumModel>();
        var requiredNames = RequiredNames(schema, pointer);
        var memberNames = new UniqueNameScope((role == ObjectRole.Config ? ReservedConfigMembers : ReservedNestedMembers).Concat(new[] { typeName }));

        if (schema.GetMember("properties") is JsonMember propertiesMember)
        {
            if (propertiesMember.Value is JsonObjectNode propertyNodes)
            {
                foreach (JsonMember property in propertyNodes.Members)
                {
                    PropertyModel? model = ParseProperty(property, Pointer(pointer + "/properties", property.Name), requiredNames.ContainsKey(property.Name), memberNames, enums);
                    if (model is not null)
                    {
                        properties.Add(model);
                    }
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(propertiesMember.Value), "properties", pointer, "must be an object");
            }
        }

        foreach (KeyValuePair<string, JsonNode> required in requiredNames)
        {
            if (!properties.Any(p => p.JsonName == required.Key))
            {
                Report(DiagnosticDescriptors.UndeclaredRequiredId, At(required.Value), required.Key, pointer);
            }
        }

        bool allowsAdditional = true;
        if (schema.Get("additionalProperties") is JsonNode additional)
        {
            if (additional is JsonBooleanNode flag)
            {
                allowsAdditional = flag.Value;
            }
            else if (additional is not JsonObjectNode)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(additional), "additionalProperties", pointer, "must be a boolean or a schema");
            }
        }

        var modes = new List<AuthenticationMode>();
        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.GetMember(keyword) is JsonMember alternatives)
            {
                ParseAuthenticationModes(alternatives, Pointer(pointer, keyword), properties, modes);
            }
        }

        if (isRoot && schema.Get("$defs") is JsonNode defs && defs is not JsonObjectNode)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(defs), "$defs", pointer, "must be an object");
        }

        _types.Add(new ObjectModel(
            typeName,
            role,
            StringOf(schema, "title"),
            StringOf(schema, "description"),
            properties.ToEquatableArray(),
            allowsAdditional,
            modes.ToEquatableArray(),
            enums.ToEquatableArray()));
        return typeName;
    }

    private Dictionary<string, JsonNode> RequiredNames(JsonObjectNode schema, string pointer)
    {
        var names = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        if (schema.Get("required") is JsonNode required)
        {
            if (required is JsonArrayNode array)
            {
                foreach (JsonNode item in array.Items)
                {
                    if (item is JsonStringNode name)
                    {
                        names[name.Value] = item;
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.InvalidKeywordValueId, At(item), "required", pointer, "must list property names (strings)");
                    }
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(required), "required", pointer, "must be an array of property names");
            }
        }

        return names;
    }

    /// <summary>oneOf/anyOf on an object: each branch is an authentication mode, the keys it requires.</summary>
    private void ParseAuthenticationModes(JsonMember alternatives, string pointer, List<PropertyModel> properties, List<AuthenticationMode> modes)
    {
        if (alternatives.Value is not JsonArrayNode branches || branches.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(alternatives.Value), alternatives.Name, pointer, "must be a non-empty array of schemas");
            return;
        }

        for (int i = 0; i < branches.Items.Count; i++)
        {
            string branchPointer = pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
            if (branches.Items[i] is not JsonObjectNode branch)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(branches.Items[i]), alternatives.Name, branchPointer, "branches must be schemas");
                continue;
            }

            foreach (JsonMember member in branch.Members)
            {
                // A branch's "properties" pin the mode's discriminator (e.g. authentication_method): documented, not enforced.
                if (member.Name is not ("required" or "title" or "description" or "properties" or "$comment"))
                {
                    Report(DiagnosticDescriptors.UnsupportedKeywordId, AtName(member), member.Name, branchPointer);
                }
            }

            Dictionary<string, JsonNode> required = RequiredNames(branch, branchPointer);
            foreach (KeyValuePair<string, JsonNode> name in required)
            {
                if (!properties.Any(p => p.JsonName == name.Key))
                {
                    Report(DiagnosticDescriptors.UndeclaredRequiredId, At(name.Value), name.Key, branchPointer);
                }
            }

            string title = StringOf(branch, "title") ?? "mode " + (i + 1).ToString(CultureInfo.InvariantCulture);
            modes.Add(new AuthenticationMode(title, required.Keys.ToEquatableArray()));
        }
    }

    private PropertyModel? ParseProperty(JsonMember member, string pointer, bool isRequired, UniqueNameScope memberNames, List<EnumModel> enums)
    {
        string propertyName;
        JsonObjectNode? schema = member.Value as JsonObjectNode;
        if (schema?.Get("x-onyx-name") is JsonNode overrideNode)
        {
            if (overrideNode is JsonStringNode { Value: var wanted } && Identifiers.IsValidIdentifier(wanted) && !memberNames.IsTaken(wanted))
            {
                propertyName = memberNames.Claim(wanted, "Value");
            }
            else
            {
                string reason = overrideNode is JsonStringNode s && Identifiers.IsValidIdentifier(s.Value) ? "another member already has it" : "it is not a legal C# identifier";
                Report(DiagnosticDescriptors.NameCollisionId, At(overrideNode), overrideNode is JsonStringNode n ? n.Value : overrideNode.KindName, pointer, reason);
                return null;
            }
        }
        else
        {
            propertyName = memberNames.Claim(Identifiers.ToMemberName(member.Name, "P"), "Value");
        }

        if (member.Value is JsonBooleanNode { Value: true })
        {
            return new PropertyModel(member.Name, propertyName, new TypeModel(TypeKind.Any, null, null, ConstraintModel.None), isRequired, !isRequired, null, null, null, false, false, false);
        }

        if (schema is null)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(member.Value), member.Name, pointer, "must be a schema (a JSON object)");
            return null;
        }

        (TypeModel type, bool allowsNull) = ParseType(schema, pointer, Identifiers.Bare(propertyName), enums, depth: 0);
        string? defaultJson = null;
        if (schema.Get("default") is JsonNode defaultNode)
        {
            defaultJson = RawJson(defaultNode);
            string? problem = CheckValue(defaultNode, type, allowsNull);
            if (problem is not null)
            {
                Report(DiagnosticDescriptors.ValueFailsSchemaId, At(defaultNode), "default", pointer, problem);
            }
        }

        return new PropertyModel(
            member.Name,
            propertyName,
            type,
            isRequired,
            IsNullable: allowsNull || !isRequired,
            StringOf(schema, "title"),
            StringOf(schema, "description"),
            defaultJson,
            BoolOf(schema, "deprecated", pointer),
            BoolOf(schema, "readOnly", pointer),
            BoolOf(schema, "writeOnly", pointer));
    }

    /// <summary>A value schema → its type and whether it allows null.</summary>
    private (TypeModel Type, bool AllowsNull) ParseType(JsonObjectNode schema, string pointer, string nameHint, List<EnumModel> enums, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        TypeModel any = new(TypeKind.Any, null, null, ConstraintModel.None);
        if (depth > 32)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(schema), "items", pointer, "nests too deeply (more than 32 levels)");
            return (any, true);
        }

        ReportUnknownKeywords(schema, pointer, ValueKeywords);

        if (schema.GetMember("$ref") is JsonMember reference)
        {
            return ParseReference(reference, pointer, nameHint, enums, depth);
        }

        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.GetMember(keyword) is JsonMember union)
            {
                // Unions of value types are kept as raw JSON: a typed union is future work (docs/schema-language.md).
                Report(DiagnosticDescriptors.UnsupportedKeywordId, AtName(union), keyword, pointer);
                return (any, true);
            }
        }

        (List<string> kinds, bool allowsNull) = TypeNames(schema, pointer);
        if (kinds.Count == 0)
        {
            kinds.AddRange(InferKinds(schema));
        }

        if (kinds.Count != 1)
        {
            // No type, or several (e.g. ["string", "array"]): any JSON value of those kinds, kept as raw JSON.
            return (any, allowsNull || kinds.Count == 0);
        }

        ConstraintModel constraints = ParseConstraints(schema, pointer, kinds[0]);
        switch (kinds[0])
        {
            case "string":
                return (StringType(schema, pointer, nameHint, enums, constraints), allowsNull);
            case "integer":
                return (new TypeModel(TypeKind.Integer, null, null, constraints), allowsNull);
            case "number":
                return (new TypeModel(TypeKind.Number, null, null, constraints), allowsNull);
            case "boolean":
                return (new TypeModel(TypeKind.Boolean, null, null, ConstraintModel.None), allowsNull);
            case "array":
                TypeModel items = any;
                if (schema.Get("items") is JsonNode itemsNode)
                {
                    if (itemsNode is JsonObjectNode itemSchema)
                    {
                        (items, _) = ParseType(itemSchema, pointer + "/items", nameHint + "Item", enums, depth + 1);
                    }
                    else if (itemsNode is not JsonBooleanNode { Value: true })
                    {
                        Report(DiagnosticDescriptors.InvalidKeywordValueId, At(itemsNode), "items", pointer, "must be a schema");
                    }
                }

                return (new TypeModel(TypeKind.Array, null, items, constraints), allowsNull);
            case "object":
                if (schema.Get("properties") is JsonObjectNode)
                {
                    string typeName = Identifiers.Bare(_nestedTypeNames.Claim(nameHint, "Object"));
                    ParseObject(schema, typeName, ObjectRole.Nested, pointer, isRoot: false);
                    return (new TypeModel(TypeKind.Object, typeName, null, ConstraintModel.None), allowsNull);
                }

                return (any, allowsNull);
            default:
                return (any, true);
        }
    }

    private TypeModel StringType(JsonObjectNode schema, string pointer, string nameHint, List<EnumModel> enums, ConstraintModel constraints)
    {
        // null among an enum's values only says the property may be null (the type array says it too).
        if (schema.Get("enum") is JsonArrayNode values && values.Items.Any(v => v is JsonStringNode) && values.Items.All(v => v is JsonStringNode or JsonNullNode))
        {
            string enumName = Identifiers.Bare(_nestedTypeNames.Claim(nameHint + "Value", "Enum"));
            var memberNames = new UniqueNameScope(Array.Empty<string>());
            var members = new List<EnumMember>();
            foreach (JsonStringNode value in values.Items.OfType<JsonStringNode>().GroupBy(v => v.Value).Select(g => g.First()))
            {
                members.Add(new EnumMember(memberNames.Claim(EnumMemberName(value.Value), "_"), value.Value));
            }

            enums.Add(new EnumModel(enumName, members.ToEquatableArray()));
            return new TypeModel(TypeKind.StringEnum, enumName, null, ConstraintModel.None);
        }

        if (schema.Get("enum") is JsonNode badEnum)
        {
            Report(DiagnosticDescriptors.ValueFailsSchemaId, At(badEnum), "enum", pointer, "a string property's enum must list strings");
        }

        if (schema.Get("x-onyx-secret") is JsonBooleanNode { Value: true })
        {
            return new TypeModel(TypeKind.Secret, null, null, constraints);
        }

        return constraints.Format switch
        {
            "uuid" => new TypeModel(TypeKind.Uuid, null, null, ConstraintModel.None),
            "date-time" => new TypeModel(TypeKind.DateTime, null, null, ConstraintModel.None),
            _ => new TypeModel(TypeKind.String, null, null, constraints),
        };
    }

    /// <summary>An enum member name for any wire string: PascalCase when possible, else a readable fallback; "-6" and "6" stay distinct.</summary>
    private static string EnumMemberName(string wire)
    {
        string name = Identifiers.ToPascalCase(wire);
        if (wire.StartsWith("-", StringComparison.Ordinal) && name.Length > 0 && char.IsDigit(name[0]))
        {
            name = "Minus" + name;
        }

        if (name.Length == 0)
        {
            name = wire.Length == 0 ? "Empty" : "Value";
        }
        else if (char.IsDigit(name[0]))
        {
            name = "Value" + name;
        }

        return name;
    }

    private (TypeModel Type, bool AllowsNull) ParseReference(JsonMember reference, string pointer, string nameHint, List<EnumModel> enums, int depth)
    {
        TypeModel any = new(TypeKind.Any, null, null, ConstraintModel.None);
        if (reference.Value is not JsonStringNode { Value: var target })
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(reference.Value), "$ref", pointer, "must be a string");
            return (any, true);
        }

        string? defName = target.StartsWith("#/$defs/", StringComparison.Ordinal) ? target.Substring("#/$defs/".Length)
            : target.StartsWith("#/definitions/", StringComparison.Ordinal) ? target.Substring("#/definitions/".Length)
            : null;
        string defsKeyword = target.StartsWith("#/$defs/", StringComparison.Ordinal) ? "$defs" : "definitions";
        if (defName is null || defName.Contains("/") || _root?.Get(defsKeyword) is not JsonObjectNode defs || defs.Get(defName) is not JsonObjectNode definition)
        {
            Report(DiagnosticDescriptors.UnresolvedRefId, At(reference.Value), target, pointer,
                defName is null ? "is not supported: only references to $defs in the same file are resolved" : "points at nothing");
            return (any, true);
        }

        if (definition.Get("properties") is JsonObjectNode)
        {
            // Object definitions become one named class; registering the name first makes recursive references terminate.
            if (!_defTypeNames.TryGetValue(defName, out string? typeName))
            {
                typeName = Identifiers.Bare(_nestedTypeNames.Claim(Identifiers.ToMemberName(defName, "Def"), "Object"));
                _defTypeNames[defName] = typeName;
                ParseObject(definition, typeName, ObjectRole.Nested, "/" + defsKeyword + "/" + defName, isRoot: false);
            }

            return (new TypeModel(TypeKind.Object, typeName, null, ConstraintModel.None), TypeNames(definition, pointer).AllowsNull);
        }

        if (!_resolving.Add(defName))
        {
            Report(DiagnosticDescriptors.UnresolvedRefId, At(reference.Value), target, pointer, "refers back to itself with no object in between (a cycle)");
            return (any, true);
        }

        try
        {
            return ParseType(definition, "/" + defsKeyword + "/" + defName, nameHint, enums, depth + 1);
        }
        finally
        {
            _resolving.Remove(defName);
        }
    }

    private (List<string> Kinds, bool AllowsNull) TypeNames(JsonObjectNode schema, string pointer)
    {
        var kinds = new List<string>();
        bool allowsNull = false;
        JsonNode? type = schema.Get("type");
        IEnumerable<JsonNode> names = type switch
        {
            JsonStringNode single => new[] { single },
            JsonArrayNode array => array.Items,
            null => Array.Empty<JsonNode>(),
            _ => Invalid(type),
        };

        foreach (JsonNode node in names)
        {
            if (node is JsonStringNode { Value: var name } && name is "string" or "integer" or "number" or "boolean" or "array" or "object" or "null")
            {
                if (name == "null")
                {
                    allowsNull = true;
                }
                else if (!kinds.Contains(name))
                {
                    kinds.Add(name);
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(node), "type", pointer, "must name JSON types (string, integer, number, boolean, array, object, null)");
            }
        }

        return (kinds, allowsNull);

        IEnumerable<JsonNode> Invalid(JsonNode node)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(node), "type", pointer, "must be a type name or an array of type names");
            return Array.Empty<JsonNode>();
        }
    }

    private static IEnumerable<string> InferKinds(JsonObjectNode schema)
    {
        if (schema.Get("properties") is not null)
        {
            yield return "object";
        }
        else if (schema.Get("items") is not null)
        {
            yield return "array";
        }
        else if (schema.Get("enum") is JsonArrayNode values && values.Items.Any(v => v is JsonStringNode) && values.Items.All(v => v is JsonStringNode or JsonNullNode))
        {
            yield return "string";
        }
    }

    private ConstraintModel ParseConstraints(JsonObjectNode schema, string pointer, string kind)
    {
        string? format = null;
        if (schema.Get("format") is JsonNode formatNode)
        {
            if (formatNode is JsonStringNode { Value: var value } && KnownFormats.Contains(value))
            {
                format = value;
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedKeywordId, At(formatNode), "format: " + (formatNode is JsonStringNode s ? s.Value : formatNode.KindName), pointer);
            }
        }

        string? pattern = null;
        if (schema.Get("pattern") is JsonNode patternNode)
        {
            if (patternNode is JsonStringNode { Value: var text })
            {
                try
                {
                    _ = new Regex(text, RegexOptions.None, TimeSpan.FromSeconds(1));
                    pattern = text;
                }
                catch (ArgumentException ex)
                {
                    Report(DiagnosticDescriptors.InvalidPatternId, At(patternNode), pointer, ex.Message);
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(patternNode), "pattern", pointer, "must be a string");
            }
        }

        var integerEnum = new List<string>();
        if (kind is "integer" or "number" && schema.Get("enum") is JsonNode enumNode)
        {
            if (enumNode is JsonArrayNode values && values.Items.All(v => v is JsonNumberNode { IsInteger: true }) && kind == "integer")
            {
                integerEnum.AddRange(values.Items.Cast<JsonNumberNode>().Select(n => ((long)n.Value).ToString(CultureInfo.InvariantCulture)).Distinct());
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedKeywordId, At(enumNode), "enum", pointer);
            }
        }

        return new ConstraintModel(
            format,
            pattern,
            NonNegativeInt(schema, "minLength", pointer),
            NonNegativeInt(schema, "maxLength", pointer),
            NumberText(schema, "minimum", pointer),
            NumberText(schema, "maximum", pointer),
            NumberText(schema, "exclusiveMinimum", pointer),
            NumberText(schema, "exclusiveMaximum", pointer),
            NonNegativeInt(schema, "minItems", pointer),
            NonNegativeInt(schema, "maxItems", pointer),
            BoolOf(schema, "uniqueItems", pointer),
            integerEnum.ToEquatableArray());
    }

    private int? NonNegativeInt(JsonObjectNode schema, string keyword, string pointer)
    {
        if (schema.Get(keyword) is not JsonNode node)
        {
            return null;
        }

        if (node is JsonNumberNode { IsInteger: true, Value: >= 0 and <= int.MaxValue } number)
        {
            return (int)number.Value;
        }

        Report(DiagnosticDescriptors.InvalidKeywordValueId, At(node), keyword, pointer, "must be a non-negative integer");
        return null;
    }

    private string? NumberText(JsonObjectNode schema, string keyword, string pointer)
    {
        if (schema.Get(keyword) is not JsonNode node)
        {
            return null;
        }

        if (node is JsonNumberNode number && !double.IsInfinity(number.Value))
        {
            return number.Value.ToString("R", CultureInfo.InvariantCulture);
        }

        Report(DiagnosticDescriptors.InvalidKeywordValueId, At(node), keyword, pointer, "must be a number");
        return null;
    }

    private bool BoolOf(JsonObjectNode schema, string keyword, string pointer)
    {
        if (schema.Get(keyword) is not JsonNode node)
        {
            return false;
        }

        if (node is JsonBooleanNode flag)
        {
            return flag.Value;
        }

        Report(DiagnosticDescriptors.InvalidKeywordValueId, At(node), keyword, pointer, "must be true or false");
        return false;
    }

    private static string? StringOf(JsonObjectNode schema, string keyword) => (schema.Get(keyword) as JsonStringNode)?.Value;

    private void ReportUnknownKeywords(JsonObjectNode schema, string pointer, HashSet<string> known)
    {
        foreach (JsonMember member in schema.Members)
        {
            if (!known.Contains(member.Name) && !AnnotationKeywords.Contains(member.Name)
                && !(member.Name.StartsWith("x-", StringComparison.Ordinal) && !member.Name.StartsWith("x-onyx-", StringComparison.Ordinal)))
            {
                Report(DiagnosticDescriptors.UnsupportedKeywordId, AtName(member), member.Name, pointer.Length == 0 ? "/" : pointer);
            }
        }
    }

    private string RawJson(JsonNode node) => node switch
    {
        JsonStringNode s => System.Text.Json.JsonSerializer.Serialize(s.Value),
        JsonNumberNode n => n.Raw,
        JsonBooleanNode b => b.Value ? "true" : "false",
        JsonNullNode => "null",
        JsonArrayNode a => "[" + string.Join(", ", a.Items.Select(RawJson)) + "]",
        JsonObjectNode o => "{" + string.Join(", ", o.Members.Select(m => System.Text.Json.JsonSerializer.Serialize(m.Name) + ": " + RawJson(m.Value))) + "}",
        _ => "null",
    };

    /// <summary>Checks a default/const value against the property's type; returns why it fails, or null.</summary>
    private static string? CheckValue(JsonNode value, TypeModel type, bool allowsNull)
    {
        if (value is JsonNullNode)
        {
            return allowsNull ? null : "null is not allowed";
        }

        return type.Kind switch
        {
            TypeKind.String or TypeKind.Secret or TypeKind.Uuid or TypeKind.DateTime => value is JsonStringNode s ? CheckString(s.Value, type.Constraints) : "expected a string, got a " + value.KindName,
            TypeKind.StringEnum => value is JsonStringNode ? null : "expected one of the enum's strings, got a " + value.KindName,
            TypeKind.Integer => value is JsonNumberNode { IsInteger: true } ? null : "expected an integer, got a " + value.KindName,
            TypeKind.Number => value is JsonNumberNode ? null : "expected a number, got a " + value.KindName,
            TypeKind.Boolean => value is JsonBooleanNode ? null : "expected true or false, got a " + value.KindName,
            TypeKind.Array => value is JsonArrayNode ? null : "expected an array, got a " + value.KindName,
            TypeKind.Object => value is JsonObjectNode ? null : "expected an object, got a " + value.KindName,
            _ => null,
        };
    }

    private static string? CheckString(string value, ConstraintModel constraints)
    {
        if (constraints.MinLength is int min && value.Length < min)
        {
            return $"shorter than minLength {min}";
        }

        if (constraints.MaxLength is int max && value.Length > max)
        {
            return $"longer than maxLength {max}";
        }

        if (constraints.Pattern is string pattern && !Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return "does not match the pattern";
        }

        return null;
    }
}
