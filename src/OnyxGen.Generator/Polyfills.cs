// Marker types netstandard2.0 lacks; the C# compiler finds them by name.
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets C# records compile.</summary>
    internal static class IsExternalInit
    {
    }

    /// <summary>Lets <see cref="OnyxGen.Generator.Emitting.SourceWriter.LineHandler"/> receive interpolated strings piece by piece.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    internal sealed class InterpolatedStringHandlerAttribute : Attribute
    {
    }

    /// <summary>Passes the writer to its interpolated-string handler.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    internal sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
    {
        public InterpolatedStringHandlerArgumentAttribute(string argument) => Arguments = new[] { argument };

        public InterpolatedStringHandlerArgumentAttribute(params string[] arguments) => Arguments = arguments;

        public string[] Arguments { get; }
    }
}
