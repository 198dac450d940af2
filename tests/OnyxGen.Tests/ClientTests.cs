using System.Net;
using System.Text.Json;
using OnyxGen.Connectors;
using OnyxGen.Emulator;
using Xunit;

namespace OnyxGen.Tests;

/// <summary>The runtime against the emulator, over real loopback HTTP.</summary>
public sealed class ClientTests
{
    private static JiraConnectorConfig Jira(string project) => new()
    {
        JiraBaseUrl = "https://acme.atlassian.net",
        ProjectKey = project,
        CommentEmailBlacklist = ["legal@company.com"],
    };

    [Fact]
    public async Task Create_get_list_update_delete_a_connector()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);

        ConnectorCreated<JiraConnectorConfig> created = await onyx.Connectors.CreateJiraAsync("jira-ENG", Jira("ENG"), refreshFreq: TimeSpan.FromMinutes(30));
        Assert.Equal(1, created.Id);
        Assert.False(created.Existed);

        Connector fetched = await onyx.Connectors.GetAsync(created.Id);
        Assert.Equal("jira-ENG", fetched.Name);
        Assert.Equal(DocumentSource.Jira, fetched.Source);
        Assert.Equal(InputType.Poll, fetched.InputType);
        Assert.Equal(1800, fetched.RefreshFreq);
        Assert.Null(fetched.PruneFreq);
        Assert.Equal("ENG", fetched.ConnectorSpecificConfig.GetProperty("project_key").GetString());

        Assert.Equal(new[] { created.Id }, (await onyx.Connectors.ListAsync()).Select(c => c.Id));

        Connector updated = await onyx.Connectors.UpdateAsync(created.Id, "jira-ENG", Jira("ENG2"));
        Assert.Equal("ENG2", updated.ConnectorSpecificConfig.GetProperty("project_key").GetString());
        Assert.Equal(604800, updated.PruneFreq); // the server's full-replace quirk: null prune_freq becomes 7 days

        StatusResponse deleted = await onyx.Connectors.DeleteAsync(created.Id);
        Assert.True(deleted.Success);
        Assert.Empty(await onyx.Connectors.ListAsync());
    }

    [Fact]
    public async Task A_duplicate_name_is_an_OnyxApiException_with_the_servers_detail()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        await onyx.Connectors.CreateJiraAsync("jira-ENG", Jira("ENG"));

        OnyxApiException ex = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Connectors.CreateJiraAsync("jira-ENG", Jira("ENG")));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("Connector by this name already exists, duplicate naming not allowed.", ex.Detail);
    }

    [Fact]
    public async Task Getting_a_missing_connector_is_404()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);

        OnyxApiException ex = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Connectors.GetAsync(42));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Connector 42 does not exist", ex.Detail);
    }

    [Fact]
    public async Task An_unknown_key_is_an_authentication_failure_and_the_key_is_not_in_the_message()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        const string WrongKey = "on_wrongwrongwrongwrongwrong";
        using OnyxClient onyx = TestClients.Create(emulator, o => o.ApiKey = WrongKey);

        OnyxApiException ex = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Connectors.ListAsync());

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.True(ex.IsAuthenticationFailure);
        Assert.DoesNotContain(WrongKey, ex.ToString());
    }

    [Fact]
    public async Task A_read_only_key_gets_insufficient_permissions_which_is_not_an_authentication_failure()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        string readKey = emulator.CreateApiKey(EmulatorKeyRole.Read);
        using OnyxClient onyx = TestClients.Create(emulator, o => o.ApiKey = readKey);

        OnyxApiException ex = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Connectors.CreateJiraAsync("x", Jira("X")));

        Assert.Equal("INSUFFICIENT_PERMISSIONS", ex.ErrorCode);
        Assert.False(ex.IsAuthenticationFailure);
    }

    [Fact]
    public async Task Associate_reports_new_and_already_associated_pairs()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        ConnectorCreated created = await onyx.Connectors.CreateJiraAsync("jira-ENG", Jira("ENG"));
        Credential credential = await onyx.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = "token-1234567890", JiraUserEmail = "ops@example.com" });

        AssociationResult first = await onyx.Connectors.AssociateCredentialAsync(created.Id, credential.Id, "jira-ENG");
        AssociationResult second = await onyx.Connectors.AssociateCredentialAsync(created.Id, credential.Id, "jira-ENG");

        Assert.False(first.AlreadyAssociated);
        Assert.Equal(2, first.CcPairId); // cc-pair 1 is the server's DefaultCCPair
        Assert.True(second.AlreadyAssociated);
        Assert.Null(second.CcPairId);
        Assert.Equal(new[] { credential.Id }, (await onyx.Connectors.GetAsync(created.Id)).CredentialIds);
    }

    [Fact]
    public async Task Associating_a_credential_that_lacks_a_required_key_fails_connector_validation()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator, o => o.ValidateBeforeSend = false);
        ConnectorCreated created = await onyx.Connectors.CreateJiraAsync("jira-ENG", Jira("ENG"));
        Credential credential = await onyx.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = "", JiraUserEmail = "ops@example.com" });

        OnyxApiException ex = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Connectors.AssociateCredentialAsync(created.Id, credential.Id, "jira-ENG"));

        Assert.True(ex.IsConnectorValidationError);
        Assert.Equal("INVALID_INPUT", ex.ErrorCode);
        Assert.Contains("'jira_api_token'", ex.Detail);
    }

    [Fact]
    public async Task Credentials_are_created_listed_by_source_masked_and_deleted()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);

        Credential created = await onyx.Credentials.CreateJiraAsync("jira bot", new JiraCredential { JiraApiToken = "ATATT3xFfGF0abcdefQ9zX", JiraUserEmail = "ops@example.com" });
        IReadOnlyList<Credential> jira = await onyx.Credentials.ListAsync(DocumentSource.Jira);
        IReadOnlyList<Credential> all = await onyx.Credentials.ListAsync();

        Credential listed = Assert.Single(jira);
        Assert.Equal(created.Id, listed.Id);
        Assert.Equal("ATAT...Q9zX", listed.MaskedCredentialJson.GetProperty("jira_api_token").GetString());
        Assert.Equal("ops@....com", listed.MaskedCredentialJson.GetProperty("jira_user_email").GetString());
        Assert.Contains(all, c => c.Id == 0); // the server's public empty credential
        Assert.True((await onyx.Credentials.DeleteAsync(created.Id)).Success);
        Assert.Empty(await onyx.Credentials.ListAsync(DocumentSource.Jira));
    }

    [Fact]
    public async Task Force_delete_removes_the_credentials_pairs_first()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        ConnectorCreated created = await onyx.Connectors.CreateJiraAsync("jira-ENG", Jira("ENG"));
        Credential credential = await onyx.Credentials.CreateJiraAsync("jira", new JiraCredential { JiraApiToken = "token-1234567890" });
        await onyx.Connectors.AssociateCredentialAsync(created.Id, credential.Id, "jira-ENG");

        OnyxApiException refused = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.Credentials.DeleteAsync(credential.Id));
        Assert.StartsWith("Cannot delete credential as it is still associated with 1 connector(s)", refused.Detail);

        Assert.True((await onyx.Credentials.DeleteAsync(credential.Id, force: true)).Success);
        Assert.Empty((await onyx.Connectors.GetAsync(created.Id)).CredentialIds);
    }

    [Fact]
    public async Task Cc_pair_info_pause_resume_run_once_dissociate_and_deletion()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        ConnectorCreated created = await onyx.Connectors.CreateWebAsync("site", new WebConnectorConfig { BaseUrl = "https://docs.example.com" });
        AssociationResult pair = await onyx.Connectors.AssociateCredentialAsync(created.Id, 0, "site");
        int ccPairId = pair.CcPairId!.Value;

        CcPairInfo info = await onyx.CcPairs.GetAsync(ccPairId);
        Assert.Equal(ConnectorCredentialPairStatus.Scheduled, info.Status);
        Assert.Equal(AccessType.Public, info.AccessType);
        Assert.Equal(created.Id, info.Connector!.Id);

        await onyx.CcPairs.PauseAsync(ccPairId);
        Assert.Equal(ConnectorCredentialPairStatus.Paused, (await onyx.CcPairs.GetAsync(ccPairId)).Status);
        await onyx.CcPairs.ResumeAsync(ccPairId);
        Assert.Equal(ConnectorCredentialPairStatus.Active, (await onyx.CcPairs.GetAsync(ccPairId)).Status);

        Assert.Equal(1, await onyx.Connectors.RunOnceAsync(created.Id));

        Assert.True((await onyx.Connectors.DissociateCredentialAsync(created.Id, 0)).Success);
        Assert.False((await onyx.Connectors.DissociateCredentialAsync(created.Id, 0)).Success);

        AssociationResult again = await onyx.Connectors.AssociateCredentialAsync(created.Id, 0, "site");
        await onyx.CcPairs.DeleteAsync(created.Id, 0);
        emulator.CompletePendingDeletions();
        OnyxApiException gone = await Assert.ThrowsAsync<OnyxApiException>(() => onyx.CcPairs.GetAsync(again.CcPairId!.Value));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task An_invalid_config_is_refused_before_anything_is_sent()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient onyx = TestClients.Create(emulator);
        long before = emulator.Inspect.TotalRequests;

        // ONYX1002 flags this constant at compile time; here the runtime must refuse it before sending.
