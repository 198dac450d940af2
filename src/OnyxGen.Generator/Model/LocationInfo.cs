using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OnyxGen.Generator.Model;

/// <summary>A location in a schema file, as plain data; turned into a Roslyn <see cref="Location"/> only when reported.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic as plain data (descriptor id, message arguments, location).</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(string id, LocationInfo? location, params string[] args) => new(id, location, args.ToEquatableArray());
}
