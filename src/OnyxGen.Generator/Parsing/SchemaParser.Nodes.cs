using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OnyxGen.Generator.Diagnostics;
using OnyxGen.Generator.Model;

namespace OnyxGen.Generator.Parsing;

// Schemas that map to no single C# type are kept as data (SchemaNodeModel) and checked at run time by SchemaNode.
internal sealed partial class SchemaParser
{
    private static readonly HashSet<string> NodeKeywords = new(StringComparer.Ordinal)
    {
        "type", "const", "enum", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "items", "minItems", "maxItems", "uniqueItems", "properties", "required",
        "additionalProperties", "allOf", "anyOf", "oneOf", "$ref", "$defs", "definitions", "default", "deprecated",
        "readOnly", "writeOnly", "x-onyx-secret", "x-onyx-name",
    };

    private readonly List<SchemaNodeModel?> _nodes = new();
    private readonly Dictionary<string, int> _nodeByPointer = new(StringComparer.Ordinal);

    /// <summary>Parses any schema into a node; returns its index. Referenced schemas are parsed once (cycles allowed).</summary>
    private int ParseNode(JsonNode schema, string pointer, HashSet<string> refChain, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        int index = _nodes.Count;
        _nodes.Add(null);
        if (depth > 64)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(schema), "schema", pointer, "nests too deeply (more than 64 levels)");
            _nodes[index] = AcceptAll();
            return index;
        }

        if (schema is JsonBooleanNode flag)
        {
            _nodes[index] = AcceptAll() with { AcceptsAnything = flag.Value };
            return index;
        }

        if (schema is not JsonObjectNode node)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(schema), "schema", pointer, "must be a JSON object or a boolean");
            _nodes[index] = AcceptAll();
            return index;
        }

        ReportUnknownKeywords(node, pointer, NodeKeywords);

        int reference = -1;
        if (node.GetMember("$ref") is JsonMember refMember)
        {
            reference = ResolveRefNode(refMember, pointer, refChain, depth);
        }

        var fresh = new HashSet<string>(StringComparer.Ordinal);
        (List<string> kinds, bool allowsNull) = TypeNames(node, pointer);
        if (allowsNull)
        {
            kinds.Add("null");
        }

        string? constJson = node.Get("const") is JsonNode constNode ? RawJson(constNode) : null;
        var enumJson = new List<string>();
        bool hasEnum = false;
        if (node.Get("enum") is JsonNode enumNode)
        {
            if (enumNode is JsonArrayNode enumValues)
            {
                hasEnum = true;
                enumJson.AddRange(enumValues.Items.Select(RawJson));
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(enumNode), "enum", pointer, "must be an array");
            }
        }

        int items = -1;
        if (node.Get("items") is JsonNode itemsNode)
        {
            items = ParseNode(itemsNode, pointer + "/items", fresh, depth + 1);
        }

        var properties = new List<NodeProperty>();
        if (node.Get("properties") is JsonNode propertiesNode)
        {
            if (propertiesNode is JsonObjectNode propertyMembers)
            {
                foreach (JsonMember member in propertyMembers.Members)
                {
                    properties.Add(new NodeProperty(member.Name, ParseNode(member.Value, Pointer(pointer + "/properties", member.Name), fresh, depth + 1)));
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(propertiesNode), "properties", pointer, "must be an object");
            }
        }

        int additional = node.Get("additionalProperties") is JsonNode additionalNode
            ? ParseNode(additionalNode, pointer + "/additionalProperties", fresh, depth + 1)
            : -1;

        _nodes[index] = new SchemaNodeModel(
            AcceptsAnything: true,
            kinds.ToEquatableArray(),
            constJson,
            enumJson.ToEquatableArray(),
            hasEnum,
            NodeConstraints(node, pointer),
            items,
            properties.ToEquatableArray(),
            RequiredNames(node, pointer).Keys.ToEquatableArray(),
            additional,
            Branches(node, "allOf", pointer, refChain, depth),
            Branches(node, "anyOf", pointer, refChain, depth),
            Branches(node, "oneOf", pointer, refChain, depth),
            reference);
        return index;
    }

    private static SchemaNodeModel AcceptAll() => new(
        true, EquatableArray<string>.Empty, null, EquatableArray<string>.Empty, false, ConstraintModel.None, -1,
        EquatableArray<NodeProperty>.Empty, EquatableArray<string>.Empty, -1, EquatableArray<int>.Empty,
        EquatableArray<int>.Empty, EquatableArray<int>.Empty, -1);

    private EquatableArray<int> Branches(JsonObjectNode node, string keyword, string pointer, HashSet<string> refChain, int depth)
    {
        if (node.Get(keyword) is not JsonNode value)
        {
            return EquatableArray<int>.Empty;
        }

        if (value is not JsonArrayNode array || array.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(value), keyword, pointer, "must be a non-empty array of schemas");
            return EquatableArray<int>.Empty;
        }

        return array.Items.Select((item, i) => ParseNode(item, pointer + "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture), refChain, depth + 1)).ToEquatableArray();
    }

    /// <summary>A $ref in a node: resolved by JSON pointer within the file, parsed once, cycles through refs alone reported.</summary>
    private int ResolveRefNode(JsonMember refMember, string pointer, HashSet<string> refChain, int depth)
    {
        if (refMember.Value is not JsonStringNode { Value: var target })
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(refMember.Value), "$ref", pointer, "must be a string");
            return -1;
        }

        JsonNode? resolved = ResolvePointer(target, out string? problem);
        if (resolved is null)
        {
            Report(DiagnosticDescriptors.UnresolvedRefId, At(refMember.Value), target, pointer, problem!);
            return -1;
        }

        string key = target == "#" ? "#" : target;
        if (_nodeByPointer.TryGetValue(key, out int existing))
        {
            if (refChain.Contains(key))
            {
                // Reached again through $ref alone, with no object or array in between: evaluation would never end.
                Report(DiagnosticDescriptors.UnresolvedRefId, At(refMember.Value), target, pointer, "refers back to itself with no object in between (a cycle)");
                return -1;
            }

            return existing;
        }

        var chain = new HashSet<string>(refChain, StringComparer.Ordinal) { key };
        _nodeByPointer[key] = _nodes.Count;
        return ParseNode(resolved, target.Length > 1 ? target.Substring(1) : "", chain, depth + 1);
    }

    /// <summary>Resolves "#", "#/a/b" (JSON pointer, ~0 ~1 and %-escapes) in this file; other references are not supported.</summary>
    private JsonNode? ResolvePointer(string target, out string? problem)
    {
        problem = null;
        if (!target.StartsWith("#", StringComparison.Ordinal))
        {
            problem = "is not supported: only references within the same file (#/...) are resolved";
            return null;
        }

        if (target.Length > 1 && target[1] != '/')
        {
            problem = "is not supported: anchors ($anchor) are not resolved, only JSON pointers (#/...)";
            return null;
        }

        JsonNode? current = _root;
        foreach (string raw in target.Length <= 2 ? Array.Empty<string>() : target.Substring(2).Split('/'))
        {
            string token = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            current = current switch
            {
                JsonObjectNode obj => obj.Get(token),
                JsonArrayNode array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < array.Items.Count => array.Items[i],
                _ => null,
            };
            if (current is null)
            {
                problem = "points at nothing";
                return null;
            }
        }

        return current;
    }

    private ConstraintModel NodeConstraints(JsonObjectNode schema, string pointer)
    {
        string? format = null;
        if (schema.Get("format") is JsonStringNode { Value: var value })
        {
            if (KnownFormats.Contains(value))
            {
                format = value;
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedKeywordId, At(schema.Get("format")!), "format: " + value, pointer);
            }
        }

        string? pattern = null;
        if (schema.Get("pattern") is JsonNode patternNode)
        {
            pattern = ValidPattern(patternNode, pointer);
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
            EquatableArray<string>.Empty,
            PositiveNumberText(schema, "multipleOf", pointer));
    }

    private string? ValidPattern(JsonNode patternNode, string pointer)
    {
        if (patternNode is not JsonStringNode { Value: var text })
        {
            Report(DiagnosticDescriptors.InvalidKeywordValueId, At(patternNode), "pattern", pointer, "must be a string");
            return null;
        }

        try
        {
            string translated = EcmaPattern.ToDotNet(text);
            _ = new Regex(translated, RegexOptions.None, TimeSpan.FromSeconds(1));
            return translated;
        }
        catch (ArgumentException ex)
        {
            Report(DiagnosticDescriptors.InvalidPatternId, At(patternNode), pointer, ex.Message);
            return null;
        }
    }

    private string? PositiveNumberText(JsonObjectNode schema, string keyword, string pointer)
    {
        if (schema.Get(keyword) is not JsonNode node)
        {
            return null;
        }

        if (node is JsonNumberNode number && number.Value > 0 && !double.IsInfinity(number.Value))
        {
            return number.Value.ToString("R", CultureInfo.InvariantCulture);
        }

        Report(DiagnosticDescriptors.InvalidKeywordValueId, At(node), keyword, pointer, "must be a number greater than 0");
        return null;
    }

    /// <summary>True when a value schema needs the general node (it maps to no single C# type).</summary>
    private static bool NeedsNode(JsonObjectNode schema, List<string> kinds)
    {
        if (schema.Get("allOf") is not null || schema.Get("anyOf") is not null || schema.Get("oneOf") is not null)
        {
            return true;
        }

        if (schema.Get("$ref") is not null)
        {
            return true; // $ref with sibling keywords; a lone $ref is handled before this
        }

        if (kinds.Count != 1)
        {
            return true;
        }

        if (schema.Get("const") is JsonNode constValue && constValue is JsonObjectNode or JsonArrayNode or JsonNullNode)
        {
            return true;
        }

        if (schema.Get("enum") is JsonArrayNode values)
        {
            bool strings = kinds[0] == "string" && values.Items.All(v => v is JsonStringNode or JsonNullNode);
            bool integers = kinds[0] == "integer" && values.Items.All(v => v is JsonNumberNode { IsInteger: true });
            return !(strings || integers);
        }

        return false;
    }
}
