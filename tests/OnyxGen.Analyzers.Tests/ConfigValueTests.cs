namespace OnyxGen.Analyzers.Tests;

/// <summary>ONYX1001–ONYX1009: constants for generated properties, each positive and negative, with exact locations.</summary>
public class ConfigValueTests
{
    internal const string Mock = "mock_connector.schema.json";

    internal static string Program(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using OnyxGen;
        using OnyxGen.Connectors;

        public static class Program
        {
            public static object Run(MockConnectorConnectorConfig existing, MockConnectorCredential credential, string input, IReadOnlyList<string> more)
            {
        {{body}}
            }
        }
        """;

    private static Task Verify(string body, params string[] schemas) => AnalyzerHarness.VerifyAsync(Program(body), schemas.Length == 0 ? [Mock] : schemas);

    // ONYX1001 pattern

    [Fact]
    public Task Pattern_InInitializer() => Verify("""
                return new MockConnectorConnectorConfig { BaseUrl = "https://x.example.com", ProjectKey = {|ONYX1001:"proj"|} };
        """);

    [Fact]
    public Task Pattern_InSimpleAssignment() => Verify("""
                existing.ProjectKey = {|ONYX1001:"pr-oj"|};
                return existing;
        """);

    [Fact]
    public Task Pattern_OfItems() => Verify("""
                existing.Codes = ["abc", {|ONYX1001:"ABC"|}, input];
                return existing;
        """);

    [Fact]
    public Task Pattern_Negative() => Verify("""
                existing.ProjectKey = "PROJ";
                existing.ProjectKey = input;
                existing.Codes = ["abc", "xyz", input];
                return new MockConnectorConnectorConfig { BaseUrl = "https://x.example.com", ProjectKey = "P2" };
        """);

    // ONYX1002 format

    [Fact]
    public Task Format_UriWithoutScheme() => Verify("""
                return new MockConnectorConnectorConfig { BaseUrl = {|ONYX1002:"x.example.com"|} };
        """);

    [Fact]
    public Task Format_JiraBaseUrlWithoutSchemeAndBadEmail() => Verify("""
                var config = new JiraConnectorConfig { JiraBaseUrl = {|ONYX1002:"your-domain.atlassian.net"|}, CommentEmailBlacklist = ["legal@company.com"] };
                var jira = new JiraCredential { JiraApiToken = input, JiraUserEmail = {|ONYX1002:"legal@"|} };
                return (config, jira);
        """, Mock, "jira");

    [Fact]
    public Task Format_EveryFormat() => Verify("""
                return new MockConnectorConnectorConfig
                {
                    BaseUrl = "https://x.example.com",
                    OwnerEmail = {|ONYX1002:"owner at example.com"|},
                    Day = {|ONYX1002:"2024-13-01"|},
                    Host = {|ONYX1002:"-bad-.example.com"|},
                    Address = {|ONYX1002:"10.0.0"|},
                    Address6 = {|ONYX1002:"10.0.0.1"|},
                };
        """);

    [Fact]
    public Task Format_OfItemsAndNestedObjects() => Verify("""
                existing.Watchers = new[] { "ops@example.com", {|ONYX1002:"legal@"|} };
                existing.Rewrites = [new MockConnectorConnectorConfig.RewritesItem { Source = "a", Target = {|ONYX1002:"example.com/b"|} }];
                return existing;
        """);

    [Fact]
    public Task Format_Negative() => Verify("""
                existing.Watchers = new List<string> { "ops@example.com", input };
                existing.Rewrites = [new MockConnectorConnectorConfig.RewritesItem { Source = "a", Target = "https://example.com/b" }];
                return new MockConnectorConnectorConfig
                {
                    BaseUrl = "https://x.example.com",
                    OwnerEmail = "owner@example.com",
                    Day = "2024-02-29",
                    Host = "jira.example.com",
                    Address = "10.0.0.1",
                    Address6 = "::1",
                };
        """);

    // ONYX1003 allowed integer values

    [Fact]
    public Task AllowedValues_Positive() => Verify("""
                existing.Level = {|ONYX1003:5|};
                return existing;
        """);

    [Fact]
    public Task AllowedValues_Negative() => Verify("""
                existing.Level = -6;
                existing.Level = 0;
                existing.Level = null;
                existing.Mode = MockConnectorConnectorConfig.ModeValue.Incremental;
                return existing;
        """);

    // ONYX1004 string length

    [Fact]
    public Task Length_Positive() => Verify("""
                existing.ProjectKey = {|ONYX1001:{|ONYX1004:"A"|}|};
                existing.ProjectKey = {|ONYX1004:"ABCDEFGHIJK"|};
                existing.Labels = ["ok", {|ONYX1004:""|}, {|ONYX1004:"too-long-label"|}];
                return existing;
        """);

    [Fact]
    public Task Length_Negative() => Verify("""
                existing.ProjectKey = "ABCDEFGHIJ";
                existing.Labels = ["a", "12345678"];
                return existing;
        """);

    // ONYX1005 numeric range

    [Fact]
    public Task Range_Positive() => Verify("""
                existing.PageSize = {|ONYX1005:0|};
                existing.PageSize = {|ONYX1005:1001|};
                existing.PageSize = {|ONYX1005:-1|};
                existing.Ratio = {|ONYX1005:0|};
                existing.Ratio = {|ONYX1005:1.0|};
                return existing;
        """);

    [Fact]
    public Task Range_Negative() => Verify("""
                existing.PageSize = 1;
                existing.PageSize = 1000;
                existing.Ratio = 0.5;
                existing.Ratio = double.Epsilon;
                return existing;
        """);

    // ONYX1006 item count

    [Fact]
    public Task ItemCount_Positive() => Verify("""
                existing.Labels = {|ONYX1006:[]|};
                existing.Labels = {|ONYX1006:["a", "b", "c", "d"]|};
                existing.Labels = {|ONYX1006:new string[] { "a", "b", "c", input }|};
                return existing;
        """);

    [Fact]
    public Task ItemCount_Negative() => Verify("""
                existing.Labels = ["a"];
                existing.Labels = new[] { "a", "b", "c" };
                existing.Labels = [.. more];
                existing.Labels = more;
                return existing;
        """);

    // ONYX1007 unique items

    [Fact]
    public Task UniqueItems_Positive() => Verify("""
                existing.Labels = ["a", {|ONYX1007:"a"|}];
                existing.Weights = new List<long> { 1, 2, {|ONYX1007:1|} };
                return existing;
        """);

    [Fact]
    public Task UniqueItems_Negative() => Verify("""
                existing.Labels = ["a", "A", input];
                existing.Weights = [1, 2, 3];
                existing.Codes = ["a", "a"];
                return existing;
        """);

    // ONYX1008 hard-coded secrets

    [Fact]
    public Task Secret_Positive() => Verify("""
                credential.Password = {|ONYX1008:"hunter2"|};
                existing.WebhookSecret = new OnyxSecret({|ONYX1008:"s3cr3t"|});
                return new MockConnectorCredential { ApiToken = {|ONYX1008:"tok_live_123"|} };
        """);

    [Fact]
    public Task Secret_CatalogCredential() => Verify("""
                return new JiraCredential { JiraApiToken = {|ONYX1008:"ATATT3xFfGF0"|}, JiraUserEmail = "ops@example.com" };
        """, Mock, "jira");

    [Fact]
    public Task Secret_Negative() => Verify("""
                credential.Password = Environment.GetEnvironmentVariable("PASSWORD") ?? throw new InvalidOperationException("PASSWORD");
                credential.Username = "svc-indexer";
                existing.WebhookSecret = new OnyxSecret(input);
                existing.WebhookSecret = "";
                return new MockConnectorCredential { ApiToken = input };
        """);

    // ONYX1009 both branches of a oneOf

    [Fact]
    public Task AuthenticationModes_Positive() => Verify("""
                return new MockConnectorCredential { ApiToken = input, {|ONYX1009:Username = "svc"|}, Password = input };
        """);

    [Fact]
    public Task AuthenticationModes_CatalogS3() => Verify("""
                return new S3Credential
                {
                    AwsAccessKeyId = "AKIAEXAMPLE",
                    AwsSecretAccessKey = input,
                    {|ONYX1009:AuthenticationMethod = S3ConnectorConfig.AuthenticationMethodValue.IamRole|},
                    AwsRoleArn = "arn:aws:iam::123456789012:role/onyx",
                };
        """, Mock, "s3");

    [Fact]
    public Task AuthenticationModes_Negative() => Verify("""
                var basic = new MockConnectorCredential { Username = "svc", Password = input, Region = "eu" };
                var token = new MockConnectorCredential { ApiToken = input, Username = "svc" };
                var cleared = new MockConnectorCredential { ApiToken = input, Username = null, Password = null };
                var iam = new S3Credential { AuthenticationMethod = S3ConnectorConfig.AuthenticationMethodValue.IamRole, AwsRoleArn = "arn:aws:iam::123456789012:role/onyx" };
                return (basic, token, cleared, iam);
        """, Mock, "s3");
}
