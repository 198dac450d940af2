namespace OnyxGen.Emulator.Schemas;

/// <summary>The DocumentSource enum at the pinned Onyx commit (onyx-api.md §4), in declaration order.</summary>
internal static class DocumentSources
{
    public static readonly string[] All =
    [
        "ingestion_api", "slack", "web", "google_drive", "gmail",
        "github", "gitbook", "gitlab", "guru", "bookstack",
        "outline", "confluence", "jira", "slab", "productboard",
        "file", "coda", "canvas", "notion", "zulip",
        "linear", "hubspot", "document360", "gong", "google_sites",
        "zendesk", "loopio", "box", "dropbox", "sharepoint",
        "teams", "salesforce", "discourse", "axero", "clickup",
        "mediawiki", "wikipedia", "asana", "s3", "r2",
        "google_cloud_storage", "oci_storage", "xenforo", "not_applicable", "discord",
        "freshdesk", "fireflies", "egnyte", "airtable", "highspot",
        "drupal_wiki", "imap", "bitbucket", "testrail", "braintrust",
        "lumapps", "mock_connector", "user_file", "craft_file",
    ];

    /// <summary>Sources with no connector class: association validation fails at step 2 for them.</summary>
    public static bool HasConnectorClass(string source) =>
        source is not ("ingestion_api" or "not_applicable" or "user_file" or "craft_file");

    /// <summary>Association validation stops (valid) for these (onyx-api.md §6 step 2).</summary>
    public static bool SkipsValidation(string source) => source is "ingestion_api" or "mock_connector";

    /// <summary>Credentials of these sources are visible to every manage:connectors holder (onyx-api.md §5.8).</summary>
    public static bool IsPublicCredentialSource(string source) =>
        source is "file" or "web" or "not_applicable" or "google_sites" or "wikipedia" or "mediawiki";

    /// <summary>How Python prints the enum member in messages, e.g. <c>DocumentSource.USER_FILE</c>.</summary>
    public static string PythonMember(string source) => "DocumentSource." + source.ToUpperInvariant();

    /// <summary>The class-name fallback when a schema file names none: <c>google_drive</c> → <c>GoogleDriveConnector</c>.</summary>
    public static string DefaultClassName(string source) =>
        string.Concat(source.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Connector";
}
