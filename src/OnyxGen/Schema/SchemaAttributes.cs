namespace OnyxGen.Schema;

// The schema's facts, attached by the generator to the types it emits. The analyzers read these attributes from the
// compilation, so the generator's parse of the schema is the only one: there is no second schema parser.

/// <summary>Marks a generated connector config class and carries its schema's connector facts.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OnyxConnectorAttribute : Attribute
{
    /// <summary>Marks a connector config class.</summary>
    /// <param name="source">The DocumentSource value.</param>
    public OnyxConnectorAttribute(string source) => Source = source;

    /// <summary>The DocumentSource value.</summary>
    public string Source { get; }

    /// <summary>The input types the connector accepts (wire values); the first is the default.</summary>
    public string[] InputTypes { get; set; } = [];

    /// <summary>Whether the source supports permission sync (<c>x-onyx-perm-sync</c>).</summary>
    public bool PermissionSync { get; set; }

    /// <summary>The schema file the type was generated from.</summary>
    public string? SchemaFile { get; set; }
}

/// <summary>Marks a generated credential class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OnyxCredentialAttribute : Attribute
{
    /// <summary>Marks a credential class.</summary>
    /// <param name="source">The DocumentSource value.</param>
    public OnyxCredentialAttribute(string source) => Source = source;

    /// <summary>The DocumentSource value.</summary>
    public string Source { get; }
}

/// <summary>One authentication mode of a credential (a <c>oneOf</c> branch): the keys it needs.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OnyxAuthenticationModeAttribute : Attribute
{
    /// <summary>Declares a mode.</summary>
    /// <param name="title">The mode's name.</param>
    /// <param name="requiredJsonNames">The JSON names of the keys the mode needs.</param>
    public OnyxAuthenticationModeAttribute(string title, params string[] requiredJsonNames)
    {
        Title = title;
        RequiredJsonNames = requiredJsonNames;
    }

    /// <summary>The mode's name.</summary>
    public string Title { get; }

    /// <summary>The JSON names of the keys the mode needs.</summary>
    public string[] RequiredJsonNames { get; }
}

/// <summary>A generated property's JSON name and the constraints its schema puts on its value (or, with <c>Item*</c>, on each item).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OnyxPropertyAttribute : Attribute
{
    /// <summary>Declares a schema property.</summary>
    /// <param name="jsonName">The exact JSON name.</param>
    public OnyxPropertyAttribute(string jsonName) => JsonName = jsonName;

    /// <summary>The exact JSON name.</summary>
    public string JsonName { get; }

    /// <summary>A secret (<c>x-onyx-secret</c>): never hard-code it.</summary>
    public bool IsSecret { get; set; }

    /// <summary>The <c>format</c> of the value (uri, email, date, hostname, ipv4, ipv6).</summary>
    public string? Format { get; set; }

    /// <summary>The <c>pattern</c> the value must match.</summary>
    public string? Pattern { get; set; }

    /// <summary><c>minLength</c>, or -1.</summary>
    public int MinLength { get; set; } = -1;

    /// <summary><c>maxLength</c>, or -1.</summary>
    public int MaxLength { get; set; } = -1;

    /// <summary><c>minimum</c>, or NaN.</summary>
    public double Minimum { get; set; } = double.NaN;

    /// <summary><c>maximum</c>, or NaN.</summary>
    public double Maximum { get; set; } = double.NaN;

    /// <summary><c>exclusiveMinimum</c>, or NaN.</summary>
    public double ExclusiveMinimum { get; set; } = double.NaN;

    /// <summary><c>exclusiveMaximum</c>, or NaN.</summary>
    public double ExclusiveMaximum { get; set; } = double.NaN;

    /// <summary>Allowed integer values (<c>enum</c> of integers), or empty.</summary>
    public long[] AllowedValues { get; set; } = [];

    /// <summary><c>minItems</c>, or -1.</summary>
    public int MinItems { get; set; } = -1;

    /// <summary><c>maxItems</c>, or -1.</summary>
    public int MaxItems { get; set; } = -1;

    /// <summary><c>uniqueItems</c>.</summary>
    public bool UniqueItems { get; set; }

    /// <summary>The <c>format</c> of each item of a list.</summary>
    public string? ItemFormat { get; set; }

    /// <summary>The <c>pattern</c> of each item of a list.</summary>
    public string? ItemPattern { get; set; }

    /// <summary><c>minLength</c> of each item of a list, or -1.</summary>
    public int ItemMinLength { get; set; } = -1;

    /// <summary><c>maxLength</c> of each item of a list, or -1.</summary>
    public int ItemMaxLength { get; set; } = -1;
}
