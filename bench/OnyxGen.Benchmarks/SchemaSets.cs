using System.Text;
using System.Text.Json;

namespace OnyxGen.Benchmarks;

/// <summary>One schema file held in memory: its path (as the generator sees it), text and UTF-8 bytes.</summary>
public sealed record SchemaFile(string Path, string Text, byte[] Utf8);

/// <summary>The schema sets every generator benchmark runs on: the catalog and deterministic synthetic sets.</summary>
public static class SchemaSets
{
    public const string Catalog = "catalog";

    public static string CatalogDirectory => Path.Combine(AppContext.BaseDirectory, "catalog");

    /// <summary>"catalog" (the 54 shipped schemas) or "synthetic-N".</summary>
    public static SchemaFile[] Get(string set) => set == Catalog ? LoadCatalog() : SyntheticSchemas.Create(int.Parse(set["synthetic-".Length..], System.Globalization.CultureInfo.InvariantCulture));

    public static SchemaFile[] LoadCatalog() => Directory.GetFiles(CatalogDirectory, "*.schema.json")
        .OrderBy(p => p, StringComparer.Ordinal)
        .Select(p => File.ReadAllText(p))
        .Zip(Directory.GetFiles(CatalogDirectory, "*.schema.json").OrderBy(p => p, StringComparer.Ordinal), (text, path) => new SchemaFile(path, text, Encoding.UTF8.GetBytes(text)))
        .ToArray();

    /// <summary>
    /// Splits a set into groups that one compilation can hold. The generator accepts only Onyx DocumentSource values as
    /// x-onyx-source (ONYX0009) and generates one file per source (ONYX0011), so one compilation holds at most one schema
    /// per source; the catalog is one compilation, synthetic sets cycle through <see cref="SyntheticSchemas.ShardSize"/> sources and are run as one
    /// driver per shard (1,000 schemas = 20 compilations of 50).
    /// </summary>
    public static SchemaFile[][] Shards(SchemaFile[] files) => files.Select(f => f.Path).Any(p => p.StartsWith("/synthetic", StringComparison.Ordinal))
        ? files.Chunk(SyntheticSchemas.ShardSize).ToArray()
        : [files];

    public static long TotalBytes(SchemaFile[] files) => files.Sum(f => (long)f.Utf8.Length);
}

/// <summary>
/// Realistic synthetic connector schemas, generated in memory from a fixed seed: 5 to 50 properties (strings with formats,
/// patterns and lengths, nullable strings, bounded integers and numbers, booleans with defaults, string enums, string
/// arrays, arrays of objects and nested objects up to two levels), a few required properties and a credential.
/// </summary>
public static class SyntheticSchemas
{
    public const int Seed = 20240607;

    /// <summary>Distinct sources per compilation (see <see cref="SchemaSets.Shards"/>).</summary>
    public const int ShardSize = 50;

    /// <summary>50 Onyx DocumentSource values (the generator rejects others).</summary>
    public static readonly string[] Sources =
    [
        "slack", "web", "google_drive", "gmail", "github", "gitbook", "gitlab", "guru", "bookstack", "outline",
        "confluence", "jira", "slab", "productboard", "file", "coda", "canvas", "notion", "zulip", "linear",
        "hubspot", "document360", "gong", "google_sites", "zendesk", "loopio", "box", "dropbox", "sharepoint", "teams",
        "salesforce", "discourse", "axero", "clickup", "mediawiki", "wikipedia", "asana", "s3", "r2", "google_cloud_storage",
        "oci_storage", "xenforo", "discord", "freshdesk", "fireflies", "egnyte", "airtable", "highspot", "drupal_wiki", "imap",
    ];

    private static readonly string[] Words =
    [
        "base", "url", "project", "space", "page", "limit", "token", "include", "exclude", "labels", "filter", "folder",
        "team", "channel", "index", "batch", "size", "depth", "recursive", "archived", "owner", "region", "bucket", "prefix",
        "query", "domain", "site", "workspace", "board", "ticket", "comment", "author", "since", "until", "max", "min",
    ];

    private static readonly Dictionary<int, SchemaFile[]> Cache = new();

