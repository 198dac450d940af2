using System.Text.Json;
using Microsoft.Extensions.Logging;
using OnyxGen.Provisioning;
using OnyxGen.Serialization;

namespace OnyxGen;

/// <summary>
/// Makes connectors match their <see cref="ConnectorSpec"/>s: finds each by (name, source), creates it when missing,
/// replaces it when its settings differ, leaves it alone otherwise, then makes sure the credential is associated.
/// Every step is safe to repeat, so a run that was interrupted is finished by running it again, with no duplicates.
/// </summary>
public class ConnectorProvisioner
{
    private readonly ConnectorsClient _connectors;
    private readonly ILogger _logger;

    internal ConnectorProvisioner(ConnectorsClient connectors, ILogger logger)
    {
        _connectors = connectors;
        _logger = logger;
    }

    /// <summary>For test doubles only.</summary>
    protected ConnectorProvisioner()
    {
        _connectors = null!;
        _logger = null!;
    }

    /// <summary>Makes one connector match its spec.</summary>
    /// <param name="spec">The desired connector.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was done. Failures throw here (the batch API turns them into results).</returns>
    public virtual async Task<ProvisioningResult> EnsureConnectorAsync(ConnectorSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Connector? existing = await _connectors.FindAsync(spec.Name, spec.Source, cancellationToken).ConfigureAwait(false);
        return await EnsureAsync(spec, existing, dryRun: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Computes what <see cref="EnsureConnectorAsync"/> would do for each spec, changing nothing (a dry run).</summary>
    /// <param name="specs">The desired connectors.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<IReadOnlyList<ProvisioningResult>> PlanAsync(IEnumerable<ConnectorSpec> specs, CancellationToken cancellationToken = default)
        => ProvisionAsync(specs, new ProvisioningOptions { DryRun = true, MaxConcurrency = 1 }, null, cancellationToken);

    /// <summary>
    /// Provisions many connectors with bounded concurrency. One failure never stops the batch: each item gets its own result.
    /// Cancellation stops promptly; running the same batch again finishes what is left.
    /// </summary>
    /// <param name="specs">The desired connectors. Names must be unique per source.</param>
    /// <param name="options">Concurrency and dry run.</param>
    /// <param name="progress">Receives a report after each item.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One result per spec, in the order given.</returns>
    /// <exception cref="ArgumentException">Two specs share a (name, source).</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    public virtual async Task<IReadOnlyList<ProvisioningResult>> ProvisionAsync(
        IEnumerable<ConnectorSpec> specs,
        ProvisioningOptions? options = null,
        IProgress<ProvisioningProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specs);
        options ??= new ProvisioningOptions();
        ConnectorSpec[] items = specs.ToArray();
        var duplicate = items.GroupBy(s => (s.Name, s.Source)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two specs are named '{duplicate.Key.Name}' for source {duplicate.Key.Source}; Onyx allows one.", nameof(specs));
        }

        // One list up front instead of one lookup per item: provisioning 1,000 connectors costs 1,000 lookups otherwise.
        IReadOnlyList<Connector> current = await _connectors.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var byKey = new Dictionary<(string, DocumentSource), Connector>();
        foreach (Connector connector in current)
        {
            byKey.TryAdd((connector.Name, connector.Source), connector);
        }

        var results = new ProvisioningResult[items.Length];
        int completed = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                ConnectorSpec spec = items[index];
                ProvisioningResult result;
                try
                {
                    byKey.TryGetValue((spec.Name, spec.Source), out Connector? existing);
                    result = await EnsureAsync(spec, existing, options.DryRun, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    result = new ProvisioningResult(spec, ProvisioningAction.Failed, null, [], false, ex);
                    ProvisioningLog.ItemFailed(_logger, spec.Name, spec.Source.Value, ex.GetType().Name);
                }

                results[index] = result;
                progress?.Report(new ProvisioningProgress(Interlocked.Increment(ref completed), items.Length, result));
            }).ConfigureAwait(false);

