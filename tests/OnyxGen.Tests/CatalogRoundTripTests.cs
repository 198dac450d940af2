using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OnyxGen.Connectors;
using OnyxGen.Emulator;
using Xunit;

namespace OnyxGen.Tests;

/// <summary>
/// One round trip per catalog connector through the emulator: create the connector from a minimal typed config, create a
/// typed credential with the keys of one authentication mode (or use credential 0 when the connector reads none), and
/// associate them. The emulator validates config keys, required keys, input type and credential keys against the same
/// catalog files the types were generated from, so a config the typed API builds is one the server stand-in accepts.
/// </summary>
public sealed class CatalogRoundTripTests : IClassFixture<CatalogRoundTripTests.SharedEmulator>
{
    private readonly SharedEmulator _shared;

    public CatalogRoundTripTests(SharedEmulator shared) => _shared = shared;

    /// <summary>A minimal valid config and a matching credential (null: the connector reads no credential keys) per source.</summary>
    internal static readonly IReadOnlyDictionary<string, Sample> Samples = new Dictionary<string, Sample>(StringComparer.Ordinal)
    {
        ["airtable"] = new(
            () => new AirtableConnectorConfig(),
            () => new AirtableCredential { AirtableAccessToken = "s3cr3t-airtable-access-token" }),
        ["asana"] = new(
            () => new AsanaConnectorConfig { AsanaWorkspaceId = "1234567890123456" },
            () => new AsanaCredential { AsanaApiTokenSecret = "s3cr3t-asana-api-token-secret" }),
        ["axero"] = new(
            () => new AxeroConnectorConfig(),
            () => new AxeroCredential { AxeroApiToken = "s3cr3t-axero-api-token", BaseUrl = "https://axero.example.com" }),
        ["bitbucket"] = new(
            () => new BitbucketConnectorConfig { Workspace = "acme" },
            () => new BitbucketCredential { BitbucketEmail = "dev@acme.example.com", BitbucketApiToken = "s3cr3t-bitbucket-api-token" }),
        ["bookstack"] = new(
            () => new BookstackConnectorConfig(),
            () => new BookstackCredential { BookstackBaseUrl = "https://bookstack.example.com", BookstackApiTokenId = "token-id", BookstackApiTokenSecret = "s3cr3t-bookstack-api-token-secret" }),
        ["box"] = new(
            () => new BoxConnectorConfig(),
            () => new BoxCredential { BoxClientId = "box-client-id", BoxClientSecret = "s3cr3t-box-client-secret", BoxEnterpriseId = "1234567" }),
        ["braintrust"] = new(
            () => new BraintrustConnectorConfig(),
            () => new BraintrustCredential { BraintrustApiKey = "s3cr3t-braintrust-api-key" }),
        ["canvas"] = new(
            () => new CanvasConnectorConfig { CanvasBaseUrl = "https://canvas.example.com" },
            () => new CanvasCredential { CanvasAccessToken = "s3cr3t-canvas-access-token" }),
        ["clickup"] = new(
            () => new ClickupConnectorConfig(),
            () => new ClickupCredential { ClickupApiToken = "s3cr3t-clickup-api-token", ClickupTeamId = "9000001" }),
        ["coda"] = new(
            () => new CodaConnectorConfig(),
            () => new CodaCredential { CodaBearerToken = "s3cr3t-coda-bearer-token" }),
        ["confluence"] = new(
            () => new ConfluenceConnectorConfig { WikiBase = "https://acme.atlassian.net/wiki", IsCloud = true },
            () => new ConfluenceCredential { ConfluenceAccessToken = "s3cr3t-confluence-access-token", ConfluenceUsername = "admin@acme.example.com" }),
        ["discord"] = new(
            () => new DiscordConnectorConfig(),
            () => new DiscordCredential { DiscordBotToken = "s3cr3t-discord-bot-token" }),
        ["discourse"] = new(
            () => new DiscourseConnectorConfig { BaseUrl = "https://discourse.example.com" },
            () => new DiscourseCredential { DiscourseApiKey = "s3cr3t-discourse-api-key", DiscourseApiUsername = "system" }),
        ["document360"] = new(
            () => new Document360ConnectorConfig { Workspace = "acme" },
            () => new Document360Credential()),
        ["dropbox"] = new(
            () => new DropboxConnectorConfig(),
            () => new DropboxCredential { DropboxAccessToken = "s3cr3t-dropbox-access-token" }),
        ["drupal_wiki"] = new(
            () => new DrupalWikiConnectorConfig { BaseUrl = "https://drupal-wiki.example.com" },
            () => new DrupalWikiCredential { DrupalWikiApiToken = "s3cr3t-drupal-wiki-api-token" }),
        ["egnyte"] = new(
            () => new EgnyteConnectorConfig(),
            () => new EgnyteCredential { Domain = "acme", AccessToken = "s3cr3t-access-token" }),
        ["file"] = new(
            () => new FileConnectorConfig { FileLocations = ["uploads/handbook.pdf"] },
            () => new FileCredential()),
        ["fireflies"] = new(
            () => new FirefliesConnectorConfig(),
            () => new FirefliesCredential { FirefliesApiKey = "s3cr3t-fireflies-api-key" }),
        ["freshdesk"] = new(
            () => new FreshdeskConnectorConfig(),
            () => new FreshdeskCredential { FreshdeskDomain = "acme", FreshdeskApiKey = "s3cr3t-freshdesk-api-key" }),
        ["gitbook"] = new(
            () => new GitbookConnectorConfig { SpaceId = "space-123" },
            () => new GitbookCredential { GitbookApiKey = "s3cr3t-gitbook-api-key" }),
        ["github"] = new(
            () => new GithubConnectorConfig { RepoOwner = "acme" },
            () => new GithubCredential { GithubAccessToken = "s3cr3t-github-access-token" }),
        ["gitlab"] = new(
            () => new GitlabConnectorConfig { ProjectOwner = "acme", ProjectName = "platform" },
            () => new GitlabCredential { GitlabUrl = "https://gitlab.com", GitlabAccessToken = "s3cr3t-gitlab-access-token" }),
        ["gmail"] = new(
            () => new GmailConnectorConfig(),
            () => new GmailCredential { GooglePrimaryAdmin = "admin@acme.example.com", GoogleTokens = "s3cr3t-google-tokens" }),
        ["gong"] = new(
            () => new GongConnectorConfig(),
            () => new GongCredential { GongAccessKey = "gong-access-key", GongAccessKeySecret = "s3cr3t-gong-access-key-secret" }),
        ["google_cloud_storage"] = new(
            () => new GoogleCloudStorageConnectorConfig { BucketType = GoogleCloudStorageConnectorConfig.BucketTypeValue.GoogleCloudStorage, BucketName = "acme-docs" },
            () => new GoogleCloudStorageCredential { AccessKeyId = "GOOG1EXAMPLE", SecretAccessKey = "s3cr3t-secret-access-key" }),
        ["google_drive"] = new(
            () => new GoogleDriveConnectorConfig(),
            () => new GoogleDriveCredential { GooglePrimaryAdmin = "admin@acme.example.com", GoogleTokens = "s3cr3t-google-tokens" }),
        ["google_sites"] = new(
            () => new GoogleSitesConnectorConfig { ZipPath = "sites/acme-site.zip", BaseUrl = "https://google-sites.example.com" },
            () => null),
        ["guru"] = new(
            () => new GuruConnectorConfig(),
            () => new GuruCredential { GuruUser = "admin@acme.example.com", GuruUserToken = "s3cr3t-guru-user-token" }),
        ["highspot"] = new(
            () => new HighspotConnectorConfig(),
            () => new HighspotCredential()),
        ["hubspot"] = new(
            () => new HubspotConnectorConfig(),
            () => new HubspotCredential { HubspotAccessToken = "s3cr3t-hubspot-access-token" }),
        ["imap"] = new(
            () => new ImapConnectorConfig { Host = "imap.example.com" },
            () => new ImapCredential { ImapUsername = "archive@acme.example.com", ImapPassword = "s3cr3t-imap-password" }),
        ["jira"] = new(
            () => new JiraConnectorConfig { JiraBaseUrl = "https://acme.atlassian.net" },
            () => new JiraCredential { JiraApiToken = "s3cr3t-jira-api-token" }),
        ["linear"] = new(
            () => new LinearConnectorConfig(),
            () => new LinearCredential { LinearApiKey = "s3cr3t-linear-api-key" }),
        ["loopio"] = new(
            () => new LoopioConnectorConfig(),
            () => new LoopioCredential { LoopioSubdomain = "acme", LoopioClientId = "loopio-client", LoopioClientToken = "s3cr3t-loopio-client-token" }),
        ["lumapps"] = new(
            () => new LumappsConnectorConfig { BaseUrl = "https://lumapps.example.com", OrganizationId = "org-123" },
            () => new LumappsCredential { LumappsApplicationId = "onyx-app", LumappsApiKey = "s3cr3t-lumapps-api-key", LumappsServiceUser = "svc@acme.example.com" }),
        ["mediawiki"] = new(
            () => new MediawikiConnectorConfig { Hostname = "wiki.example.org", Categories = ["Physics"], Pages = ["Main Page"], RecurseDepth = 1 },
            () => null),
        ["notion"] = new(
            () => new NotionConnectorConfig(),
            () => new NotionCredential { NotionIntegrationToken = "s3cr3t-notion-integration-token" }),
        ["oci_storage"] = new(
            () => new OciStorageConnectorConfig { BucketType = OciStorageConnectorConfig.BucketTypeValue.OciStorage, BucketName = "acme-docs" },
            () => new OciStorageCredential { Namespace = "axabc123", Region = "us-ashburn-1", AccessKeyId = "GOOG1EXAMPLE", SecretAccessKey = "s3cr3t-secret-access-key" }),
        ["outline"] = new(
            () => new OutlineConnectorConfig(),
            () => new OutlineCredential { OutlineBaseUrl = "https://outline.example.com", OutlineApiToken = "s3cr3t-outline-api-token" }),
        ["productboard"] = new(
            () => new ProductboardConnectorConfig(),
            () => new ProductboardCredential { ProductboardAccessToken = "s3cr3t-productboard-access-token" }),
        ["r2"] = new(
            () => new R2ConnectorConfig { BucketType = R2ConnectorConfig.BucketTypeValue.R2, BucketName = "acme-docs" },
            () => new R2Credential { AccountId = "0123456789abcdef", R2AccessKeyId = "r2-access-key-id", R2SecretAccessKey = "s3cr3t-r2-secret-access-key" }),
        ["s3"] = new(
            () => new S3ConnectorConfig { BucketType = S3ConnectorConfig.BucketTypeValue.S3, BucketName = "acme-docs" },
            () => new S3Credential { AwsAccessKeyId = "AKIAEXAMPLE", AwsSecretAccessKey = "s3cr3t-aws-secret-access-key" }),
        ["salesforce"] = new(
            () => new SalesforceConnectorConfig(),
            () => new SalesforceCredential { SfUsername = "admin@acme.example.com", SfPassword = "s3cr3t-sf-password", SfSecurityToken = "s3cr3t-sf-security-token" }),
        ["sharepoint"] = new(
            () => new SharepointConnectorConfig(),
            () => new SharepointCredential { SpClientId = "00000000-0000-0000-0000-000000000002", SpDirectoryId = "00000000-0000-0000-0000-000000000001", SpClientSecret = "s3cr3t-sp-client-secret" }),
        ["slab"] = new(
            () => new SlabConnectorConfig { BaseUrl = "https://slab.example.com" },
            () => new SlabCredential { SlabBotToken = "s3cr3t-slab-bot-token" }),
        ["slack"] = new(
            () => new SlackConnectorConfig(),
            () => new SlackCredential { SlackBotToken = "s3cr3t-slack-bot-token" }),
        ["teams"] = new(
            () => new TeamsConnectorConfig(),
            () => new TeamsCredential { TeamsClientId = "00000000-0000-0000-0000-000000000003", TeamsClientSecret = "s3cr3t-teams-client-secret", TeamsDirectoryId = "00000000-0000-0000-0000-000000000004" }),
        ["testrail"] = new(
            () => new TestrailConnectorConfig(),
            () => new TestrailCredential { TestrailBaseUrl = "https://testrail.example.com", TestrailUsername = "qa@acme.example.com", TestrailApiKey = "s3cr3t-testrail-api-key" }),
        ["web"] = new(
            () => new WebConnectorConfig { BaseUrl = "https://web.example.com" },
            () => null),
        ["wikipedia"] = new(
            () => new WikipediaConnectorConfig { Categories = ["Physics"], Pages = ["Main Page"], RecurseDepth = 1 },
            () => null),
        ["xenforo"] = new(
            () => new XenforoConnectorConfig { BaseUrl = "https://xenforo.example.com" },
            () => null),
        ["zendesk"] = new(
            () => new ZendeskConnectorConfig(),
            () => new ZendeskCredential { ZendeskSubdomain = "acme", ZendeskEmail = "support@acme.example.com", ZendeskToken = "s3cr3t-zendesk-token" }),
        ["zulip"] = new(
            () => new ZulipConnectorConfig { RealmName = "acme", RealmUrl = "https://acme.zulipchat.com" },
            () => new ZulipCredential { ZuliprcContent = "s3cr3t-zuliprc-content" }),
    };

