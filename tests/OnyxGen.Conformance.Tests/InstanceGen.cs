using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace OnyxGen.Conformance.Tests;

/// <summary>
/// CsCheck generators of JSON instances driven by a schema: mostly valid values (within bounds, matching known patterns
/// and formats), then, half of the time, one mutation that likely breaks them (a dropped required key, a wrong type, an
/// out-of-range number, a too long string, a pattern breaker, an extra key, null, a duplicate item, a foreign enum value).
/// Whether an instance is valid is for the validators to say, not for the generator.
/// </summary>
internal sealed class InstanceGen(JsonElement root)
{
    /// <summary>Generators for the patterns the test schemas use (a string matching an arbitrary regex is not generated).</summary>
    private static readonly Dictionary<string, Gen<string>> PatternGens = new(StringComparer.Ordinal)
    {
        ["^[A-Z][A-Z0-9]+$"] = Gen.Select(Gen.Char['A', 'Z'], Gen.String[Gen.Char.AlphaNumeric.Where(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9'), 1, 9], (c, s) => c + s),
        ["^[A-Z]{2,4}-[0-9]{1,5}$"] = Gen.Select(Gen.String[Gen.Char['A', 'Z'], 2, 4], Gen.String[Gen.Char['0', '9'], 1, 5], (a, b) => a + "-" + b),
        ["^[a-z0-9]+(-[a-z0-9]+)*$"] = Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 6], Gen.String[Gen.Char['0', '9'], 0, 3], Gen.Bool, (a, b, dash) => a + (dash ? "-" : "") + b + (dash && b.Length == 0 ? "x" : "")),
    };

    private static readonly string[] Uris = { "https://example.com", "https://a.example.com/x?y=1#z", "http://localhost:8080/path", "ftp://ftp.example.org/file.txt", "urn:isbn:0451450523", "mailto:ops@example.com", "https://example.com/%20space" };
    private static readonly string[] Emails = { "ops@example.com", "a.b-c+d@sub.example.org", "x@y.io", "\"quoted name\"@example.com", "user@[127.0.0.1]" };
    private static readonly string[] Hostnames = { "example.com", "a-b.c-d.example", "localhost", "xn--nw2a.xn--j6w193g", "h0st" };
    private static readonly string[] IPv4s = { "127.0.0.1", "10.0.0.255", "192.168.1.20", "0.0.0.0" };
    private static readonly string[] IPv6s = { "::1", "fe80::1", "2001:db8::7", "1:2:3:4:5:6:7:8", "::ffff:192.168.0.1" };

    private static readonly Gen<char> TextChar = Gen.Frequency(
        (20, Gen.Char['a', 'z']),
        (4, Gen.Char['A', 'Z']),
        (4, Gen.Char['0', '9']),
        (2, Gen.OneOf(' ', '-', '_', '.', '/', '"', '\\')),
        (2, Gen.OneOf('é', 'ß', '名', 'Ж')));

    /// <summary>A string of <paramref name="min"/>..<paramref name="max"/> code points, sometimes with astral (surrogate pair) characters.</summary>
    private static Gen<string> Text(int min, int max) => Gen.Frequency(
        (6, Gen.String[TextChar, min, max]),
        (1, Gen.Int[min, max].Select(n => string.Concat(Enumerable.Repeat("🙂", n)))));

    private static readonly Gen<JsonNode?> NullGen = Gen.Const(() => (JsonNode?)null);

    public Gen<JsonNode?> Valid(JsonElement schema, int depth = 0)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return Gen.Const(() => (JsonNode?)JsonValue.Create("anything"));
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return NullGen;
        }

        if (schema.TryGetProperty("$ref", out JsonElement reference) && reference.GetString() is string target)
        {
            return depth > 4 ? NullGen : Valid(Resolve(target), depth + 1);
        }

        if (schema.TryGetProperty("const", out JsonElement constant))
        {
            return Gen.Const(() => JsonNode.Parse(constant.GetRawText()));
        }

