namespace OnyxGen;

// The 59 DocumentSource values of Onyx at the catalog's pinned commit (backend/onyx/configs/constants.py).
public readonly partial struct DocumentSource
{
    /// <summary>The <c>ingestion_api</c> source.</summary>
    public static DocumentSource IngestionApi { get; } = new("ingestion_api");

    /// <summary>The <c>slack</c> source.</summary>
    public static DocumentSource Slack { get; } = new("slack");

    /// <summary>The <c>web</c> source.</summary>
    public static DocumentSource Web { get; } = new("web");

    /// <summary>The <c>google_drive</c> source.</summary>
    public static DocumentSource GoogleDrive { get; } = new("google_drive");

    /// <summary>The <c>gmail</c> source.</summary>
    public static DocumentSource Gmail { get; } = new("gmail");

    /// <summary>The <c>github</c> source.</summary>
    public static DocumentSource Github { get; } = new("github");

    /// <summary>The <c>gitbook</c> source.</summary>
    public static DocumentSource Gitbook { get; } = new("gitbook");

    /// <summary>The <c>gitlab</c> source.</summary>
    public static DocumentSource Gitlab { get; } = new("gitlab");

    /// <summary>The <c>guru</c> source.</summary>
    public static DocumentSource Guru { get; } = new("guru");

    /// <summary>The <c>bookstack</c> source.</summary>
    public static DocumentSource Bookstack { get; } = new("bookstack");

    /// <summary>The <c>outline</c> source.</summary>
    public static DocumentSource Outline { get; } = new("outline");

    /// <summary>The <c>confluence</c> source.</summary>
    public static DocumentSource Confluence { get; } = new("confluence");

    /// <summary>The <c>jira</c> source.</summary>
    public static DocumentSource Jira { get; } = new("jira");

    /// <summary>The <c>slab</c> source.</summary>
    public static DocumentSource Slab { get; } = new("slab");

    /// <summary>The <c>productboard</c> source.</summary>
    public static DocumentSource Productboard { get; } = new("productboard");

    /// <summary>The <c>file</c> source.</summary>
    public static DocumentSource File { get; } = new("file");

    /// <summary>The <c>coda</c> source.</summary>
    public static DocumentSource Coda { get; } = new("coda");

    /// <summary>The <c>canvas</c> source.</summary>
    public static DocumentSource Canvas { get; } = new("canvas");

    /// <summary>The <c>notion</c> source.</summary>
    public static DocumentSource Notion { get; } = new("notion");

    /// <summary>The <c>zulip</c> source.</summary>
    public static DocumentSource Zulip { get; } = new("zulip");

    /// <summary>The <c>linear</c> source.</summary>
    public static DocumentSource Linear { get; } = new("linear");

    /// <summary>The <c>hubspot</c> source.</summary>
    public static DocumentSource Hubspot { get; } = new("hubspot");

    /// <summary>The <c>document360</c> source.</summary>
    public static DocumentSource Document360 { get; } = new("document360");

    /// <summary>The <c>gong</c> source.</summary>
    public static DocumentSource Gong { get; } = new("gong");

    /// <summary>The <c>google_sites</c> source.</summary>
    public static DocumentSource GoogleSites { get; } = new("google_sites");

    /// <summary>The <c>zendesk</c> source.</summary>
    public static DocumentSource Zendesk { get; } = new("zendesk");

    /// <summary>The <c>loopio</c> source.</summary>
    public static DocumentSource Loopio { get; } = new("loopio");

    /// <summary>The <c>box</c> source.</summary>
    public static DocumentSource Box { get; } = new("box");

    /// <summary>The <c>dropbox</c> source.</summary>
    public static DocumentSource Dropbox { get; } = new("dropbox");

    /// <summary>The <c>sharepoint</c> source.</summary>
    public static DocumentSource Sharepoint { get; } = new("sharepoint");

    /// <summary>The <c>teams</c> source.</summary>
    public static DocumentSource Teams { get; } = new("teams");

    /// <summary>The <c>salesforce</c> source.</summary>
    public static DocumentSource Salesforce { get; } = new("salesforce");

    /// <summary>The <c>discourse</c> source.</summary>
    public static DocumentSource Discourse { get; } = new("discourse");

    /// <summary>The <c>axero</c> source.</summary>
    public static DocumentSource Axero { get; } = new("axero");

    /// <summary>The <c>clickup</c> source.</summary>
    public static DocumentSource Clickup { get; } = new("clickup");

    /// <summary>The <c>mediawiki</c> source.</summary>
    public static DocumentSource Mediawiki { get; } = new("mediawiki");

    /// <summary>The <c>wikipedia</c> source.</summary>
    public static DocumentSource Wikipedia { get; } = new("wikipedia");

    /// <summary>The <c>asana</c> source.</summary>
    public static DocumentSource Asana { get; } = new("asana");

    /// <summary>The <c>s3</c> source.</summary>
    public static DocumentSource S3 { get; } = new("s3");

    /// <summary>The <c>r2</c> source.</summary>
    public static DocumentSource R2 { get; } = new("r2");

    /// <summary>The <c>google_cloud_storage</c> source.</summary>
    public static DocumentSource GoogleCloudStorage { get; } = new("google_cloud_storage");

    /// <summary>The <c>oci_storage</c> source.</summary>
    public static DocumentSource OciStorage { get; } = new("oci_storage");

    /// <summary>The <c>xenforo</c> source.</summary>
    public static DocumentSource Xenforo { get; } = new("xenforo");

    /// <summary>The <c>not_applicable</c> source.</summary>
    public static DocumentSource NotApplicable { get; } = new("not_applicable");

    /// <summary>The <c>discord</c> source.</summary>
    public static DocumentSource Discord { get; } = new("discord");

    /// <summary>The <c>freshdesk</c> source.</summary>
    public static DocumentSource Freshdesk { get; } = new("freshdesk");

    /// <summary>The <c>fireflies</c> source.</summary>
    public static DocumentSource Fireflies { get; } = new("fireflies");

    /// <summary>The <c>egnyte</c> source.</summary>
    public static DocumentSource Egnyte { get; } = new("egnyte");

    /// <summary>The <c>airtable</c> source.</summary>
    public static DocumentSource Airtable { get; } = new("airtable");

    /// <summary>The <c>highspot</c> source.</summary>
    public static DocumentSource Highspot { get; } = new("highspot");

    /// <summary>The <c>drupal_wiki</c> source.</summary>
    public static DocumentSource DrupalWiki { get; } = new("drupal_wiki");

    /// <summary>The <c>imap</c> source.</summary>
    public static DocumentSource Imap { get; } = new("imap");

    /// <summary>The <c>bitbucket</c> source.</summary>
    public static DocumentSource Bitbucket { get; } = new("bitbucket");

    /// <summary>The <c>testrail</c> source.</summary>
    public static DocumentSource Testrail { get; } = new("testrail");

    /// <summary>The <c>braintrust</c> source.</summary>
    public static DocumentSource Braintrust { get; } = new("braintrust");

    /// <summary>The <c>lumapps</c> source.</summary>
    public static DocumentSource Lumapps { get; } = new("lumapps");

    /// <summary>The <c>mock_connector</c> source.</summary>
    public static DocumentSource MockConnector { get; } = new("mock_connector");

    /// <summary>The <c>user_file</c> source.</summary>
    public static DocumentSource UserFile { get; } = new("user_file");

    /// <summary>The <c>craft_file</c> source.</summary>
    public static DocumentSource CraftFile { get; } = new("craft_file");

    private static readonly string[] KnownValues =
    [
        "ingestion_api",
        "slack",
        "web",
        "google_drive",
        "gmail",
        "github",
        "gitbook",
        "gitlab",
        "guru",
        "bookstack",
        "outline",
        "confluence",
        "jira",
        "slab",
        "productboard",
        "file",
        "coda",
        "canvas",
        "notion",
        "zulip",
        "linear",
        "hubspot",
        "document360",
        "gong",
        "google_sites",
        "zendesk",
        "loopio",
        "box",
        "dropbox",
        "sharepoint",
        "teams",
        "salesforce",
        "discourse",
        "axero",
        "clickup",
        "mediawiki",
        "wikipedia",
        "asana",
        "s3",
        "r2",
        "google_cloud_storage",
        "oci_storage",
        "xenforo",
        "not_applicable",
        "discord",
        "freshdesk",
        "fireflies",
        "egnyte",
        "airtable",
        "highspot",
        "drupal_wiki",
        "imap",
        "bitbucket",
        "testrail",
        "braintrust",
        "lumapps",
        "mock_connector",
        "user_file",
        "craft_file",
    ];
}
