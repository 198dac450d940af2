using System.Text;
using OnyxGen.Emulator.Errors;
using OnyxGen.Emulator.Routes;

namespace OnyxGen.Emulator.Validation;

/// <summary>One pydantic error as FastAPI reports it (without <c>'url'</c>, which FastAPI drops).</summary>
internal sealed record PyError(string Type, PyTuple Loc, string Msg, object? Input, PyDict? Ctx = null)
{
    public PyDict ToDict()
    {
        var dict = new PyDict { { "type", Type }, { "loc", Loc }, { "msg", Msg }, { "input", Input } };
        if (Ctx is not null) dict.Add("ctx", Ctx);
        return dict;
    }
}

/// <summary>
/// The pydantic-style texts of onyx-api.md §3.1 and the 422 <c>message</c> layout Onyx produces from
/// <c>str(RequestValidationError)</c> with newlines turned into spaces.
/// </summary>
internal static class ValidationMessages
{
    public const string FieldRequired = "Field required";
    public const string StringType = "Input should be a valid string";
    public const string IntParsing = "Input should be a valid integer, unable to parse string as an integer";
    public const string IntType = "Input should be a valid integer";
    public const string IntFromFloat = "Input should be a valid integer, got a number with a fractional part";
    public const string BoolType = "Input should be a valid boolean";
    public const string BoolParsing = "Input should be a valid boolean, unable to interpret input";
    public const string DictType = "Input should be a valid dictionary";
    public const string ListType = "Input should be a valid list";
    public const string ModelAttributesType = "Input should be a valid dictionary or object to extract fields from";
    public const string JsonDecodeError = "JSON decode error";
    public const string DateTimeType = "Input should be a valid datetime";
    public const string DateTimeParsing = "Input should be a valid datetime or date, invalid character in year";

    /// <summary>
    /// <c>N validation error(s): {err} {err}  File "...", line N, in func   METHOD /route</c>. The file tail is fixed per
    /// route; onyx-api.md §7.2 allows any file name and line, and clients must not parse it.
    /// </summary>
    public static string Format(IReadOnlyList<PyError> errors, RouteSpec route)
    {
        var sb = new StringBuilder();
        sb.Append(errors.Count).Append(" validation error").Append(errors.Count == 1 ? "" : "s").Append(':');
        foreach (var error in errors) sb.Append(' ').Append(PythonRepr.Repr(error.ToDict()));
        sb.Append("  File \"").Append(route.SourceFile).Append("\", line ").Append(route.SourceLine)
          .Append(", in ").Append(route.FunctionName).Append("   ").Append(route.Method).Append(' ').Append(route.Template);
        return sb.ToString();
    }
}

/// <summary>Collects errors across path, query and body, the way FastAPI reports them all in one 422.</summary>
internal sealed class ValidationErrors(RouteSpec route)
{
    private readonly List<PyError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<PyError> Errors => _errors;

    public void Add(PyError error) => _errors.Add(error);

    public void Add(string type, PyTuple loc, string msg, object? input, PyDict? ctx = null) =>
        _errors.Add(new PyError(type, loc, msg, input, ctx));

    /// <summary>Raises the 422 when anything was collected; handlers call this before touching state.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw OnyxErrors.Validation(ValidationMessages.Format(_errors, route));
    }

    /// <summary>An integer path parameter (path values are strings, so only the str-to-int rule applies).</summary>
    public long PathInt(string name, string? raw) => StringToInt(new PyTuple("path", name), raw ?? "") ?? 0;

    /// <summary>An optional integer query parameter.</summary>
    public long? QueryInt(string name, string? raw) =>
        raw is null ? null : StringToInt(new PyTuple("query", name), raw);

    /// <summary>A required string query parameter.</summary>
    public string QueryString(string name, string? raw)
    {
        if (raw is null) Add("missing", new PyTuple("query", name), ValidationMessages.FieldRequired, null);
        return raw ?? "";
    }

    /// <summary>An enum path parameter.</summary>
    public string PathEnum(string name, string? raw, EnumSpec spec)
    {
        if (raw is null || !spec.Contains(raw)) Add(spec.Error(new PyTuple("path", name), raw));
        return raw ?? "";
    }

    private long? StringToInt(PyTuple loc, string raw)
    {
        if (LaxConversions.TryParseIntString(raw, out var value)) return value;
        Add("int_parsing", loc, ValidationMessages.IntParsing, raw);
        return null;
    }
}
