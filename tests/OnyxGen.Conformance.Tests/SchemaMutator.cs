using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnyxGen.Conformance.Tests;

/// <summary>Seeded mutations of schema files: tree edits (wrong types, deep nesting, huge enums, odd names, $ref loops) and text edits.</summary>
internal sealed class SchemaMutator(Random random)
{
    private static readonly string[] Keywords =
    {
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "default", "format", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems",
        "maxItems", "uniqueItems", "$ref", "$defs", "definitions", "allOf", "anyOf", "oneOf", "title", "description",
        "deprecated", "readOnly", "writeOnly", "x-onyx-secret", "x-onyx-name", "x-onyx-source", "x-onyx-credential",
        "x-onyx-input-types", "x-onyx-class", "x-onyx-perm-sync", "not", "if", "then", "else", "prefixItems", "$id", "$anchor",
    };

    private static readonly string[] TypeNames = { "string", "integer", "number", "boolean", "array", "object", "null", "any", "" };

    private static readonly string[] Formats = { "uri", "email", "date-time", "date", "uuid", "hostname", "ipv4", "ipv6", "regex", "" };

    private static readonly string[] OddNames =
    {
        "", " ", "class", "System", "Task", "Validate", "WriteJson", "ToString", "Descriptor", "AdditionalProperties", "value", "Value",
        "名前", "🙂", "a/b~c", "a.b", "-6", "6", "with space", "\u0000", "\t", "é", "e\u0301", "__", "@", "$ref", "properties",
        "MockConnectorConnectorConfig", "ümlaut_key", "KEY", "key", "Key", "k-e-y", "k_e_y", new string('x', 300),
    };

    public Random Random => random;