#pragma warning disable ONYX1002
        OnyxValidationException ex = await Assert.ThrowsAsync<OnyxValidationException>(() =>
            onyx.Connectors.CreateJiraAsync("jira-ENG", new JiraConnectorConfig { JiraBaseUrl = "acme.atlassian.net" }));
#pragma warning restore ONYX1002

        OnyxValidationError error = Assert.Single(ex.Errors);
        Assert.Equal("/jira_base_url", error.Pointer);
        Assert.Contains("absolute URI", error.Message);
        Assert.Equal(before, emulator.Inspect.TotalRequests);
        Assert.DoesNotContain(emulator.Inspect.Connectors(), c => c.Source == "jira");
    }

    [Fact]
    public async Task Both_api_bases_work()
    {
        await using OnyxEmulator emulator = await OnyxEmulator.StartAsync();
        using OnyxClient viaApi = TestClients.Create(emulator);
        using OnyxClient direct = TestClients.Create(emulator, o => o.BaseUrl = emulator.RootUrl);

        await viaApi.Connectors.CreateJiraAsync("a", Jira("A"));
        await direct.Connectors.CreateJiraAsync("b", Jira("B"));

        Assert.Equal(2, (await direct.Connectors.ListAsync()).Count);
    }

    [Theory]
    [InlineData("http://onyx.example.com/api", false, "clear text")]
    [InlineData("https://onyx.example.com/api/manage", false, "before /manage")]
    [InlineData("http://onyx.example.com/api", true, null)]
    [InlineData("http://127.0.0.1:8080", false, null)]
    public void Options_reject_an_unsafe_or_wrong_base_url(string url, bool allowInsecure, string? problem)
    {
        var options = new OnyxClientOptions { BaseUrl = new Uri(url), ApiKey = "on_key", AllowInsecureHttp = allowInsecure };
        IReadOnlyList<string> problems = options.Validate();
        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
            Assert.Throws<ArgumentException>(() => new OnyxClient(options));
        }
    }

    [Fact]
    public void Options_reject_an_api_key_with_control_characters_without_echoing_it()
    {
        var options = new OnyxClientOptions { BaseUrl = new Uri("https://onyx.example.com/api"), ApiKey = "on_secretvalue\n" };
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new OnyxClient(options));
        Assert.Contains("control characters", ex.Message);
        Assert.DoesNotContain("secretvalue", ex.Message);
    }

    [Fact]
    public async Task Clients_can_be_substituted_in_unit_tests()
    {
        var fake = new FakeConnectors();
        var onyx = new FakeOnyx(fake);

        ConnectorCreated created = await onyx.Connectors.CreateJiraAsync("jira-ENG", Jira("ENG"));

        Assert.Equal(77, created.Id);
        Assert.Equal("jira-ENG", Assert.Single(fake.Created));
    }

    private sealed class FakeOnyx(ConnectorsClient connectors) : OnyxClient
    {
        public override ConnectorsClient Connectors => connectors;
    }

    private sealed class FakeConnectors : ConnectorsClient
    {
        public List<string> Created { get; } = [];

        public override Task<ConnectorCreated<TConfig>> CreateAsync<TConfig>(
            string name, TConfig config, TimeSpan? refreshFreq = null, TimeSpan? pruneFreq = null, AccessType accessType = AccessType.Public,
            InputType? inputType = null, DateTime? indexingStart = null, IReadOnlyList<int>? groups = null, CancellationToken cancellationToken = default)
        {
            Created.Add(name);
            return Task.FromResult(new ConnectorCreated<TConfig> { Id = 77, Name = name, Source = config.Descriptor.Source });
        }
    }
}
