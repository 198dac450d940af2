using System.Collections.Generic;
using System.Text;
using OnyxGen.Generator.Model;

namespace OnyxGen.Generator.Parsing;

/// <summary>
/// Turns UTF-8 byte offsets into character offsets, lines and columns (what Roslyn locations use). Line starts are found
/// only as far into the file as a location asks for: a valid schema asks for one near its top (its x-onyx-source), so
/// it never pays for a scan of the whole file.
/// </summary>
internal sealed class LineMap
{
    private readonly string _path;
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = new() { 0 };
    private int _scannedTo;

    public LineMap(string path, byte[] utf8)
    {
        _path = path;
        _utf8 = utf8;
    }

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
        ScanTo(_utf8.Length);
        int lineIndex = (int)System.Math.Min(System.Math.Max(line, 0), _lineStarts.Count - 1);
        int start = Clamp(_lineStarts[lineIndex] + (int)System.Math.Max(bytePositionInLine, 0));
        return Locate(start, System.Math.Min(start + 1, _utf8.Length));
    }

    private int Clamp(int offset) => offset < 0 ? 0 : offset > _utf8.Length ? _utf8.Length : offset;

    private (int Line, int Column) LineAndColumn(int byteOffset)
    {
        ScanTo(byteOffset);
        int line = _lineStarts.BinarySearch(byteOffset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        int column = Encoding.UTF8.GetCharCount(_utf8, _lineStarts[line], byteOffset - _lineStarts[line]);
        return (line, column);
    }

    /// <summary>Records the start of every line that begins at or before <paramref name="offset"/>.</summary>
    private void ScanTo(int offset)
    {
        while (_scannedTo < _utf8.Length && _scannedTo <= offset)
        {
            int newline = System.Array.IndexOf(_utf8, (byte)'\n', _scannedTo);
            if (newline < 0)
            {
                _scannedTo = _utf8.Length;
                break;
            }

            _lineStarts.Add(newline + 1);
            _scannedTo = newline + 1;
        }
    }
}
