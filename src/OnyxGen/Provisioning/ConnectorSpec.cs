namespace OnyxGen;

/// <summary>What a connector should look like: the desired state <see cref="ConnectorProvisioner"/> makes true.</summary>
/// <param name="Name">The connector name; with the config's source, the key a connector is found by.</param>
/// <param name="Config">The connector config (a generated type).</param>
public sealed record ConnectorSpec(string Name, IConnectorConfig Config)
{
    /// <summary>How often to index; null: never on a schedule.</summary>
    public TimeSpan? RefreshFreq { get; init; }

    /// <summary>How often to prune; null: the server's default.</summary>
    public TimeSpan? PruneFreq { get; init; }

    /// <summary>The input type; null: the schema's default.</summary>
    public InputType? InputType { get; init; }

    /// <summary>The credential to associate; null: leave associations alone.</summary>
    public int? CredentialId { get; init; }

    /// <summary>Access of the pair made on association.</summary>
    public AccessType AccessType { get; init; } = AccessType.Public;

    /// <summary>User groups of the pair made on association.</summary>
    public IReadOnlyList<int>? Groups { get; init; }

    /// <summary>The source, from the config's schema.</summary>
    public DocumentSource Source => Config.Descriptor.Source;

    /// <summary>The input type that will be sent.</summary>
    internal InputType EffectiveInputType => InputType ?? Config.Descriptor.DefaultInputType;

    /// <inheritdoc />
    public override string ToString() => $"'{Name}' ({Source})";
}

/// <summary>What provisioning did, or (in a plan) would do, to one connector.</summary>
public enum ProvisioningAction
{
    /// <summary>The connector did not exist and was (would be) created.</summary>
    Created,

    /// <summary>The connector existed with different settings and was (would be) replaced.</summary>
    Updated,

    /// <summary>The connector already matched; nothing was changed, except perhaps a missing association.</summary>
    Unchanged,

    /// <summary>Something failed; see <see cref="ProvisioningResult.Error"/>.</summary>
    Failed,
}

/// <summary>The outcome for one <see cref="ConnectorSpec"/>.</summary>
/// <param name="Spec">The spec.</param>
/// <param name="Action">What was (or would be) done to the connector.</param>
/// <param name="ConnectorId">The connector's id; null when it does not exist (a plan to create, or a failure before it existed).</param>
/// <param name="Changes">What differs between the server and the spec (property names), for updates and plans.</param>
/// <param name="Associated">True when the credential was (or would be) associated by this run.</param>
/// <param name="Error">The failure, when <paramref name="Action"/> is <see cref="ProvisioningAction.Failed"/>.</param>
public sealed record ProvisioningResult(
    ConnectorSpec Spec,
    ProvisioningAction Action,
    int? ConnectorId,
    IReadOnlyList<string> Changes,
    bool Associated,
    Exception? Error)
{
    /// <inheritdoc />
    public override string ToString() => Action == ProvisioningAction.Failed
        ? $"{Spec}: failed: {Error?.Message}"
        : $"{Spec}: {Action.ToString().ToLowerInvariant()}{(ConnectorId is int id ? $" (connector {id})" : "")}{(Changes.Count > 0 ? $" [{string.Join(", ", Changes)}]" : "")}{(Associated ? ", credential associated" : "")}";
}

/// <summary>Progress of a batch: how many items are done, and the latest result.</summary>
/// <param name="Completed">Items finished so far.</param>
/// <param name="Total">Items in the batch.</param>
/// <param name="Latest">The item just finished.</param>
public sealed record ProvisioningProgress(int Completed, int Total, ProvisioningResult Latest);

/// <summary>Batch settings.</summary>
public sealed class ProvisioningOptions
{
    /// <summary>Items in flight at once. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Compute what would change and change nothing.</summary>
    public bool DryRun { get; set; }
}
