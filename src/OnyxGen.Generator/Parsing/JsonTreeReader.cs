using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OnyxGen.Generator.Parsing;

/// <summary>Reads UTF-8 JSON into a <see cref="JsonNode"/> tree with positions, reporting duplicate keys.</summary>
internal static class JsonTreeReader
{
    /// <summary>Deep enough for any real schema, shallow enough that the recursive walk can't overflow the stack.</summary>
    public const int MaxDepth = 200;

    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = MaxDepth,
    };

    /// <exception cref="JsonException">The text is not valid JSON (with line and byte position).</exception>
    public static JsonNode Read(byte[] utf8, List<JsonMember> duplicateKeys, LineMap? lines = null)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        if (!reader.Read())
        {
            throw new JsonException("The file is empty.", null, 0, 0);
        }

        JsonNode root = ReadValue(ref reader, utf8, duplicateKeys, lines);
        if (reader.Read())
        {
            // Utf8JsonReader reports trailing content itself; this only guards unexpected states.
            throw new JsonException("Unexpected content after the root value.", null, null, reader.TokenStartIndex);
        }

        return root;
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // An escaped lone surrogate ("\ude42") is valid JSON syntax but not a valid string.
            throw new InvalidJsonTextException("a string is not valid UTF-16 (" + ex.Message + ")", (int)reader.TokenStartIndex);
        }
    }

    /// <summary>A linear scan for the usual small object; a set once an object has many keys.</summary>
    private static bool IsDuplicate(List<JsonMember> earlier, string name, ref HashSet<string>? seen)
    {
        const int LinearScanLimit = 16;
        if (seen is null && earlier.Count < LinearScanLimit)
        {
            for (int i = 0; i < earlier.Count; i++)
            {
                if (earlier[i].Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        if (seen is null)
        {
            seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonMember member in earlier)
            {
                seen.Add(member.Name);
            }
        }

        return !seen.Add(name);
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, byte[] utf8, List<JsonMember> duplicateKeys, LineMap? lines)
    {
        JsonNode node = ReadNode(ref reader, utf8, duplicateKeys, lines);
        node.Lines = lines;
        return node;
    }

    private static JsonNode ReadNode(ref Utf8JsonReader reader, byte[] utf8, List<JsonMember> duplicateKeys, LineMap? lines)
    {
        int start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<JsonMember>();
                HashSet<string>? seen = null;
                bool hasDuplicates = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    int nameStart = (int)reader.TokenStartIndex;
                    string name = ReadString(ref reader);
                    int nameEnd = (int)reader.BytesConsumed;
                    reader.Read();
                    JsonNode value = ReadValue(ref reader, utf8, duplicateKeys, lines);
                    var member = new JsonMember(name, nameStart, nameEnd, value);
                    if (IsDuplicate(members, name, ref seen))
                    {
                        hasDuplicates = true;
                        duplicateKeys.Add(member);
                    }

                    members.Add(member);
                }

                return new JsonObjectNode(start, (int)reader.BytesConsumed, members) { HasDuplicateKeys = hasDuplicates };
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, utf8, duplicateKeys, lines));
                }

                return new JsonArrayNode(start, (int)reader.BytesConsumed, items);
            case JsonTokenType.String:
                return new JsonStringNode(start, (int)reader.BytesConsumed, ReadString(ref reader));
            case JsonTokenType.Number:
                // A number token has no escapes: its raw text is the token's own bytes.
                string raw = System.Text.Encoding.UTF8.GetString(utf8, start, reader.ValueSpan.Length);
                double number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                bool isInteger = !double.IsInfinity(number) && Math.Floor(number) == number;
                return new JsonNumberNode(start, (int)reader.BytesConsumed, raw, number, isInteger);
            case JsonTokenType.True:
                return new JsonBooleanNode(start, (int)reader.BytesConsumed, true);
            case JsonTokenType.False:
                return new JsonBooleanNode(start, (int)reader.BytesConsumed, false);
            default:
                return new JsonNullNode(start, (int)reader.BytesConsumed);
        }
    }
}

/// <summary>JSON that is well-formed but holds a value .NET cannot represent, at a byte offset.</summary>
internal sealed class InvalidJsonTextException : Exception
{
    public InvalidJsonTextException(string message, int byteOffset)
        : base(message) => ByteOffset = byteOffset;

    public int ByteOffset { get; }
}
