using System.Collections.Generic;

namespace OnyxGen.Generator.Parsing;

/// <summary>
/// Onyx's DocumentSource and InputType values. The generator cannot reference the runtime (it runs inside the compiler),
/// so this list mirrors OnyxGen.DocumentSource; a test checks the two agree.
/// </summary>
internal static class OnyxVocabulary
{
    public static readonly HashSet<string> Sources = new(System.StringComparer.Ordinal)
    {
        "ingestion_api", "slack", "web", "google_drive", "gmail", "github",
        "gitbook", "gitlab", "guru", "bookstack", "outline", "confluence",
        "jira", "slab", "productboard", "file", "coda", "canvas",
        "notion", "zulip", "linear", "hubspot", "document360", "gong",
        "google_sites", "zendesk", "loopio", "box", "dropbox", "sharepoint",
        "teams", "salesforce", "discourse", "axero", "clickup", "mediawiki",
        "wikipedia", "asana", "s3", "r2", "google_cloud_storage", "oci_storage",
        "xenforo", "not_applicable", "discord", "freshdesk", "fireflies", "egnyte",
        "airtable", "highspot", "drupal_wiki", "imap", "bitbucket", "testrail",
        "braintrust", "lumapps", "mock_connector", "user_file", "craft_file",
    };

    public static readonly HashSet<string> InputTypes = new(System.StringComparer.Ordinal) { "load_state", "poll", "event", "slim_retrieval" };

    /// <summary>Sources whose admin UI sends load_state; every other source gets poll.</summary>
    public static readonly HashSet<string> LoadStateSources = new(System.StringComparer.Ordinal) { "web", "xenforo", "file", "airtable" };
}
