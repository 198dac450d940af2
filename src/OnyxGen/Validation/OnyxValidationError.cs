namespace OnyxGen;

/// <summary>One violation of a schema: where (a JSON pointer into the config) and what.</summary>
/// <param name="Pointer">The JSON pointer of the offending value, e.g. <c>/jira_base_url</c>.</param>
/// <param name="Message">A readable description of the violation.</param>
public sealed record OnyxValidationError(string Pointer, string Message)
{
    /// <summary><c>pointer: message</c>.</summary>
    public override string ToString() => $"{(Pointer.Length == 0 ? "/" : Pointer)}: {Message}";
}

/// <summary>Thrown before any request is sent when a config or credential breaks its schema.</summary>
public sealed class OnyxValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">What was validated, e.g. <c>JiraConnectorConfig</c>.</param>
    /// <param name="errors">Every violation found.</param>
    public OnyxValidationException(string what, IReadOnlyList<OnyxValidationError> errors)
        : base($"{what} is invalid; nothing was sent. {errors.Count} violation(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every violation found.</summary>
    public IReadOnlyList<OnyxValidationError> Errors { get; }
}