    public static SchemaFile[] Create(int count)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(count, out SchemaFile[]? files))
            {
                files = Enumerable.Range(0, count).Select(CreateOne).ToArray();
                Cache[count] = files;
            }

            return files;
        }
    }

    /// <summary>Schema number <paramref name="index"/>; the same index always gives the same text.</summary>
    public static SchemaFile CreateOne(int index)
    {
        var random = new Random(Seed + index);
        string source = Sources[index % Sources.Length];
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("title", $"Synthetic {index}");
            w.WriteString("description", $"Synthetic connector schema {index} for benchmarks (seed {Seed}).");
            w.WriteString("type", "object");
            w.WriteString("x-onyx-source", source);
            w.WriteString("x-onyx-class", $"Synthetic{index}Connector");
            w.WriteStartArray("x-onyx-input-types");
            w.WriteStringValue(random.Next(3) == 0 ? "load_state" : "poll");
            w.WriteEndArray();
            int count = random.Next(5, 51);
            List<string> names = UniqueNames(random, count);
            WriteProperties(w, random, names, depth: 0);
            w.WriteStartArray("required");
            foreach (string name in names.Take(1 + random.Next(Math.Min(3, names.Count))))
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            if (random.Next(2) == 0)
            {
                w.WriteBoolean("additionalProperties", false);
            }

            w.WritePropertyName("x-onyx-credential");
            w.WriteStartObject();
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            w.WriteStartObject("api_token");
            w.WriteString("type", "string");
            w.WriteBoolean("x-onyx-secret", true);
            w.WriteString("description", "API token.");
            w.WriteEndObject();
            w.WriteStartObject("user_email");
            w.WriteString("type", "string");
            w.WriteString("format", "email");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("required");
            w.WriteStringValue("api_token");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        byte[] utf8 = stream.ToArray();
        string path = Path.Combine("/synthetic", $"s{index:D4}", source + ".schema.json");
        return new SchemaFile(path, Encoding.UTF8.GetString(utf8), utf8);
    }

    private static List<string> UniqueNames(Random random, int count)
    {
        var names = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            string name = Words[random.Next(Words.Length)] + "_" + Words[random.Next(Words.Length)];
            if (!seen.Add(name))
            {
                name += "_" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                seen.Add(name);
            }

            names.Add(name);
        }

        return names;
    }

    private static void WriteProperties(Utf8JsonWriter w, Random random, List<string> names, int depth)
    {
        w.WriteStartObject("properties");
        foreach (string name in names)
        {
            w.WriteStartObject(name);
            WriteValue(w, random, depth);
            w.WriteString("description", $"The {name.Replace('_', ' ')} setting.");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, Random random, int depth)
    {
        int kind = random.Next(depth >= 2 ? 8 : 10);
        switch (kind)
        {
            case 0:
                w.WriteString("type", "string");
                w.WriteString("format", random.Next(2) == 0 ? "uri" : "email");
                break;
            case 1:
                w.WriteString("type", "string");
                w.WriteString("pattern", "^[A-Za-z0-9_-]+$");
                w.WriteNumber("minLength", 1);
                w.WriteNumber("maxLength", 64);
                break;
            case 2:
                w.WriteStartArray("type");
                w.WriteStringValue("string");
                w.WriteStringValue("null");
                w.WriteEndArray();
                break;
            case 3:
                w.WriteString("type", "integer");
                w.WriteNumber("minimum", 1);
                w.WriteNumber("maximum", 10_000);
                w.WriteNumber("default", 100);
                break;
            case 4:
                w.WriteString("type", "number");
                w.WriteNumber("minimum", 0);
                break;
            case 5:
                w.WriteString("type", "boolean");
                w.WriteBoolean("default", random.Next(2) == 0);
                break;
            case 6:
            {
                w.WriteString("type", "string");
                int values = random.Next(2, 7);
                w.WriteStartArray("enum");
                for (int i = 0; i < values; i++)
                {
                    w.WriteStringValue(Words[(i * 7 + values) % Words.Length] + "_mode");
                }

                w.WriteEndArray();
                w.WriteString("default", Words[values % Words.Length] + "_mode");
                break;
            }

            case 7:
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", "string");
                w.WriteEndObject();
                w.WriteNumber("maxItems", 100);
                break;
            case 8:
            {
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", "object");
                List<string> inner = UniqueNames(random, random.Next(2, 5));
                WriteProperties(w, random, inner, depth + 1);
                w.WriteStartArray("required");
                w.WriteStringValue(inner[0]);
                w.WriteEndArray();
                w.WriteEndObject();
                break;
            }

            default:
            {
                w.WriteString("type", "object");
                List<string> inner = UniqueNames(random, random.Next(2, 6));
                WriteProperties(w, random, inner, depth + 1);
                w.WriteBoolean("additionalProperties", false);
                break;
            }
        }
    }
}
