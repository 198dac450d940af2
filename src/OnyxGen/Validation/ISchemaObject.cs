using System.ComponentModel;
using System.Text.Json;

namespace OnyxGen.Validation;

/// <summary>
/// What every generated class can do with itself: write its JSON and check itself against its schema. Lets the shared
/// helpers (<see cref="JsonReading"/>, <see cref="Serialization.JsonWriting"/>) do the work for every generated type, so
/// the generator emits one line per property instead of a block. Public for generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISchemaObject
{
    /// <summary>Writes this object as JSON with the exact wire names.</summary>
    /// <param name="writer">The writer.</param>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>Adds this object's violations, under <paramref name="pointer"/>, to <paramref name="errors"/>.</summary>
    /// <param name="pointer">The JSON pointer of this object.</param>
    /// <param name="errors">Where violations are added.</param>
    void ValidateInto(string pointer, List<OnyxValidationError> errors);
}
