// netstandard2.0 lacks the marker type C# records need.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
