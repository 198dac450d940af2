using OnyxGen;
using OnyxGen.Connectors;

namespace JiraProjects;

/// <summary>
/// The public "Create Connectors" guide's script, on generated types: one Jira connector per project, the server's Jira
/// credential found (or created), and associated with each connector.
/// </summary>
public static class JiraProjectsFlow
{
    public static readonly string[] ProjectsToIndex = ["TECH", "SALES", "OPS"];

    /// <summary>Runs the flow and returns the connectors and associations it made.</summary>
    public static async Task<FlowResult> RunAsync(OnyxClient onyx, JiraSettings jira, TextWriter output, CancellationToken cancellationToken = default)
    {
        output.WriteLine("Creating connectors...");
        var connectorIds = new List<int>();
        foreach (string projectKey in ProjectsToIndex)
        {
            string name = $"jira-{projectKey}";

            // Onyx has no upsert and refuses a second (name, source): re-running the sample reuses what the first run made.
            Connector? existing = await onyx.Connectors.FindAsync(name, DocumentSource.Jira, cancellationToken);
            if (existing is not null)
            {
                output.WriteLine($"Connector for project {projectKey} already exists: ID {existing.Id}");
                connectorIds.Add(existing.Id);
                continue;
            }

            ConnectorCreated created = await onyx.Connectors.CreateJiraAsync(
                name: name,
                config: new JiraConnectorConfig
                {
                    JiraBaseUrl = jira.BaseUrl,
                    ProjectKey = projectKey,
                    CommentEmailBlacklist = ["legal@company.com"],
                },
                refreshFreq: TimeSpan.FromHours(1),
                pruneFreq: TimeSpan.FromDays(1),
                cancellationToken: cancellationToken);
            output.WriteLine($"Created connector for project {projectKey}: ID {created.Id}");
            connectorIds.Add(created.Id);
        }

        output.WriteLine();
        output.WriteLine("Finding the Jira credential...");
        Credential? credential = (await onyx.Credentials.ListAsync(DocumentSource.Jira, cancellationToken)).FirstOrDefault();
        if (credential is null)
        {
            if (jira.ApiToken is null)
            {
                throw new InvalidOperationException("The server has no Jira credential. Set JIRA_API_TOKEN (and JIRA_USER_EMAIL for Jira Cloud) to create one.");
            }

            credential = await onyx.Credentials.CreateJiraAsync(
                "jira",
                new JiraCredential { JiraApiToken = jira.ApiToken.Value, JiraUserEmail = jira.UserEmail },
                cancellationToken: cancellationToken);
            output.WriteLine($"Created Jira credential: ID {credential.Id}");
        }
        else
        {
            output.WriteLine($"Found Jira credential: ID {credential.Id}");
        }

        output.WriteLine();
        output.WriteLine("Associating the credential with the connectors...");
        var associations = new List<AssociationResult>();
        for (int i = 0; i < connectorIds.Count; i++)
        {
            AssociationResult association = await onyx.Connectors.AssociateCredentialAsync(
                connectorIds[i], credential.Id, name: $"jira-{ProjectsToIndex[i]}", accessType: AccessType.Public, cancellationToken: cancellationToken);
            output.WriteLine(association.AlreadyAssociated
                ? $"Connector {connectorIds[i]} already had credential {credential.Id}"
                : $"Associated credential {credential.Id} with connector {connectorIds[i]} (cc-pair {association.CcPairId})");
            associations.Add(association);
        }

        output.WriteLine();
        output.WriteLine($"Completed! Connector IDs: [{string.Join(", ", connectorIds)}]");
        return new FlowResult(connectorIds, credential.Id, associations);
    }
}

/// <summary>Where the Jira data lives and, when the server has no Jira credential yet, how to make one.</summary>
public sealed record JiraSettings(string BaseUrl, OnyxSecret? ApiToken, string? UserEmail);

/// <summary>What the flow did.</summary>
public sealed record FlowResult(IReadOnlyList<int> ConnectorIds, int CredentialId, IReadOnlyList<AssociationResult> Associations);