        if (schema.TryGetProperty("enum", out JsonElement values))
        {
            string[] raw = values.EnumerateArray().Select(v => v.GetRawText()).ToArray();
            return Gen.Int[0, raw.Length - 1].Select(i => JsonNode.Parse(raw[i]));
        }

        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out JsonElement branches) && !IsObjectSchema(schema))
            {
                Gen<JsonNode?>[] options = branches.EnumerateArray().Select(b => Valid(b, depth + 1)).ToArray();
                return Gen.OneOf(options);
            }
        }

        string[] types = Types(schema);
        if (types.Length == 0)
        {
            if (schema.TryGetProperty("multipleOf", out JsonElement step))
            {
                double divisor = step.GetDouble();
                return Gen.Int[-20, 20].Select(k => (JsonNode?)JsonValue.Create(k * divisor));
            }

            types = new[] { "string", "integer", "boolean", "object", "array" };
        }

        Gen<JsonNode?>[] byType = types.Select(t => ForType(schema, t, depth)).ToArray();
        return byType.Length == 1 ? byType[0] : Gen.OneOf(byType);
    }

    private Gen<JsonNode?> ForType(JsonElement schema, string type, int depth)
    {
        switch (type)
        {
            case "null":
                return NullGen;
            case "boolean":
                return Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b));
            case "integer":
            {
                long min = Bound(schema, "minimum") is double lo ? (long)Math.Ceiling(lo) : Bound(schema, "exclusiveMinimum") is double elo ? (long)Math.Floor(elo) + 1 : -1000;
                long max = Bound(schema, "maximum") is double hi ? (long)Math.Floor(hi) : Bound(schema, "exclusiveMaximum") is double ehi ? (long)Math.Ceiling(ehi) - 1 : min + 2000;
                return Gen.Long[min, Math.Max(min, max)].Select(v => (JsonNode?)JsonValue.Create(v));
            }

            case "number":
            {
                double min = Bound(schema, "minimum") ?? Bound(schema, "exclusiveMinimum") ?? -1000;
                double max = Bound(schema, "maximum") ?? Bound(schema, "exclusiveMaximum") ?? min + 2000;
                return Gen.Int[1, 999].Select(k => (JsonNode?)JsonValue.Create(Math.Round(min + ((max - min) * k / 1000.0), 6)));
            }

            case "string":
                return StringGen(schema).Select(s => (JsonNode?)JsonValue.Create(s));
            case "array":
            {
                Gen<JsonNode?> item = schema.TryGetProperty("items", out JsonElement items) ? Valid(items, depth + 1) : Gen.Const(() => (JsonNode?)JsonValue.Create("x"));
                int min = Int(schema, "minItems") ?? 0;
                int max = Int(schema, "maxItems") ?? min + 4;
                bool unique = schema.TryGetProperty("uniqueItems", out JsonElement u) && u.ValueKind == JsonValueKind.True;
                return item.Array[min, Math.Max(min, max)].Select(array =>
                {
                    IEnumerable<JsonNode?> list = array;
                    if (unique)
                    {
                        list = array.DistinctBy(n => n?.ToJsonString() ?? "null");
                    }

                    return (JsonNode?)new JsonArray(list.Select(n => n?.DeepClone()).ToArray());
                });
            }

            default:
                return ObjectGen(schema, depth);
        }
    }

    private Gen<JsonNode?> ObjectGen(JsonElement schema, int depth)
    {
        var required = schema.TryGetProperty("required", out JsonElement r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : new HashSet<string>();
        var members = new List<Gen<(string Name, JsonNode? Value, bool Present)>>();
        if (schema.TryGetProperty("properties", out JsonElement properties))
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                string name = property.Name;
                bool isRequired = required.Contains(name);
                bool tooDeep = depth > 4 && !isRequired;
                Gen<JsonNode?> value = tooDeep ? NullGen : Valid(property.Value, depth + 1);
                members.Add(Gen.Select(value, Gen.Int[0, 2], (v, coin) => (name, v, !tooDeep && (isRequired || coin > 0))));
            }
        }

        // Undeclared keys where additionalProperties allows them.
        bool closed = schema.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.False;
        Gen<JsonNode?> extraValue = schema.TryGetProperty("additionalProperties", out JsonElement extraSchema) && extraSchema.ValueKind == JsonValueKind.Object
            ? Valid(extraSchema, depth + 1)
            : Gen.OneOf(Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)), Text(0, 5).Select(s => (JsonNode?)JsonValue.Create(s)), Gen.Const(() => (JsonNode?)new JsonObject { ["k"] = 1 }));
        Gen<(string, JsonNode?)[]> extras = closed
            ? Gen.Const(() => Array.Empty<(string, JsonNode?)>())
            : Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 6].Select(s => "x_" + s), extraValue).Array[0, 2];

        Gen<(string Name, JsonNode? Value, bool Present)[]> all = members.Count == 0
            ? Gen.Const(() => Array.Empty<(string, JsonNode?, bool)>())
            : members.Aggregate(Gen.Const(() => Array.Empty<(string, JsonNode?, bool)>()), (acc, g) => Gen.Select(acc, g, (a, m) => a.Append(m).ToArray()));

        return Gen.Select(all, extras, (declared, extra) =>
        {
            var obj = new JsonObject();
            foreach ((string name, JsonNode? value, bool present) in declared.Where(m => m.Present))
            {
                obj[name] = value?.DeepClone();
            }

            foreach ((string name, JsonNode? value) in extra)
            {
                if (!obj.ContainsKey(name) && !(schema.TryGetProperty("properties", out JsonElement p) && p.TryGetProperty(name, out _)))
                {
                    obj[name] = value?.DeepClone();
                }
            }

            return (JsonNode?)obj;
        });
    }

    private static Gen<string> StringGen(JsonElement schema)
    {
        if (schema.TryGetProperty("format", out JsonElement format))
        {
            switch (format.GetString())
            {
                case "uri": return Gen.OneOf(Uris);
                case "email": return Gen.OneOf(Emails);
                case "hostname": return Gen.OneOf(Hostnames);
                case "ipv4": return Gen.OneOf(IPv4s);
                case "ipv6": return Gen.OneOf(IPv6s);
                case "uuid": return Gen.Guid.Select(g => g.ToString("D"));
                case "date": return Gen.Int[0, 20000].Select(d => new DateOnly(1990, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

                // As System.Text.Json writes a DateTimeOffset (so a round trip keeps the spelling).
                case "date-time": return Gen.Select(Gen.Long[0, 2_000_000_000L], Gen.Int[-12, 14], Gen.Int[0, 999], (seconds, hours, millis) => JsonSerializer.Serialize(new DateTimeOffset(DateTime.UnixEpoch.AddSeconds(seconds).AddMilliseconds(millis).Ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(hours))).Trim('"'));
            }
        }

        int min = Int(schema, "minLength") ?? 0;
        int max = Int(schema, "maxLength") ?? Math.Max(min, 12);
        if (schema.TryGetProperty("pattern", out JsonElement pattern) && PatternGens.TryGetValue(pattern.GetString()!, out Gen<string>? matching))
        {
            return matching.Where(s => s.Length >= min && s.Length <= max);
        }

        return Text(min, max);
    }

    /// <summary>One mutation of a valid instance, chosen by <paramref name="seed"/> (deterministic, so CsCheck can shrink).</summary>
    public static JsonNode? Mutate(JsonNode? instance, int seed)
    {
        var random = new Random(seed);
        JsonNode? copy = instance?.DeepClone();
        var containers = new List<JsonNode>();
        Collect(copy, containers);
        if (containers.Count == 0)
        {
            return JsonValue.Create(random.Next(2) == 0 ? "wrong" : (object)42) is JsonNode n ? n : null;
        }

        JsonNode target = containers[random.Next(containers.Count)];
        if (target is JsonObject obj)
        {
            string? key = obj.Count > 0 ? obj.ElementAt(random.Next(obj.Count)).Key : null;
            switch (random.Next(9))
            {
                case 0 when key is not null:
                    obj.Remove(key);
                    break;
                case 1:
                    obj["zz_extra_" + random.Next(100).ToString(CultureInfo.InvariantCulture)] = random.Next(2) == 0 ? JsonValue.Create(1) : JsonValue.Create("x");
                    break;
                case 2 when key is not null:
                    obj[key] = null;
                    break;
                case 3 when key is not null:
                    obj[key] = WrongType(obj[key], random);
                    break;
                default:
                    if (key is not null)
                    {
                        obj[key] = Perturb(obj[key], random);
                    }

                    break;
            }
        }
        else if (target is JsonArray array)
        {
            switch (random.Next(4))
            {
                case 0 when array.Count > 0:
                    array.Add(array[random.Next(array.Count)]?.DeepClone());
                    break;
                case 1:
                    for (int i = 0; i < 6; i++)
                    {
                        array.Add(array.Count > 0 ? Perturb(array[0]?.DeepClone(), random) : JsonValue.Create(i));
                    }

                    break;
                case 2 when array.Count > 0:
                    array.Clear();
                    break;
                default:
                    if (array.Count > 0)
                    {
                        int i = random.Next(array.Count);
                        array[i] = random.Next(2) == 0 ? WrongType(array[i], random) : Perturb(array[i], random);
                    }

                    break;
            }
        }

        return copy;
    }

    private static JsonNode? Perturb(JsonNode? value, Random random)
    {
        if (value is not JsonValue scalar)
        {
            return WrongType(value, random);
        }

        switch (scalar.GetValueKind())
        {
            case JsonValueKind.String:
                string s = scalar.GetValue<string>();
                return random.Next(5) switch
                {
                    0 => JsonValue.Create(s + new string('z', 30)),
                    1 => JsonValue.Create(""),
                    2 => JsonValue.Create("!" + s),
                    3 => JsonValue.Create(s.ToLowerInvariant() + " x"),
                    _ => JsonValue.Create("not-in-enum"),
                };
            case JsonValueKind.Number:
                decimal d = decimal.Parse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return random.Next(5) switch
                {
                    0 => JsonValue.Create(d + 1_000_000m),
                    1 => JsonValue.Create(d - 1_000_000m),
                    2 => JsonValue.Create(d + 0.5m),
                    3 => JsonValue.Create(-d - 1),
                    _ => JsonValue.Create(0),
                };
            default:
                return WrongType(value, random);
        }
    }

    private static JsonNode? WrongType(JsonNode? value, Random random) => (value?.GetValueKind(), random.Next(3)) switch
    {
        (JsonValueKind.String, 0) => JsonValue.Create(7),
        (JsonValueKind.String, _) => JsonValue.Create(true),
        (JsonValueKind.Number, 0) => JsonValue.Create("7"),
        (JsonValueKind.Number, _) => new JsonArray(1),
        (JsonValueKind.True or JsonValueKind.False, _) => JsonValue.Create("true"),
        (JsonValueKind.Object, _) => new JsonArray(),
        (JsonValueKind.Array, _) => new JsonObject(),
        _ => JsonValue.Create(1.5),
    };

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        if (node is JsonObject obj)
        {
            containers.Add(obj);
            foreach (KeyValuePair<string, JsonNode?> member in obj)
            {
                Collect(member.Value, containers);
            }
        }
        else if (node is JsonArray array)
        {
            containers.Add(array);
            foreach (JsonNode? item in array)
            {
                Collect(item, containers);
            }
        }
    }

    private JsonElement Resolve(string target)
    {
        JsonElement current = root;
        foreach (string token in target.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.GetProperty(token.Replace("~1", "/").Replace("~0", "~"));
        }

        return current;
    }

    private static bool IsObjectSchema(JsonElement schema) => Types(schema) is ["object"];

    private static string[] Types(JsonElement schema) => !schema.TryGetProperty("type", out JsonElement type)
        ? Array.Empty<string>()
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : new[] { type.GetString()! };

    private static double? Bound(JsonElement schema, string keyword) => schema.TryGetProperty(keyword, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static int? Int(JsonElement schema, string keyword) => schema.TryGetProperty(keyword, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
