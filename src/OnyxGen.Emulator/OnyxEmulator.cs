using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OnyxGen.Emulator.Faults;
using OnyxGen.Emulator.Routes;
using OnyxGen.Emulator.Schemas;
using OnyxGen.Emulator.Store;
using OnyxGen.Emulator.Validation;

namespace OnyxGen.Emulator;

/// <summary>
/// A local, in-memory, Onyx-compatible connector admin API (see docs/emulator.md). Start one per test with
/// <see cref="StartAsync"/>, point a client at <see cref="BaseUrl"/> with <see cref="ApiKey"/>, and dispose it.
/// </summary>
public sealed class OnyxEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorContext _context;
    private int _disposed;

    private OnyxEmulator(WebApplication app, EmulatorContext context, Uri rootUrl, string apiKey)
    {
        _app = app;
        _context = context;
        RootUrl = rootUrl;
        BaseUrl = new Uri(rootUrl.GetLeftPart(UriPartial.Authority) + "/api");
        ApiKey = apiKey;
        Inspect = new EmulatorInspector(context);
    }

    /// <summary>The API base clients use, e.g. <c>http://127.0.0.1:54321/api</c> (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The same server without <c>/api</c>; routes are served under both <c>/manage</c> and <c>/api/manage</c>.</summary>
    public Uri RootUrl { get; }

    /// <summary>An admin API key.</summary>
    public string ApiKey { get; }

    /// <summary>Fault injection; changes apply to the next request.</summary>
    public EmulatorFaults Faults => _context.Faults;

    /// <summary>Read-only snapshots of state and counters for tests.</summary>
    public EmulatorInspector Inspect { get; }

    /// <summary>Connector sources for which a catalog schema was loaded.</summary>
    public IReadOnlyCollection<string> SchemaSources => _context.Schemas.Sources;

    /// <summary>Catalog files that could not be read (they are skipped).</summary>
    public IReadOnlyList<string> SchemaLoadErrors => _context.Schemas.LoadErrors;

    /// <summary>Starts an emulator and returns once it accepts connections.</summary>
    /// <param name="options">Settings; null uses the defaults (random port on 127.0.0.1, random admin key).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<OnyxEmulator> StartAsync(OnyxEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OnyxEmulatorOptions();
        var adminKey = options.AdminApiKey ?? NewKey();
        if (!adminKey.StartsWith("on_", StringComparison.Ordinal) && !adminKey.StartsWith("dn_", StringComparison.Ordinal))
            throw new ArgumentException("An Onyx API key starts with 'on_' or 'dn_'.", nameof(options));

        var schemas = ConnectorSchemaTable.Load(options.ExtraSchemaDirectory);
        var faults = new EmulatorFaults();
        if (options.Faults is not null) faults.CopyFrom(options.Faults);
        var rejections = options.ExternalRejections is null
            ? ConnectorValidator.DefaultRejections
            : new Dictionary<string, string>(options.ExternalRejections, StringComparer.Ordinal);
        var context = new EmulatorContext
        {
            Store = new EmulatorStore(),
            Stats = new EmulatorStats(),
            Faults = faults,
            Schemas = schemas,
            Validator = new ConnectorValidator(schemas, rejections),
            MaskCredentials = options.MaskCredentials,
            IntegrationTestsMode = options.IntegrationTestsMode,
            DeferDeletions = options.DeferDeletions,
            DisableVectorDb = options.DisableVectorDb,
        };
        AddKey(context.Store, adminKey, EmulatorKeyRole.Admin, "emulator-admin");

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OnyxEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        if (options.LoggerProvider is not null) builder.Logging.AddProvider(options.LoggerProvider);
        else if (!options.Quiet) builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Information);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.UseUrls(options.Urls);

        var app = builder.Build();
        app.UseFaultInjection(context);
        app.UsePathBase("/api");
        app.UseRouting(); // explicitly after UsePathBase, so /api/manage/... matches the /manage routes
        app.UseOnyxRouteMisses();
        RoutePipeline.Map(app, context, ConnectorRoutes.All().Concat(CredentialRoutes.All()).Concat(CcPairRoutes.All()));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync(); // e.g. the port is taken: release what was built
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Kestrel reports the wildcard or the bound host; clients need a concrete loopback URL.
        var root = new Uri(address.Replace("//[::]", "//127.0.0.1").Replace("//0.0.0.0", "//127.0.0.1").Replace("//+", "//127.0.0.1").Replace("//*", "//127.0.0.1"));
        return new OnyxEmulator(app, context, new Uri(root.GetLeftPart(UriPartial.Authority)), adminKey);
    }

    /// <summary>Creates another API key; the key's service account is also the owner of what it creates.</summary>
    /// <param name="role">What the key may do.</param>
    /// <param name="name">The key's name, which appears in the owner email <c>API_KEY__{name}@{uuid}onyxapikey.ai</c>.</param>
    public string CreateApiKey(EmulatorKeyRole role, string name = "emulator-key")
    {
        var key = NewKey();
        AddKey(_context.Store, key, role, name);
        return key;
    }

    /// <summary>Test hook (onyx-api.md §7.2): moves a pair to another status and sets its document count.</summary>
    /// <param name="ccPairId">The pair.</param>
    /// <param name="status">A ConnectorCredentialPairStatus wire value, e.g. <c>ACTIVE</c>.</param>
    /// <param name="numDocsIndexed">The count cc-pair info reports; null leaves it unchanged.</param>
    /// <returns>False when no such pair exists.</returns>
    public bool SetCcPairState(long ccPairId, string status, long? numDocsIndexed = null)
    {
        if (!EnumSpec.CcPairStatus.Contains(status)) throw new ArgumentException($"Unknown cc-pair status '{status}'.", nameof(status));
        using (_context.Store.Sync.EnterScope())
        {
            if (!_context.Store.CcPairs.TryGetValue(ccPairId, out var pair)) return false;
            pair.Status = status;
            if (numDocsIndexed is { } count) pair.NumDocsIndexed = count;
            return true;
        }
    }

    /// <summary>
    /// Runs the background deletion for pairs left in <c>DELETING</c> when <see cref="OnyxEmulatorOptions.DeferDeletions"/>
    /// is on: removes each pair, then its connector if no pairs remain. Credentials are kept.
    /// </summary>
    /// <returns>How many pairs were removed.</returns>
    public int CompletePendingDeletions()
    {
        using (_context.Store.Sync.EnterScope())
        {
            var pending = _context.Store.CcPairs.Values.Where(p => p.DeletionRequested).ToList();
            foreach (var pair in pending) _context.Store.CompleteDeletion(pair);
            return pending.Count;
        }
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C or SIGTERM); used by the command line.</summary>
    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops the server and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await _app.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    private static void AddKey(EmulatorStore store, string key, EmulatorKeyRole role, string name)
    {
        using (store.Sync.EnterScope())
            store.Keys[key] = new ApiKeyRecord { Key = key, Name = name, Role = role, UserId = Guid.NewGuid() };
    }

    /// <summary><c>on_</c> + URL-safe random characters, the shape of a real single-tenant key.</summary>
    private static string NewKey()
    {
        var bytes = RandomNumberGenerator.GetBytes(36);
        return "on_" + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }
}
