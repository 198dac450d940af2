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

    /// <summary>The JSON pointer part of a $ref ("#/a/b" → "/a/b"), for diagnostics.</summary>
    private static string PointerPart(string target)
    {
        int hash = target.IndexOf('#');
        return hash < 0 ? "" : target.Substring(hash + 1);
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

        JsonNode? resolved = ResolvePointer(target, refMember.Value, out string key, out string? problem);
        if (resolved is null)
        {
            Report(DiagnosticDescriptors.UnresolvedRefId, At(refMember.Value), target, pointer, problem!);
            return -1;
        }

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
        return ParseNode(resolved, PointerPart(target), chain, depth + 1);
    }

    /// <summary>
    /// Resolves a <c>$ref</c> found in <paramref name="context"/>'s file: "#", "#/a/b" (JSON pointer, ~0 ~1 and %-escapes)
    /// in that file, or "other.schema.json#/a/b" relative to its folder (another schema file among the AdditionalFiles).
    /// <paramref name="key"/> names the target uniquely across files.
    /// </summary>
    private JsonNode? ResolvePointer(string target, JsonNode context, out string key, out string? problem)
    {
        problem = null;
        int hash = target.IndexOf('#');
        string filePart = hash < 0 ? target : target.Substring(0, hash);
        string fragment = hash < 0 ? "" : target.Substring(hash + 1);
        string contextFile = context.Lines?.FilePath ?? _path;
        key = contextFile + "#" + fragment;

        JsonNode? current;
        if (filePart.Length == 0)
        {
            current = contextFile == _path ? _root : (_otherFiles.TryGetValue(contextFile, out JsonObjectNode? other) ? other : null);
        }
        else
        {
            if (filePart.IndexOf(':') >= 0 || filePart.StartsWith("/", StringComparison.Ordinal))
            {
                problem = "is not supported: only this file (#/...) and other schema files by relative path (other.schema.json#/...) are resolved";
                return null;
            }

            string fullPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(contextFile) ?? "", Uri.UnescapeDataString(filePart)));
            key = fullPath + "#" + fragment;
            current = OtherFile(fullPath, out problem);
            if (current is null)
            {
                return null;
            }
        }

        if (fragment.Length > 0 && fragment[0] != '/')
        {
            problem = "is not supported: anchors ($anchor) are not resolved, only JSON pointers (#/...)";
            return null;
        }

        foreach (string raw in fragment.Length <= 1 ? Array.Empty<string>() : fragment.Substring(1).Split('/'))
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

    /// <summary>Another schema file's root, read once; null (with why) when it is not among the schema files or not valid.</summary>
    private JsonObjectNode? OtherFile(string fullPath, out string? problem)
    {
        problem = null;
        if (string.Equals(fullPath, System.IO.Path.GetFullPath(_path), StringComparison.Ordinal))
        {
            return _root;
        }

        if (_otherFiles.TryGetValue(fullPath, out JsonObjectNode? known))
        {
            problem = known is null ? "points at a file that is not a readable schema file" : null;
            return known;
        }

        string? text = _readFile?.Invoke(fullPath);
        JsonObjectNode? root = null;
        if (text is null)
        {
            problem = "points at a file that is not among the project's schema files (OnyxSchema items)";
        }
        else
        {
            try
            {
                byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
                root = JsonTreeReader.Read(utf8, new List<JsonMember>(), new LineMap(fullPath, utf8)) as JsonObjectNode;
                problem = root is null ? "points at a file whose root is not an object" : null;
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidJsonTextException)
            {
                problem = "points at a file that is not valid JSON (it has its own ONYX0001)";
            }
        }

        _otherFiles[fullPath] = root;
        return root;
    }

    private ConstraintModel NodeConstraints(JsonObjectNode schema, string pointer)
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

        string? pattern = schema.Get("pattern") is JsonNode patternNode ? ValidPattern(patternNode, pointer) : null;

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
