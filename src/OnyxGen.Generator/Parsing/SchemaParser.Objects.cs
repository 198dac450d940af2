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
        "type", "properties", "required", "additionalProperties", "oneOf", "anyOf", "allOf", "$defs", "definitions",
        "x-onyx-source", "x-onyx-class", "x-onyx-input-types", "x-onyx-perm-sync", "x-onyx-credential", "x-onyx-name",
        "deprecated", "readOnly", "writeOnly", "default",
    };

    private static readonly HashSet<string> ValueKeywords = new(StringComparer.Ordinal)
    {
        "type", "format", "enum", "default", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "items", "minItems", "maxItems", "uniqueItems", "properties", "required", "additionalProperties",
        "$ref", "deprecated", "readOnly", "writeOnly", "x-onyx-secret", "x-onyx-name", "oneOf", "anyOf", "multipleOf", "const",
    };

    /// <summary>Parses an object schema into a class and registers it; returns its type name.</summary>
    private string ParseObject(JsonObjectNode schema, string typeName, ObjectRole role, string pointer, bool isRoot)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        ReportUnknownKeywords(schema, pointer, ObjectKeywords);

        var properties = new List<PropertyModel>();
        var enums = new List<EnumModel>();
        UniqueNameScope memberNames = role == ObjectRole.Config
            ? _nestedTypeNames
            : new UniqueNameScope(ReservedNestedMembers.Concat(new[] { typeName }));

        // allOf of object schemas is merged: their properties and required names join this class's own.
        var parts = new List<(JsonObjectNode Schema, string Pointer)> { (schema, pointer) };
        if (schema.GetMember("allOf") is JsonMember allOf)
        {
            if (allOf.Value is JsonArrayNode branches)
            {
                for (int i = 0; i < branches.Items.Count; i++)
                {
                    string branchPointer = pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture);
                    if (branches.Items[i] is JsonObjectNode branch)
                    {
                        foreach (JsonMember member in branch.Members.Where(m => m.Name is not ("properties" or "required" or "type" or "title" or "description" or "$comment" or "additionalProperties")))
                        {
                            Report(DiagnosticDescriptors.UnsupportedKeywordId, AtName(member), member.Name, branchPointer);
                        }

                        parts.Add((branch, branchPointer));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.InvalidKeywordValueId, At(branches.Items[i]), "allOf", branchPointer, "branches of an object's allOf must be object schemas");
                    }
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(allOf.Value), "allOf", pointer, "must be an array of schemas");
            }
        }

        var requiredNames = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach ((JsonObjectNode part, string partPointer) in parts)
        {
            foreach (KeyValuePair<string, JsonNode> name in RequiredNames(part, partPointer))
            {
                requiredNames[name.Key] = name.Value;
            }
        }

        foreach ((JsonObjectNode part, string partPointer) in parts)
        {
            if (part.GetMember("properties") is not JsonMember propertiesMember)
            {
                continue;
            }

            if (propertiesMember.Value is not JsonObjectNode propertyNodes)
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(propertiesMember.Value), "properties", partPointer, "must be an object");
                continue;
            }

            // A key written twice counts once, as its last occurrence (JSON's "last one wins"; ONYX0013 says so).
            IEnumerable<JsonMember> declared = propertyNodes.HasDuplicateKeys
                ? propertyNodes.Members.Where((m, i) => !propertyNodes.Members.Skip(i + 1).Any(later => later.Name == m.Name))
                : propertyNodes.Members;
            foreach (JsonMember property in declared)
            {
                // Only an allOf branch can declare a property a second time.
                if (parts.Count > 1 && properties.Any(p => p.JsonName == property.Name))
                {
                    Report(DiagnosticDescriptors.UnsupportedKeywordId, AtName(property), "allOf redeclaring '" + property.Name + "'", partPointer);
                    continue;
                }

                PropertyModel? model = ParseProperty(property, Pointer(partPointer + "/properties", property.Name), requiredNames.ContainsKey(property.Name), memberNames, enums);
                if (model is not null)
                {
                    properties.Add(model);
                }
            }
        }

        var declaredNames = requiredNames.Count == 0 ? null : new HashSet<string>(properties.Select(p => p.JsonName), StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonNode> required in requiredNames)
        {
            if (!declaredNames!.Contains(required.Key))
            {
                Report(DiagnosticDescriptors.UndeclaredRequiredId, At(required.Value), required.Key, pointer);
            }
        }

        bool allowsAdditional = true;
        int additionalNode = -1;
        if (schema.Get("additionalProperties") is JsonNode additional)
        {
            if (additional is JsonBooleanNode flag)
            {
                allowsAdditional = flag.Value;
            }
            else if (additional is JsonObjectNode)
            {
                additionalNode = ParseNode(additional, pointer + "/additionalProperties", new HashSet<string>(StringComparer.Ordinal), 0);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(additional), "additionalProperties", pointer, "must be a boolean or a schema");
            }
        }

        // Keys the schema allows but does not declare are kept, so nothing read is lost on the way back out.
        string? extensionData = allowsAdditional ? Identifiers.Bare(memberNames.Claim("AdditionalProperties", "Value")) : null;

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
            enums.ToEquatableArray(),
            extensionData,
            additionalNode));
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
            return new PropertyModel(member.Name, propertyName, new TypeModel(TypeKind.Any, null, null, ConstraintModel.None), isRequired, !isRequired, true, null, null, null, false, false, false);
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
            AllowsNull: allowsNull,
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

        if (schema.GetMember("$ref") is JsonMember reference && schema.Members.All(m => m.Name == "$ref" || AnnotationKeywords.Contains(m.Name) || m.Name is "default" or "deprecated" or "readOnly" or "writeOnly" or "x-onyx-name"))
        {
            return ParseReference(reference, pointer, nameHint, enums, depth);
        }

        (List<string> kinds, bool allowsNull) = PeekTypes(schema);
        if (TryParseDiscriminatedUnion(schema, pointer, nameHint) is string unionName)
        {
            return (new TypeModel(TypeKind.Object, unionName, null, ConstraintModel.None), allowsNull);
        }

        if (NeedsNode(schema, kinds))
        {
            // Kept as raw JSON and checked by a schema node: the value has no single C# shape.
            int node = ParseNode(schema, pointer, new HashSet<string>(StringComparer.Ordinal), depth);
            int branches = (schema.Get("oneOf") ?? schema.Get("anyOf")) is JsonArrayNode alternatives ? alternatives.Items.Count : 0;
            return (any with { Node = node, UnionBranches = branches }, true);
        }

        ReportUnknownKeywords(schema, pointer, ValueKeywords);
        TypeNames(schema, pointer); // reports malformed "type" values
        ConstraintModel constraints = ParseConstraints(schema, pointer, kinds[0]);
        string? constJson = schema.Get("const") is JsonNode constValue ? RawJson(constValue) : null;
        if (constJson is not null && CheckValue(schema.Get("const")!, new TypeModel(KindOf(kinds[0]), null, null, constraints), allowsNull) is string problem)
        {
            Report(DiagnosticDescriptors.ValueFailsSchemaId, At(schema.Get("const")!), "const", pointer, problem);
        }

        switch (kinds[0])
        {
            case "string":
                return (StringType(schema, pointer, nameHint, enums, constraints) with { ConstJson = constJson }, allowsNull);
            case "integer":
                return (new TypeModel(TypeKind.Integer, null, null, constraints) { ConstJson = constJson }, allowsNull);
            case "number":
                return (new TypeModel(TypeKind.Number, null, null, constraints) { ConstJson = constJson }, allowsNull);
            case "boolean":
                return (new TypeModel(TypeKind.Boolean, null, null, ConstraintModel.None) { ConstJson = constJson }, allowsNull);
            case "array":
                TypeModel items = any;
                if (schema.Get("items") is JsonNode itemsNode)
                {
                    if (itemsNode is JsonObjectNode itemSchema)
                    {
                        (items, _) = ParseType(itemSchema, pointer + "/items", nameHint + "Item", enums, depth + 1);
                    }
                    else if (itemsNode is JsonBooleanNode { Value: false })
                    {
                        items = any with { Node = ParseNode(itemsNode, pointer + "/items", new HashSet<string>(StringComparer.Ordinal), depth + 1) };
                    }
                    else if (itemsNode is not JsonBooleanNode)
                    {
                        Report(DiagnosticDescriptors.InvalidKeywordValueId, At(itemsNode), "items", pointer, "must be a schema");
                    }
                }

                return (new TypeModel(TypeKind.Array, null, items, constraints), allowsNull);
            default:
                string typeName = Identifiers.Bare(_nestedTypeNames.Claim(nameHint, "Object"));
                ParseObject(schema, typeName, ObjectRole.Nested, pointer, isRoot: false);
                return (new TypeModel(TypeKind.Object, typeName, null, ConstraintModel.None), allowsNull);
        }
    }

    /// <summary>
    /// A oneOf/anyOf whose branches are all object schemas sharing a property with a distinct string <c>const</c> in each
    /// (the discriminator) becomes an abstract class with one derived class per branch. Returns the base's name, or null
    /// when the schema is not of that shape (it is then kept as raw JSON checked by a schema node).
    /// </summary>
    private string? TryParseDiscriminatedUnion(JsonObjectNode schema, string pointer, string nameHint)
    {
        string keyword = schema.Get("oneOf") is not null ? "oneOf" : "anyOf";
        if (schema.Get(keyword) is not JsonArrayNode alternatives || alternatives.Items.Count < 2
            || schema.Members.Any(m => m.Name is not ("oneOf" or "anyOf" or "type" or "title" or "description" or "$comment"))
            || (schema.Get("type") is JsonNode type && !(type is JsonStringNode { Value: "object" }))
            || schema.Get("oneOf") is not null && schema.Get("anyOf") is not null)
        {
            return null;
        }

        var branches = new List<JsonObjectNode>();
        foreach (JsonNode item in alternatives.Items)
        {
            if (item is not JsonObjectNode branch || branch.Get("type") is not JsonStringNode { Value: "object" }
                || branch.Get("properties") is not JsonObjectNode || NeedsNode(branch, new List<string> { "object" }))
            {
                return null;
            }

            branches.Add(branch);
        }

        string? discriminator = ((JsonObjectNode)branches[0].Get("properties")!).Members
            .Select(m => m.Name)
            .FirstOrDefault(name => branches.Select(b => ConstOf(b, name)).ToList() is var values
                && values.All(v => v is not null) && values.Distinct().Count() == values.Count);
        if (discriminator is null)
        {
            return null;
        }

        string baseName = Identifiers.Bare(_nestedTypeNames.Claim(nameHint, "Union"));
        var cases = new List<UnionCase>();
        for (int i = 0; i < branches.Count; i++)
        {
            string wire = ConstOf(branches[i], discriminator)!;
            string caseName = Identifiers.Bare(_nestedTypeNames.Claim(baseName + Identifiers.ToMemberName(wire, "Case"), "Case"));
            ParseObject(branches[i], caseName, ObjectRole.Nested, pointer + "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture), isRoot: false);
            int index = _types.FindIndex(t => t.TypeName == caseName);
            _types[index] = _types[index] with { BaseTypeName = baseName };
            cases.Add(new UnionCase(wire, caseName));
        }

        _types.Add(new ObjectModel(baseName, ObjectRole.Union, StringOf(schema, "title"), StringOf(schema, "description"),
            EquatableArray<PropertyModel>.Empty, false, EquatableArray<AuthenticationMode>.Empty, EquatableArray<EnumModel>.Empty, null, -1)
        {
            Discriminator = discriminator,
            Cases = cases.ToEquatableArray(),
        });
        return baseName;

        static string? ConstOf(JsonObjectNode branch, string property) =>
            branch.Get("properties") is JsonObjectNode properties && properties.Get(property) is JsonObjectNode p && p.Get("const") is JsonStringNode { Value: var value }
                ? value
                : null;
    }

    private static TypeKind KindOf(string jsonType) => jsonType switch
    {
        "string" => TypeKind.String,
        "integer" => TypeKind.Integer,
        "number" => TypeKind.Number,
        "boolean" => TypeKind.Boolean,
        "array" => TypeKind.Array,
        "object" => TypeKind.Object,
        _ => TypeKind.Any,
    };

    /// <summary>The declared JSON types, without reporting (an untyped schema gets none: it accepts every type).</summary>
    private static (List<string> Kinds, bool AllowsNull) PeekTypes(JsonObjectNode schema)
    {
        var kinds = new List<string>();
        bool allowsNull = false;
        IEnumerable<JsonNode> names = schema.Get("type") switch
        {
            JsonStringNode single => new[] { single },
            JsonArrayNode array => array.Items,
            _ => Array.Empty<JsonNode>(),
        };
        foreach (JsonStringNode name in names.OfType<JsonStringNode>())
        {
            if (name.Value == "null")
            {
                allowsNull = true;
            }
            else if (name.Value is "string" or "integer" or "number" or "boolean" or "array" or "object" && !kinds.Contains(name.Value))
            {
                kinds.Add(name.Value);
            }
        }

        if (kinds.Count == 2 && kinds.Contains("integer") && kinds.Contains("number"))
        {
            kinds.Remove("integer"); // every integer is a number
        }

        return (kinds, allowsNull);
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

        // A write-only string is sent but never read back: a secret (Onyx masks credential values on every read).
        if (schema.Get("x-onyx-secret") is JsonBooleanNode { Value: true } || schema.Get("writeOnly") is JsonBooleanNode { Value: true })
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

        JsonNode? resolved = ResolvePointer(target, reference.Value, out string key, out string? problem);
        if (resolved is null)
        {
            Report(DiagnosticDescriptors.UnresolvedRefId, At(reference.Value), target, pointer, problem!);
            return (any, true);
        }

        if (resolved is JsonObjectNode definition && definition.Get("type") is JsonStringNode { Value: "object" } && !NeedsNode(definition, new List<string> { "object" }))
        {
            // An object definition becomes one named class; registering the name first makes recursive references terminate.
            if (!_defTypeNames.TryGetValue(key, out string? typeName))
            {
                string fragment = PointerPart(target);
                string hint = fragment.Length > 1 ? fragment.Substring(fragment.LastIndexOf('/') + 1) : nameHint;
                typeName = Identifiers.Bare(_nestedTypeNames.Claim(Identifiers.ToMemberName(hint, "Def"), "Object"));
                _defTypeNames[key] = typeName;
                ParseObject(definition, typeName, ObjectRole.Nested, fragment, isRoot: false);
            }

            return (new TypeModel(TypeKind.Object, typeName, null, ConstraintModel.None), PeekTypes(definition).AllowsNull);
        }

        if (resolved is JsonObjectNode simple && !_resolving.Contains(key) && simple.Get("$ref") is null)
        {
            _resolving.Add(key);
            try
            {
                return ParseType(simple, PointerPart(target), nameHint, enums, depth + 1);
            }
            finally
            {
                _resolving.Remove(key);
            }
        }

        int node = ParseNode(new JsonObjectNode(reference.Value.Start, reference.Value.End, new List<JsonMember> { reference }), pointer, new HashSet<string>(StringComparer.Ordinal), depth);
        return (any with { Node = node }, true);
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

    /// <summary>A typed value's constraints: the common ones, plus an integer enum (other enums of numbers need a node).</summary>
    private ConstraintModel ParseConstraints(JsonObjectNode schema, string pointer, string kind)
    {
        ConstraintModel constraints = NodeConstraints(schema, pointer);
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

        return constraints with
        {
            IntegerEnum = integerEnum.ToEquatableArray(),
            MultipleOf = kind is "integer" or "number" ? constraints.MultipleOf : null,
        };
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
        JsonStringNode s => JsonString(s.Value),
        JsonNumberNode n => n.Raw,
        JsonBooleanNode b => b.Value ? "true" : "false",
        JsonNullNode => "null",
        JsonArrayNode a => "[" + string.Join(", ", a.Items.Select(RawJson)) + "]",
        JsonObjectNode o => "{" + string.Join(", ", o.Members.Select(m => JsonString(m.Name) + ": " + RawJson(m.Value))) + "}",
        _ => "null",
    };

    /// <summary>
    /// A JSON string literal, escaped as System.Text.Json escapes by default. Not JsonSerializer: its first call builds
    /// the reflection-based serializer, tens of milliseconds the compiler would pay in every build.
    /// </summary>
    private static string JsonString(string value) => "\"" + System.Text.Json.JsonEncodedText.Encode(value).ToString() + "\"";

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
