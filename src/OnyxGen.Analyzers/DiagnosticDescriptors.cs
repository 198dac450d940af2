using Microsoft.CodeAnalysis;

namespace OnyxGen.Analyzers;

/// <summary>
/// Every diagnostic the OnyxGen analyzers report on user C# code. IDs are stable; each has a page under docs/diagnostics/.
/// ONYX1xxx: config values written in C#; ONYX2xxx: use of the OnyxGen API.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string ConfigCategory = "OnyxGen.Config";
    public const string UsageCategory = "OnyxGen.Usage";
    private const string HelpBase = "https://github.com/onyxgen/onyxgen/blob/main/docs/diagnostics/";

    public const string PatternMismatchId = "ONYX1001";
    public const string FormatMismatchId = "ONYX1002";
    public const string ValueNotAllowedId = "ONYX1003";
    public const string LengthOutOfRangeId = "ONYX1004";
    public const string NumberOutOfRangeId = "ONYX1005";
    public const string ItemCountOutOfRangeId = "ONYX1006";
    public const string DuplicateItemsId = "ONYX1007";
    public const string HardCodedSecretId = "ONYX1008";
    public const string ConflictingAuthenticationModesId = "ONYX1009";

    public const string InputTypeNotAcceptedId = "ONYX2001";
    public const string RefreshFrequencyTooLowId = "ONYX2002";
    public const string PruneFrequencyTooLowId = "ONYX2003";
    public const string PermissionSyncNotSupportedId = "ONYX2004";
    public const string CredentialSourceMismatchId = "ONYX2005";

    /// <summary>The key of a diagnostic property holding the C# expression a code fix puts in place of the reported expression.</summary>
    public const string ReplacementProperty = "OnyxGen.Replacement";

    /// <summary>The key of a diagnostic property holding the code fix's title.</summary>
    public const string FixTitleProperty = "OnyxGen.FixTitle";

    public static readonly DiagnosticDescriptor PatternMismatch = Config(PatternMismatchId, "Value does not match the schema's pattern",
        "{0} '{1}' does not match the pattern '{2}' of '{3}'",
        "The schema gives this property a 'pattern'; a constant that does not match it fails validation before the request is sent.");

    public static readonly DiagnosticDescriptor FormatMismatch = Config(FormatMismatchId, "Value is not in the schema's format",
        "{0} '{1}' is not a valid {2} for '{3}'{4}",
        "The schema gives this property a 'format' (uri, email, date, hostname, ipv4, ipv6); a constant in another shape fails validation before the request is sent. A URI needs a scheme, e.g. https://.");

    public static readonly DiagnosticDescriptor ValueNotAllowed = Config(ValueNotAllowedId, "Value is not one of the schema's allowed values",
        "{0} is not an allowed value of '{1}' (allowed: {2})",
        "The schema restricts this property to an 'enum' of integers; other constants fail validation before the request is sent.");

    public static readonly DiagnosticDescriptor LengthOutOfRange = Config(LengthOutOfRangeId, "String length is out of the schema's range",
        "{0} '{1}' is {2} character(s) long; '{3}' must be {4}",
        "The schema bounds the length of this string ('minLength' / 'maxLength', counted in Unicode code points).");

    public static readonly DiagnosticDescriptor NumberOutOfRange = Config(NumberOutOfRangeId, "Number is out of the schema's range",
        "{0} is out of range for '{1}': it must be {2}",
        "The schema bounds this number ('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum').");

    public static readonly DiagnosticDescriptor ItemCountOutOfRange = Config(ItemCountOutOfRangeId, "Item count is out of the schema's range",
        "'{0}' gets {1} item(s); it must have {2}",
        "The schema bounds the number of items of this list ('minItems' / 'maxItems').");

    public static readonly DiagnosticDescriptor DuplicateItems = Config(DuplicateItemsId, "Duplicate item in a list whose items must be unique",
        "{0} appears more than once in '{1}', whose items must be unique",
        "The schema says 'uniqueItems: true' for this list; a repeated constant fails validation before the request is sent.");

    public static readonly DiagnosticDescriptor HardCodedSecret = Config(HardCodedSecretId, "Hard-coded secret",
        "'{0}' is a secret; do not hard-code it, read it from configuration or an environment variable",
        "A secret (x-onyx-secret or a credential secret) written as a literal ends up in source control and in the compiled assembly. Read it at run time instead.");

    public static readonly DiagnosticDescriptor ConflictingAuthenticationModes = Config(ConflictingAuthenticationModesId, "More than one authentication mode set",
        "'{0}' sets the keys of both authentication modes '{1}' and '{2}'; a credential uses exactly one",
        "The credential's schema lists its authentication modes as 'oneOf' branches: exactly one must match. Setting every key of two modes makes the credential ambiguous (Onyx rejects it or silently uses one).");

    public static readonly DiagnosticDescriptor InputTypeNotAccepted = Usage(InputTypeNotAcceptedId, "Input type not accepted by the connector",
        "The '{0}' connector does not accept input type '{1}' (accepted: {2})",
        "The connector's schema (x-onyx-input-types) lists the input types its Onyx connector class implements; any other input type fails when the connector runs.");

    public static readonly DiagnosticDescriptor RefreshFrequencyTooLow = Usage(RefreshFrequencyTooLowId, "Refresh frequency below Onyx's minimum",
        "The refresh frequency is {0} second(s); Onyx's minimum is 60 seconds",
        "Onyx refuses a refresh frequency below 60 seconds.");

    public static readonly DiagnosticDescriptor PruneFrequencyTooLow = Usage(PruneFrequencyTooLowId, "Prune frequency below Onyx's minimum",
        "The prune frequency is {0} second(s); Onyx's minimum is 300 seconds",
        "Onyx refuses a prune frequency below 300 seconds (5 minutes).");

    public static readonly DiagnosticDescriptor PermissionSyncNotSupported = Usage(PermissionSyncNotSupportedId, "Permission sync not supported by the connector",
        "AccessType.Sync needs permission sync, which the '{0}' connector does not support; use AccessType.Public or AccessType.Private",
        "Only sources whose schema declares 'x-onyx-perm-sync: true' can sync document permissions; Onyx refuses AccessType.Sync for the others.");

    public static readonly DiagnosticDescriptor CredentialSourceMismatch = Usage(CredentialSourceMismatchId, "Credential of another source",
        "A '{0}' credential is associated with a '{1}' connector",
        "A connector can only use a credential of its own source; Onyx fails the connector at its first run.");

    private static DiagnosticDescriptor Config(string id, string title, string message, string description) =>
        new(id, title, message, ConfigCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpBase + id + ".md");

    private static DiagnosticDescriptor Usage(string id, string title, string message, string description) =>
        new(id, title, message, UsageCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpBase + id + ".md");
}
