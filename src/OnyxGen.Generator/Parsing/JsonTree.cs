using System.Collections.Generic;

namespace OnyxGen.Generator.Parsing;

// A small JSON tree that remembers where each value sits in the file (UTF-8 byte offsets),
// so every diagnostic can point at a line and column. It never leaves the parser.

internal abstract class JsonNode
{
    protected JsonNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Byte offset of the value's first byte.</summary>
    public int Start { get; }

    /// <summary>The file the value was read from (a $ref may lead into another schema file).</summary>
    public LineMap? Lines { get; set; }

    /// <summary>Byte offset just past the value.</summary>
    public int End { get; }

    public abstract string KindName { get; }
}

internal sealed class JsonObjectNode : JsonNode
{
    public JsonObjectNode(int start, int end, List<JsonMember> members)
        : base(start, end) => Members = members;

    public List<JsonMember> Members { get; }

    /// <summary>True when a key is written more than once (the reader reports it; readers of the object take the last).</summary>
    public bool HasDuplicateKeys { get; set; }

    public override string KindName => "object";

    /// <summary>The last member of that name (JSON's "last one wins"), or null.</summary>
    public JsonNode? Get(string name)
    {
        for (int i = Members.Count - 1; i >= 0; i--)
        {
            if (Members[i].Name == name)
            {
                return Members[i].Value;
            }
        }

        return null;
    }

    public JsonMember? GetMember(string name)
    {
        for (int i = Members.Count - 1; i >= 0; i--)
        {
            if (Members[i].Name == name)
            {
                return Members[i];
            }
        }

        return null;
    }
}

internal sealed class JsonMember
{
    public JsonMember(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(int start, int end, List<JsonNode> items)
        : base(start, end) => Items = items;

    public List<JsonNode> Items { get; }

    public override string KindName => "array";
}

internal sealed class JsonStringNode : JsonNode
{
    public JsonStringNode(int start, int end, string value)
        : base(start, end) => Value = value;

    public string Value { get; }

    public override string KindName => "string";
}

internal sealed class JsonNumberNode : JsonNode
{
    public JsonNumberNode(int start, int end, string raw, double value, bool isInteger)
        : base(start, end)
    {
        Raw = raw;
        Value = value;
        IsInteger = isInteger;
    }

    /// <summary>The number exactly as written.</summary>
    public string Raw { get; }

    public double Value { get; }

    /// <summary>True when the value is mathematically an integer (1.0 counts, as JSON Schema says).</summary>
    public bool IsInteger { get; }

    public override string KindName => "number";
}

internal sealed class JsonBooleanNode : JsonNode
{
    public JsonBooleanNode(int start, int end, bool value)
        : base(start, end) => Value = value;

    public bool Value { get; }

    public override string KindName => "boolean";
}

internal sealed class JsonNullNode : JsonNode
{
    public JsonNullNode(int start, int end)
        : base(start, end)
    {
    }

    public override string KindName => "null";
}