    public static TheoryData<string> Sources => new(Samples.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void CatalogRoundTrip_covers_every_catalog_source()
    {
        using JsonDocument catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "schemas", "catalog.json")));
        string[] listed = catalog.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToArray();
        Assert.Equal(listed, Samples.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task CatalogRoundTrip_create_and_associate(string source)
    {
        OnyxClient onyx = _shared.Client;
        Sample sample = Samples[source];
        IConnectorConfig config = sample.Config();
        Assert.Equal(source, config.Descriptor.Source.Value);
        Assert.Empty(config.Validate());

        string name = $"roundtrip-{source}";
        ConnectorCreated<IConnectorConfig> created = await onyx.Connectors.CreateAsync(name, config);
        Connector stored = await onyx.Connectors.GetAsync(created.Id);
        Assert.Equal(source, stored.Source.Value);
        Assert.Equal(config.Descriptor.DefaultInputType, stored.InputType);

        int credentialId = 0;
        if (sample.Credential() is { } credential)
        {
            Assert.Equal(source, credential.Source.Value);
            Assert.Empty(credential.Validate());
            credentialId = (await onyx.Credentials.CreateAsync(name, credential)).Id;
        }

        AssociationResult associated = await onyx.Connectors.AssociateCredentialAsync(created.Id, credentialId, name);

        Assert.False(associated.AlreadyAssociated);
        Assert.NotNull(associated.CcPairId);
        Assert.Contains(credentialId, (await onyx.Connectors.GetAsync(created.Id)).CredentialIds);
    }

    /// <summary>A credential without a key its connector needs reaches the server (client validation off) and fails association.</summary>
    [Theory]
    [InlineData("jira", "jira_api_token")]
    [InlineData("bitbucket", "bitbucket_api_token")]
    [InlineData("google_drive", "google_primary_admin")]
    [InlineData("imap", "imap_password")]
    [InlineData("oci_storage", "region")]
    [InlineData("zendesk", "zendesk_token")]
    public async Task CatalogRoundTrip_missing_credential_key_is_invalid_input(string source, string key)
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator, o => o.ValidateBeforeSend = false);
        Sample sample = Samples[source];
        IConnectorConfig config = sample.Config();
        IConnectorCredential credential = sample.Credential()!;
        ConnectorCreated<IConnectorConfig> created = await onyx.Connectors.CreateAsync($"negative-{source}", config);
        Credential stored = await onyx.Credentials.CreateAsync($"negative-{source}", new WithoutKey(credential, key));

        OnyxApiException ex = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Connectors.AssociateCredentialAsync(created.Id, stored.Id, $"negative-{source}"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("INVALID_INPUT", ex.ErrorCode);
        Assert.True(ex.IsConnectorValidationError);
        Assert.Contains($"'{key}'", ex.Detail);
    }

    /// <summary>The first authentication mode is not the only one: the other modes of a multi-mode credential associate too.</summary>
    [Fact]
    public async Task CatalogRoundTrip_alternative_authentication_modes_associate()
    {
        OnyxClient onyx = _shared.Client;
        var cases = new (IConnectorConfig Config, IConnectorCredential Credential)[]
        {
            (new GoogleDriveConnectorConfig(), new GoogleDriveCredential { GooglePrimaryAdmin = "admin@acme.example.com", GoogleServiceAccountKey = "{\"type\": \"service_account\"}" }),
            (new ConfluenceConnectorConfig { WikiBase = "https://acme.atlassian.net/wiki", IsCloud = true }, new ConfluenceCredential
            {
                ConfluenceAccessToken = "oauth-access", ConfluenceRefreshToken = "oauth-refresh", CloudId = "cloud-1", CreatedAt = "2030-01-01T00:00:00+00:00", ExpiresIn = 3600,
            }),
            (new SharepointConnectorConfig(), new SharepointCredential
            {
                SpClientId = "client", SpDirectoryId = "tenant", AuthenticationMethod = SharepointConnectorConfig.AuthenticationMethodValue.Certificate, SpPrivateKey = "cGZ4", SpCertificatePassword = "pfx-password",
            }),
            (new S3ConnectorConfig { BucketType = S3ConnectorConfig.BucketTypeValue.S3, BucketName = "acme-docs" }, new S3Credential
            {
                AuthenticationMethod = S3ConnectorConfig.AuthenticationMethodValue.IamRole, AwsRoleArn = "arn:aws:iam::123456789012:role/onyx",
            }),
        };
        for (int i = 0; i < cases.Length; i++)
        {
            (IConnectorConfig config, IConnectorCredential credential) = cases[i];
            string name = $"mode-{i}-{config.Descriptor.Source.Value}";
            Assert.Empty(credential.Validate());
            ConnectorCreated<IConnectorConfig> created = await onyx.Connectors.CreateAsync(name, config);
            Credential stored = await onyx.Credentials.CreateAsync(name, credential);
            AssociationResult associated = await onyx.Connectors.AssociateCredentialAsync(created.Id, stored.Id, name);
            Assert.NotNull(associated.CcPairId);
        }
    }

    internal sealed record Sample(Func<IConnectorConfig> Config, Func<IConnectorCredential?> Credential);

    /// <summary>Writes a typed credential with one key left out (as a client that skips validation would send it).</summary>
    private sealed class WithoutKey(IConnectorCredential inner, string key) : IConnectorCredential
    {
        public DocumentSource Source => inner.Source;

        public IReadOnlyList<OnyxValidationError> Validate() => [];

        public void WriteJson(Utf8JsonWriter writer)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var inner_writer = new Utf8JsonWriter(buffer))
            {
                inner.WriteJson(inner_writer);
            }

            using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
            Assert.True(document.RootElement.TryGetProperty(key, out _), $"the sample credential has no '{key}' to leave out");
            writer.WriteStartObject();
            foreach (JsonProperty property in document.RootElement.EnumerateObject().Where(p => p.Name != key))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>One emulator and client for the per-source round trips (each source uses its own connector name).</summary>
    public sealed class SharedEmulator : IAsyncLifetime
    {
        private OnyxEmulator? _emulator;

        public OnyxClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _emulator = await OnyxEmulator.StartAsync();
            Client = TestClients.Create(_emulator);
        }

        public async Task DisposeAsync()
        {
            Client?.Dispose();
            if (_emulator is not null)
            {
                await _emulator.DisposeAsync();
            }
        }
    }

    private static string RepoRoot([CallerFilePath] string testFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", ".."));
}