    /// <summary>A mutated copy of <paramref name="text"/> (a schema file); <paramref name="recipe"/> says what was done.</summary>
    public string Mutate(string text, string source, out string recipe)
    {
        var steps = new List<string>();
        JsonNode? tree = null;
        try
        {
            tree = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 4096 });
        }
        catch (JsonException)
        {
        }

        if (tree is JsonObject root)
        {
            root["x-onyx-source"] = source;
        }

        int treeEdits = random.Next(5) == 0 ? 0 : random.Next(1, 4);
        for (int i = 0; i < treeEdits && tree is not null; i++)
        {
            tree = TreeEdit(tree, steps);
        }

        string result = tree is null ? text : Write(tree, duplicateKeys: random.Next(10) == 0, steps);
        if (treeEdits == 0 || random.Next(8) == 0)
        {
            int textEdits = random.Next(1, 4);
            for (int i = 0; i < textEdits; i++)
            {
                result = TextEdit(result, steps);
            }
        }

        recipe = string.Join(", ", steps);
        return result;
    }

    /// <summary>A random JSON document, shaped like a schema more often than not.</summary>
    public string RandomDocument(string source, out string recipe)
    {
        if (random.Next(4) == 0)
        {
            recipe = "random JSON";
            return Write(RandomValue(random.Next(1, 6), schemaLike: false), false, new List<string>());
        }

        var root = new JsonObject { ["type"] = "object", ["x-onyx-source"] = source };
        var properties = new JsonObject();
        int count = random.Next(0, 8);
        for (int i = 0; i < count; i++)
        {
            properties[PropertyName(properties)] = RandomSchema(random.Next(1, 5));
        }

        root["properties"] = properties;
        if (random.Next(3) == 0)
        {
            root["required"] = new JsonArray(properties.Select(p => (JsonNode?)JsonValue.Create(p.Key)).Where(_ => random.Next(2) == 0).ToArray());
        }

        if (random.Next(3) == 0)
        {
            root["$defs"] = new JsonObject { ["a"] = RandomSchema(3), ["b"] = RandomSchema(2) };
        }

        if (random.Next(4) == 0)
        {
            root["additionalProperties"] = random.Next(2) == 0 ? JsonValue.Create(false) : RandomSchema(2);
        }

        recipe = "random schema";
        var steps = new List<string>();
        return Write(root, duplicateKeys: random.Next(10) == 0, steps) + (steps.Count > 0 ? "" : "");
    }

    private JsonNode TreeEdit(JsonNode tree, List<string> steps)
    {
        List<(JsonNode? Parent, string? Key, int Index, JsonNode? Node)> nodes = Collect(tree);
        (JsonNode? parent, string? key, int index, JsonNode? node) = nodes[random.Next(nodes.Count)];
        int kind = random.Next(12);
        JsonNode? replacement;
        switch (kind)
        {
            case 0:
                replacement = RandomValue(random.Next(0, 3), schemaLike: false);
                steps.Add($"replace {Describe(key, index)} with random JSON");
                break;
            case 1:
                replacement = WrongType(node);
                steps.Add($"wrong type at {Describe(key, index)}");
                break;
            case 2:
                replacement = Deep(random.Next(2) == 0 ? 500 : random.Next(30, 80));
                steps.Add($"deep nesting at {Describe(key, index)}");
                break;
            case 3:
                replacement = HugeEnum();
                steps.Add($"huge enum at {Describe(key, index)}");
                break;
            case 4:
                replacement = RefLoop(tree, steps);
                break;
            case 5:
                replacement = RandomSchema(random.Next(1, 4));
                steps.Add($"random schema at {Describe(key, index)}");
                break;
            case 6 when node is JsonObject obj && obj.Count > 0:
                // Rename a key to an odd name (unicode, empty, a C# keyword, a colliding name).
                string old = obj.ElementAt(random.Next(obj.Count)).Key;
                string renamed = OddNames[random.Next(OddNames.Length)];
                JsonNode? moved = obj[old];
                obj.Remove(old);
                if (!obj.ContainsKey(renamed))
                {
                    obj[renamed] = moved;
                }

                steps.Add($"rename '{old}' to '{Escape(renamed)}'");
                return tree;
            case 7 when node is JsonObject obj:
                // Add a keyword with a plausible or implausible value.
                string keyword = Keywords[random.Next(Keywords.Length)];
                obj[keyword] = random.Next(2) == 0 ? RandomValue(1, schemaLike: true) : KeywordValue(keyword);
                steps.Add($"add '{keyword}'");
                return tree;
            case 8 when node is JsonObject obj && obj.Count > 0:
                string removed = obj.ElementAt(random.Next(obj.Count)).Key;
                obj.Remove(removed);
                steps.Add($"remove '{removed}'");
                return tree;
            case 9 when node is JsonArray array && array.Count > 0:
                array.RemoveAt(random.Next(array.Count));
                steps.Add("remove array item");
                return tree;
            case 10:
                replacement = KeywordValue(key ?? Keywords[random.Next(Keywords.Length)]);
                steps.Add($"keyword value at {Describe(key, index)}");
                break;
            default:
                replacement = OddProperties();
                steps.Add($"odd property names at {Describe(key, index)}");
                break;
        }

        if (parent is null)
        {
            return replacement ?? JsonValue.Create(0)!;
        }

        if (parent is JsonObject parentObject)
        {
            parentObject[key!] = replacement;
        }
        else if (parent is JsonArray parentArray)
        {
            parentArray[index] = replacement;
        }

        return tree;
    }

    private string TextEdit(string text, List<string> steps)
    {
        if (text.Length == 0)
        {
            return "{";
        }

        int at = random.Next(text.Length);
        switch (random.Next(6))
        {
            case 0:
                steps.Add($"truncate at {at}");
                return text.Substring(0, at);
            case 1:
                int length = Math.Min(text.Length - at, random.Next(1, 6));
                steps.Add($"delete {length} at {at}");
                return text.Remove(at, length);
            case 2:
                int span = Math.Min(text.Length - at, random.Next(1, 20));
                steps.Add($"duplicate {span} at {at}");
                return text.Insert(at, text.Substring(at, span));
            case 3 when text.Length > 1:
                int other = random.Next(text.Length);
                char[] chars = text.ToCharArray();
                (chars[at], chars[other]) = (chars[other], chars[at]);
                steps.Add($"swap {at} and {other}");
                return new string(chars);
            case 4:
                string insert = new[] { "\"", "{", "}", "[", "]", ",", ":", "\\", "\u0000", "🙂", "\uD800", "null", "1e400", "-", "/*x*/", "\n" }[random.Next(16)];
                steps.Add($"insert '{Escape(insert)}' at {at}");
                return text.Insert(at, insert);
            default:
                char replaced = (char)random.Next(0x20, 0x7F);
                steps.Add($"replace char at {at} with '{replaced}'");
                return text.Remove(at, 1).Insert(at, replaced.ToString());
        }
    }

    private JsonNode RefLoop(JsonNode tree, List<string> steps)
    {
        if (tree is JsonObject root)
        {
            JsonObject defs = root["$defs"] as JsonObject ?? new JsonObject();
            root["$defs"] = defs;
            switch (random.Next(4))
            {
                case 0:
                    defs["loop_a"] = new JsonObject { ["$ref"] = "#/$defs/loop_b" };
                    defs["loop_b"] = new JsonObject { ["$ref"] = "#/$defs/loop_a" };
                    steps.Add("$ref loop a→b→a");
                    return new JsonObject { ["$ref"] = "#/$defs/loop_a" };
                case 1:
                    defs["self"] = new JsonObject { ["$ref"] = "#/$defs/self" };
                    steps.Add("$ref to itself");
                    return new JsonObject { ["$ref"] = "#/$defs/self" };
                case 2:
                    steps.Add("$ref to the root");
                    return new JsonObject { ["$ref"] = "#", ["description"] = "root" };
                default:
                    steps.Add("dangling $ref");
                    return new JsonObject { ["$ref"] = new[] { "#/$defs/nope", "#/properties/x/items/0", "other.json#/a", "#anchor", "#/%ZZ", "#/$defs/~2", "" }[random.Next(7)] };
            }
        }

        steps.Add("$ref on a non-object root");
        return new JsonObject { ["$ref"] = "#" };
    }

    private JsonNode Deep(int depth)
    {
        int shape = random.Next(4);
        JsonNode node = shape switch
        {
            0 => new JsonArray(),
            1 => new JsonObject(),
            2 => new JsonObject { ["type"] = "string" },
            _ => new JsonObject { ["type"] = "object" },
        };
        for (int i = 0; i < depth; i++)
        {
            node = shape switch
            {
                0 => new JsonArray(node),
                1 => new JsonObject { ["a"] = node },
                2 => new JsonObject { ["type"] = "array", ["items"] = node },
                _ => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["p" + i.ToString(CultureInfo.InvariantCulture)] = node } },
            };
        }

        return node;
    }

    /// <summary>
    /// 10,000-value enums: integers (typed), strings (a C# enum with wire tables) and mixed values (no type: a schema node).
    /// </summary>
    private JsonNode HugeEnum()
    {
        int kind = random.Next(4);
        const int size = 10_000;
        var values = new JsonArray();
        for (int i = 0; i < size; i++)
        {
            values.Add(kind switch
            {
                1 => JsonValue.Create(i - 5000),
                2 => i % 3 == 0 ? JsonValue.Create(i) : JsonValue.Create("s" + i.ToString(CultureInfo.InvariantCulture)),
                _ => JsonValue.Create("v" + i.ToString(CultureInfo.InvariantCulture) + (i % 7 == 0 ? "-x" : "")),
            });
        }

        return kind switch
        {
            0 or 2 => new JsonObject { ["enum"] = values },
            1 => new JsonObject { ["type"] = "integer", ["enum"] = values },
            _ => new JsonObject { ["type"] = "string", ["enum"] = values },
        };
    }

    private JsonNode OddProperties()
    {
        var properties = new JsonObject();
        int count = random.Next(1, 8);
        for (int i = 0; i < count; i++)
        {
            string name = OddNames[random.Next(OddNames.Length)];
            if (!properties.ContainsKey(name))
            {
                properties[name] = RandomSchema(1);
            }
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray(properties.Select(p => (JsonNode?)JsonValue.Create(p.Key)).Take(2).ToArray()) };
    }

    private JsonNode? WrongType(JsonNode? node) => node switch
    {
        JsonObject => random.Next(2) == 0 ? JsonValue.Create("object?") : new JsonArray(1, 2),
        JsonArray => random.Next(2) == 0 ? new JsonObject { ["0"] = 1 } : JsonValue.Create(true),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => random.Next(2) == 0 ? JsonValue.Create(12) : new JsonArray("x"),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => random.Next(2) == 0 ? JsonValue.Create("12") : JsonValue.Create(-1.5e300),
        JsonValue => random.Next(2) == 0 ? null : new JsonObject(),
        _ => JsonValue.Create(0),
    };

    private JsonNode? KeywordValue(string keyword, int depth = 2) => keyword switch
    {
        "type" => random.Next(3) == 0
            ? new JsonArray(JsonValue.Create(TypeNames[random.Next(TypeNames.Length)]), JsonValue.Create(TypeNames[random.Next(TypeNames.Length)]))
            : JsonValue.Create(TypeNames[random.Next(TypeNames.Length)]),
        "format" => JsonValue.Create(Formats[random.Next(Formats.Length)]),
        "pattern" => JsonValue.Create(new[] { "^[a-z]+$", "(", "[", "\\p{Letter}", "(?<=a)b", "^(a+)+$", "", "\\d{2,1}", "a{99999999999}" }[random.Next(9)]),
        "minLength" or "maxLength" or "minItems" or "maxItems" => RandomNumber(),
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => RandomNumber(),
        "enum" => new JsonArray(RandomValue(0, false), RandomValue(0, false), JsonValue.Create("a"), JsonValue.Create("a")),
        "required" => new JsonArray("missing", "", "a"),
        "$ref" => JsonValue.Create(new[] { "#", "#/$defs/a", "#/properties", "#/nope", "http://x/y.json", "#a", "#/$defs/a/properties/b" }[random.Next(7)]),
        "x-onyx-source" => JsonValue.Create(new[] { "jira", "nope", "", "slack", "mock_connector" }[random.Next(5)]),
        "x-onyx-input-types" => new JsonArray("poll", "weird"),
        "x-onyx-name" => JsonValue.Create(OddNames[random.Next(OddNames.Length)]),
        "allOf" or "anyOf" or "oneOf" or "prefixItems" => new JsonArray(RandomSchema(depth - 1), RandomSchema(depth - 1)),
        _ => RandomSchema(depth - 1),
    };

    private JsonNode RandomNumber() => random.Next(8) switch
    {
        0 => JsonValue.Create(-1),
        1 => JsonValue.Create(0),
        2 => JsonValue.Create(1.5),
        3 => JsonValue.Create(1e300),
        4 => JsonValue.Create(long.MaxValue),
        5 => JsonNode.Parse("1e400")!,
        6 => JsonNode.Parse("123456789012345678901234567890")!,
        _ => JsonValue.Create(random.Next(0, 100)),
    };

    private JsonNode RandomSchema(int depth)
    {
        if (depth <= 0 || random.Next(6) == 0)
        {
            return random.Next(8) == 0 ? JsonValue.Create(random.Next(2) == 0)! : new JsonObject { ["type"] = TypeNames[random.Next(6)] };
        }

        var schema = new JsonObject();
        int count = random.Next(1, 5);
        for (int i = 0; i < count; i++)
        {
            string keyword = Keywords[random.Next(Keywords.Length)];
            if (schema.ContainsKey(keyword))
            {
                continue;
            }

            schema[keyword] = keyword switch
            {
                "properties" or "$defs" => new JsonObject { [PropertyName(null)] = RandomSchema(depth - 1), [PropertyName(null) + "2"] = RandomSchema(depth - 1) },
                "items" or "additionalProperties" or "not" or "if" or "then" or "else" => RandomSchema(depth - 1),
                "allOf" or "anyOf" or "oneOf" => new JsonArray(RandomSchema(depth - 1), RandomSchema(depth - 1)),
                _ => KeywordValue(keyword, depth - 1),
            };
        }

        return schema;
    }

    private string PropertyName(JsonObject? existing)
    {
        for (int attempt = 0; attempt < 5; attempt++)
        {
            string name = random.Next(3) == 0 ? OddNames[random.Next(OddNames.Length)] : "p_" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
            if (existing is null || !existing.ContainsKey(name))
            {
                return name;
            }
        }

        return "p_" + Guid.NewGuid().ToString("N");
    }

    private JsonNode? RandomValue(int depth, bool schemaLike)
    {
        int kind = random.Next(depth <= 0 ? 5 : 7);
        switch (kind)
        {
            case 0: return null;
            case 1: return JsonValue.Create(random.Next(2) == 0);
            case 2: return RandomNumber();
            case 3: return JsonValue.Create(OddNames[random.Next(OddNames.Length)]);
            case 4: return JsonValue.Create(TypeNames[random.Next(TypeNames.Length)]);
            case 5:
                var array = new JsonArray();
                for (int i = random.Next(4); i > 0; i--)
                {
                    array.Add(RandomValue(depth - 1, schemaLike));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (int i = random.Next(4); i > 0; i--)
                {
                    string key = schemaLike ? Keywords[random.Next(Keywords.Length)] : PropertyName(obj);
                    obj[key] = RandomValue(depth - 1, schemaLike);
                }

                return obj;
        }
    }

    private static List<(JsonNode? Parent, string? Key, int Index, JsonNode? Node)> Collect(JsonNode root)
    {
        var result = new List<(JsonNode?, string?, int, JsonNode?)> { (null, null, -1, root) };
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0 && result.Count < 20_000)
        {
            JsonNode node = stack.Pop();
            if (node is JsonObject obj)
            {
                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    result.Add((obj, member.Key, -1, member.Value));
                    if (member.Value is not null)
                    {
                        stack.Push(member.Value);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    result.Add((array, null, i, array[i]));
                    if (array[i] is JsonNode item)
                    {
                        stack.Push(item);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Writes JSON text (any depth), optionally repeating some object members (duplicate keys).</summary>
    private string Write(JsonNode? node, bool duplicateKeys, List<string> steps)
    {
        var builder = new StringBuilder();
        bool duplicated = false;
        WriteNode(node, 0);
        if (duplicated)
        {
            steps.Add("duplicate keys");
        }

        return builder.ToString();

        void WriteNode(JsonNode? value, int indent)
        {
            switch (value)
            {
                case null:
                    builder.Append("null");
                    break;
                case JsonObject obj:
                    builder.Append('{');
                    bool first = true;
                    foreach (KeyValuePair<string, JsonNode?> member in obj)
                    {
                        int times = duplicateKeys && indent <= 8 && random.Next(8) == 0 ? 2 : 1; // shallow only: deep duplicates grow exponentially
                        duplicated |= times == 2;
                        for (int t = 0; t < times; t++)
                        {
                            builder.Append(first ? "\n" : ",\n").Append(' ', Math.Min(indent + 2, 40));
                            first = false;
                            builder.Append(JsonSerializer.Serialize(member.Key)).Append(": ");
                            WriteNode(member.Value, indent + 2);
                        }
                    }

                    builder.Append(first ? "}" : "\n" + new string(' ', Math.Min(indent, 40)) + "}");
                    break;
                case JsonArray array:
                    builder.Append('[');
                    for (int i = 0; i < array.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(", ");
                        }

                        WriteNode(array[i], indent + 2);
                    }

                    builder.Append(']');
                    break;
                default:
                    builder.Append(value.ToJsonString());
                    break;
            }
        }
    }

    private static string Describe(string? key, int index) => key is not null ? "'" + Escape(key) + "'" : index >= 0 ? "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : "root";

    private static string Escape(string text) => text.Length > 20 ? text.Substring(0, 20) + "…" : JsonSerializer.Serialize(text).Trim('"');
}
