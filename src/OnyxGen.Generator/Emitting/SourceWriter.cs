using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace OnyxGen.Generator.Emitting;

/// <summary>
/// An indented code writer. Lines are appended with the current indentation; raw multi-line text is re-indented.
/// An interpolated line (<c>Line($"...")</c>) is written piece by piece into the buffer: no string is made for it first,
/// which halves what the emitter allocates.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new(4096);
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            Indent();
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes an interpolated line straight into the buffer.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes a block of lines (e.g. a raw string literal), each at the current indentation.</summary>
    public SourceWriter Lines(string text)
    {
        foreach (string line in text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        return OpenBrace();
    }

    /// <summary>Writes an interpolated line, then opens a block under it.</summary>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _builder.Append('\n');
        return OpenBrace();
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public IDisposable Block(string text)
    {
        Open(text);
        return new Closer(this);
    }

    public override string ToString() => _builder.ToString();

    private SourceWriter OpenBrace()
    {
        Line("{");
        _indent++;
        return this;
    }

    private void Indent()
    {
        for (int i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }
    }

    /// <summary>Receives the pieces of an interpolated line: indentation first, then each piece as it comes.</summary>
    [InterpolatedStringHandler]
    internal readonly struct LineHandler
    {
        private readonly SourceWriter _writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            writer.Indent();
        }

        public void AppendLiteral(string text) => _writer._builder.Append(text);

        public void AppendFormatted(string? text) => _writer._builder.Append(text);

        public void AppendFormatted(int number) => _writer._builder.Append(number.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close();
    }
}
