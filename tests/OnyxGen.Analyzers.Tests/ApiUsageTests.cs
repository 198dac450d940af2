namespace OnyxGen.Analyzers.Tests;

/// <summary>ONYX2001–ONYX2005: API use, each positive and negative, with exact locations.</summary>
public class ApiUsageTests
{
    internal static readonly string[] Schemas = ["jira", "web", "s3"];

    internal static string Program(string body) => $$"""
        using System;
        using System.Threading.Tasks;
        using OnyxGen;
        using OnyxGen.Connectors;

        public static class Program
        {
            public static async Task<object?> Run(OnyxClient onyx, ConnectorsClient connectors, WebConnectorConfig web, JiraConnectorConfig jira, JiraCredential jiraCredential, TimeSpan configured, InputType someInputType)
            {
        {{body}}
            }
        }
        """;

    private static Task Verify(string body) => AnalyzerHarness.VerifyAsync(Program(body), Schemas);

    // ONYX2001 input type

    [Fact]
    public Task InputType_Positive() => Verify("""
                await connectors.CreateWebAsync("w", web, inputType: {|ONYX2001:InputType.Poll|});
                await connectors.CreateAsync("w", web, null, null, AccessType.Public, {|ONYX2001:InputType.SlimRetrieval|});
                await connectors.UpdateAsync(1, "j", jira, inputType: {|ONYX2001:InputType.LoadState|});
                return new ConnectorSpec("w", web) { InputType = {|ONYX2001:InputType.Poll|} };
        """);

    [Fact]
    public Task InputType_Negative() => Verify("""
                await connectors.CreateWebAsync("w", web, inputType: InputType.LoadState);
                await connectors.CreateJiraAsync("j", jira, inputType: InputType.Poll);
                await connectors.CreateWebAsync("w", web, inputType: someInputType);
                await connectors.CreateWebAsync("w", web, inputType: null);
                IConnectorConfig unknown = web;
                return new ConnectorSpec("w", unknown) { InputType = InputType.Poll };
        """);

    // ONYX2002 refresh frequency

    [Fact]
    public Task RefreshFrequency_Positive() => Verify("""
                await connectors.CreateWebAsync("w", web, refreshFreq: {|ONYX2002:TimeSpan.FromSeconds(30)|});
                await connectors.CreateWebAsync("w", web, {|ONYX2002:TimeSpan.FromMinutes(0.5)|});
                await connectors.CreateWebAsync("w", web, {|ONYX2002:new TimeSpan(0, 0, 59)|});
                await connectors.CreateWebAsync("w", web, {|ONYX2002:TimeSpan.Zero|});
                await connectors.CreateAsync("w", web, {|ONYX2002:TimeSpan.FromMilliseconds(59_999)|});
                var spec = new ConnectorSpec("w", web) { RefreshFreq = {|ONYX2002:TimeSpan.FromSeconds(10)|} };
                return spec with { RefreshFreq = {|ONYX2002:new TimeSpan(100_000_000)|} };
        """);

    [Fact]
    public Task RefreshFrequency_Negative() => Verify("""
                await connectors.CreateWebAsync("w", web, refreshFreq: TimeSpan.FromMinutes(1));
                await connectors.CreateWebAsync("w", web, TimeSpan.FromHours(1));
                await connectors.CreateWebAsync("w", web, new TimeSpan(0, 1, 0));
                await connectors.CreateWebAsync("w", web, configured);
                await connectors.CreateWebAsync("w", web, null);
                return new ConnectorSpec("w", web) { RefreshFreq = TimeSpan.FromSeconds(60) };
        """);

    // ONYX2003 prune frequency

    [Fact]
    public Task PruneFrequency_Positive() => Verify("""
                await connectors.CreateWebAsync("w", web, pruneFreq: {|ONYX2003:TimeSpan.FromMinutes(1)|});
                await connectors.CreateJiraAsync("j", jira, TimeSpan.FromHours(1), {|ONYX2003:TimeSpan.FromSeconds(299)|});
                return new ConnectorSpec("w", web) { PruneFreq = {|ONYX2003:TimeSpan.FromMinutes(4)|} };
        """);

    [Fact]
    public Task PruneFrequency_Negative() => Verify("""
                await connectors.CreateWebAsync("w", web, pruneFreq: TimeSpan.FromMinutes(5));
                await connectors.CreateJiraAsync("j", jira, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
                return new ConnectorSpec("w", web) { PruneFreq = configured };
        """);

    // ONYX2004 AccessType.Sync without permission sync

    [Fact]
    public Task PermissionSync_Positive() => Verify("""
                var created = await connectors.CreateWebAsync("w", web, accessType: {|ONYX2004:AccessType.Sync|});
                await connectors.AssociateCredentialAsync(created.Id, 0, "w", {|ONYX2004:AccessType.Sync|});
                await onyx.Connectors.AssociateCredentialAsync((await onyx.Connectors.CreateWebAsync("w2", web)).Id, 0, "w2", accessType: {|ONYX2004:AccessType.Sync|});
                var credential = await onyx.Credentials.CreateWebAsync("w", new WebCredential());
                await connectors.AssociateCredentialAsync(created, credential, accessType: {|ONYX2004:AccessType.Sync|});
                return new ConnectorSpec("w", new WebConnectorConfig { BaseUrl = "https://docs.example.com" }) { AccessType = {|ONYX2004:AccessType.Sync|} };
        """);

    [Fact]
    public Task PermissionSync_Negative() => Verify("""
                var created = await connectors.CreateJiraAsync("j", jira, accessType: AccessType.Sync);
                await connectors.AssociateCredentialAsync(created.Id, 1, "j", AccessType.Sync);
                var site = await connectors.CreateWebAsync("w", web, accessType: AccessType.Public);
                await connectors.AssociateCredentialAsync(site.Id, 0, "w", AccessType.Private);
                Connector? found = await connectors.FindAsync("w", DocumentSource.Web);
                await connectors.AssociateCredentialAsync(found!.Id, 0, "w", AccessType.Sync);
                return new ConnectorSpec("j", jira) { AccessType = AccessType.Sync };
        """);

    // ONYX2005 credential of another source

    [Fact]
    public Task CredentialSource_Positive() => Verify("""
                var credential = await onyx.Credentials.CreateJiraAsync("jira", jiraCredential);
                var site = await onyx.Connectors.CreateWebAsync("w", web);
                await onyx.Connectors.AssociateCredentialAsync(site.Id, {|ONYX2005:credential.Id|}, "w");
                var s3 = await onyx.Credentials.CreateAsync("s3", new S3Credential { AwsRoleArn = "arn:aws:iam::123456789012:role/onyx" });
                await onyx.Connectors.AssociateCredentialAsync(site.Id, {|ONYX2005:s3.Id|}, "w");
                return null;
        """);

    [Fact]
    public Task CredentialSource_Negative() => Verify("""
                var credential = await onyx.Credentials.CreateJiraAsync("jira", jiraCredential);
                var created = await onyx.Connectors.CreateJiraAsync("j", jira);
                await onyx.Connectors.AssociateCredentialAsync(created.Id, credential.Id, "j");
                await onyx.Connectors.AssociateCredentialAsync(created, credential, accessType: AccessType.Sync);
                Credential reused = await onyx.Credentials.CreateJiraAsync("jira", jiraCredential);
                reused = await onyx.Credentials.GetAsync(7);
                var site = await onyx.Connectors.CreateWebAsync("w", web);
                await onyx.Connectors.AssociateCredentialAsync(site.Id, reused.Id, "w");
                await onyx.Connectors.AssociateCredentialAsync(site.Id, 0, "w");
                return null;
        """);
}
