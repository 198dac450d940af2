using System.Collections.Generic;
using System.Text;
using OnyxGen.Generator.Model;

namespace OnyxGen.Generator.Parsing;

/// <summary>
/// Turns UTF-8 byte offsets into character offsets, lines and columns (what Roslyn locations use). The line starts are
/// found on the first request: a valid schema never asks, so it never pays for the scan.
/// </summary>
internal sealed class LineMap
{
    private readonly string _path;
    private readonly byte[] _utf8;
    private List<int>? _lineStarts;

    public LineMap(string path, byte[] utf8)
    {
        _path = path;
        _utf8 = utf8;
    }

    private List<int> LineStarts => _lineStarts ??= FindLineStarts(_utf8);

    /// <summary>The file's path.</summary>
    public string FilePath => _path;

    public LocationInfo Locate(int startByte, int endByte)
    {
        startByte = Clamp(startByte);
        endByte = Clamp(endByte < startByte ? startByte : endByte);
        (int startLine, int startColumn) = LineAndColumn(startByte);
        (int endLine, int endColumn) = LineAndColumn(endByte);
        int startChar = Encoding.UTF8.GetCharCount(_utf8, 0, startByte);
        int lengthChars = Encoding.UTF8.GetCharCount(_utf8, startByte, endByte - startByte);
        return new LocationInfo(_path, startChar, lengthChars, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>A location from a line number and a byte position in that line (what a JsonException carries).</summary>
    public LocationInfo LocateLine(long line, long bytePositionInLine)
    {
        int lineIndex = (int)System.Math.Min(System.Math.Max(line, 0), LineStarts.Count - 1);
        int start = Clamp(LineStarts[lineIndex] + (int)System.Math.Max(bytePositionInLine, 0));
        return Locate(start, System.Math.Min(start + 1, _utf8.Length));
    }

    private int Clamp(int offset) => offset < 0 ? 0 : offset > _utf8.Length ? _utf8.Length : offset;

    private (int Line, int Column) LineAndColumn(int byteOffset)
    {
        List<int> lineStarts = LineStarts;
        int line = lineStarts.BinarySearch(byteOffset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        int column = Encoding.UTF8.GetCharCount(_utf8, lineStarts[line], byteOffset - lineStarts[line]);
        return (line, column);
    }

    private static List<int> FindLineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        int next = 0;
        while (next < utf8.Length)
        {
            int newline = System.Array.IndexOf(utf8, (byte)'\n', next);
            if (newline < 0)
            {
                break;
            }

            starts.Add(newline + 1);
            next = newline + 1;
        }

        return starts;
    }
}