        return results;
    }

    private async Task<ProvisioningResult> EnsureAsync(ConnectorSpec spec, Connector? existing, bool dryRun, CancellationToken cancellationToken)
    {
        if (existing is null)
        {
            if (dryRun)
            {
                return new ProvisioningResult(spec, ProvisioningAction.Created, null, [], spec.CredentialId is not null, null);
            }

            ConnectorCreated created = await _connectors.CreateAsync(
                spec.Name, spec.Config, spec.RefreshFreq, spec.PruneFreq, spec.AccessType, spec.InputType, null, spec.Groups, cancellationToken).ConfigureAwait(false);
            if (created.Existed)
            {
                // An uncertain earlier attempt had created it: treat it as existing (it may still differ, or lack its pair).
                Connector found = await _connectors.GetAsync(created.Id, cancellationToken).ConfigureAwait(false);
                ProvisioningResult settled = await EnsureAsync(spec, found, dryRun, cancellationToken).ConfigureAwait(false);
                return settled with { Action = ProvisioningAction.Created };
            }

            bool associated = await AssociateAsync(spec, created.Id, [], cancellationToken).ConfigureAwait(false);
            return new ProvisioningResult(spec, ProvisioningAction.Created, created.Id, [], associated, null);
        }

        IReadOnlyList<string> changes = Differences(existing, spec);
        bool needsAssociation = spec.CredentialId is int credentialId && !existing.CredentialIds.Contains(credentialId);
        if (dryRun)
        {
            return new ProvisioningResult(spec, changes.Count > 0 ? ProvisioningAction.Updated : ProvisioningAction.Unchanged, existing.Id, changes, needsAssociation, null);
        }

        if (changes.Count > 0)
        {
            await _connectors.UpdateAsync(existing.Id, spec.Name, spec.Config, spec.RefreshFreq, spec.PruneFreq, spec.AccessType, spec.InputType, cancellationToken).ConfigureAwait(false);
        }

        bool didAssociate = needsAssociation && await AssociateAsync(spec, existing.Id, existing.CredentialIds, cancellationToken).ConfigureAwait(false);
        return new ProvisioningResult(spec, changes.Count > 0 ? ProvisioningAction.Updated : ProvisioningAction.Unchanged, existing.Id, changes, didAssociate, null);
    }

    private async Task<bool> AssociateAsync(ConnectorSpec spec, int connectorId, IReadOnlyList<int> pairedCredentials, CancellationToken cancellationToken)
    {
        if (spec.CredentialId is not int credentialId || pairedCredentials.Contains(credentialId))
        {
            return false;
        }

        AssociationResult result = await _connectors.AssociateCredentialAsync(connectorId, credentialId, spec.Name, spec.AccessType, spec.Groups, cancellationToken).ConfigureAwait(false);
        return !result.AlreadyAssociated;
    }

    /// <summary>The settings that differ between the server's connector and the spec (what a PATCH would change).</summary>
    internal static IReadOnlyList<string> Differences(Connector existing, ConnectorSpec spec)
    {
        var changes = new List<string>();
        using JsonDocument desired = JsonDocument.Parse(RequestWriter.Write(spec.Config, static (w, c) => c.WriteJson(w)));
        foreach (string key in ConfigDifferences.DifferentKeys(existing.ConnectorSpecificConfig, desired.RootElement))
        {
            changes.Add("connector_specific_config." + key);
        }

        if (existing.InputType != spec.EffectiveInputType)
        {
            changes.Add("input_type");
        }

        if (existing.RefreshFreq != Seconds(spec.RefreshFreq))
        {
            changes.Add("refresh_freq");
        }

        // The server turns a null prune_freq into 7 days on update; null in the spec means "whatever the server uses".
        if (spec.PruneFreq is not null && existing.PruneFreq != Seconds(spec.PruneFreq))
        {
            changes.Add("prune_freq");
        }

        return changes;
    }

    private static int? Seconds(TimeSpan? value) => value is TimeSpan span ? (int)span.TotalSeconds : null;
}

internal static partial class ProvisioningLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Provisioning connector '{Name}' ({Source}) failed: {ErrorType}")]
    public static partial void ItemFailed(ILogger logger, string name, string source, string errorType);
}
