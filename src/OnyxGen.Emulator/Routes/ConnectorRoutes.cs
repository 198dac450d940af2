using System.Text.Json.Nodes;
using OnyxGen.Emulator.Auth;
using OnyxGen.Emulator.Errors;
using OnyxGen.Emulator.Store;

namespace OnyxGen.Emulator.Routes;

/// <summary>The connector router: onyx-api.md §5.1–5.6, §5.15 and <c>GET /manage/admin/connector/status</c>.</summary>
internal static class ConnectorRoutes
{
    private const string File = "/app/onyx/server/documents/connector.py";

    public static IEnumerable<RouteSpec> All() =>
    [
        new() { Method = "POST", Template = "/manage/admin/connector", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "create_connector_from_model", SourceFile = File, OnConnectorRouter = true, Handler = Create },
        new() { Method = "PATCH", Template = "/manage/admin/connector/{connector_id}", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "update_connector_from_model", SourceFile = File, OnConnectorRouter = true, Handler = Update },
        new() { Method = "DELETE", Template = "/manage/admin/connector/{connector_id}", Permission = Permission.ManageConnectors,
            FunctionName = "delete_connector_by_id", SourceFile = File, OnConnectorRouter = true, Handler = Delete },
        new() { Method = "GET", Template = "/manage/connector/{connector_id}", Permission = Permission.ReadConnectors,
            FunctionName = "get_connector_by_id", SourceFile = File, OnConnectorRouter = true, Handler = Get },
        new() { Method = "GET", Template = "/manage/admin/connector", Permission = Permission.ManageConnectors,
            FunctionName = "get_connectors_by_credential", SourceFile = File, OnConnectorRouter = true, Handler = ListAdmin },
        new() { Method = "GET", Template = "/manage/connector", Permission = Permission.ReadConnectors,
            FunctionName = "get_connectors", SourceFile = File, OnConnectorRouter = true, Handler = List },
        new() { Method = "POST", Template = "/manage/admin/connector-with-mock-credential", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "create_connector_with_mock_credential", SourceFile = File, OnConnectorRouter = true, Handler = CreateWithMockCredential },
        new() { Method = "POST", Template = "/manage/admin/connector/run-once", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "connector_run_once", SourceFile = File, OnConnectorRouter = true, Handler = RunOnce },
        new() { Method = "GET", Template = "/manage/admin/connector/status", Permission = Permission.ManageConnectors,
            FunctionName = "get_connector_status", SourceFile = File, Handler = Status },
    ];

    private static JsonObject Snapshot(EmulatorStore store, ConnectorRecord connector) =>
        ResponseShapes.Connector(connector, store.CredentialIdsOf(connector.Id));

    // Shared by create and create-with-mock-credential: validate the body, refuse a duplicate (name, source), add.
    private static (ConnectorRequest Body, ConnectorRecord Connector) AddConnector(ApiRequest request)
    {
        var body = ConnectorRequest.Read(request);
        request.Validation.ThrowIfAny();
        var store = request.Store;
        if (store.Connectors.Values.Any(c => c.Name == body.Name && c.Source == body.Source))
            throw OnyxErrors.DuplicateConnectorName();
        return (body, store.AddConnector(body.Name, body.Source, body.InputType, body.Config, body.RefreshFreq, body.PruneFreq, body.IndexingStart));
    }

    // §5.1: unique on exact (name, source); access_type required but ignored; config stored verbatim.
    private static ApiResult Create(ApiRequest request)
    {
        var (body, connector) = AddConnector(request);
        var store = request.Store;
        return ApiResult.Commit(new JsonObject { ["id"] = connector.Id, ["credential"] = null });
    }

    // §5.2: a full replace despite PATCH. prune_freq null → 604800; indexing_start kept; duplicate check only on rename.
    private static ApiResult Update(ApiRequest request)
    {
        var id = request.PathId("connector_id");
        var body = ConnectorRequest.Read(request);
        request.Validation.ThrowIfAny();
        var store = request.Store;
        if (!store.Connectors.TryGetValue(id, out var connector))
            throw OnyxErrors.Onyx(404, OnyxErrors.ConnectorNotFound, $"Connector {id} does not exist");
        if (body.Name != connector.Name
            && store.Connectors.Values.Any(c => c.Id != id && c.Name == body.Name && c.Source == body.Source))
            throw OnyxErrors.ValueError("Connector by this name already exists, duplicate naming not allowed.");
        connector.Name = body.Name;
        connector.Source = body.Source;
        connector.InputType = body.InputType;
        connector.Config = body.Config;
        connector.RefreshFreq = body.RefreshFreq;
        connector.PruneFreq = body.PruneFreq ?? 604800;
        connector.TimeUpdated = EmulatorStore.Now();
        return ApiResult.Commit(Snapshot(store, connector));
    }

    // §5.3: idempotent; cascades the connector's pairs.
    private static ApiResult Delete(ApiRequest request)
    {
        var id = request.PathId("connector_id");
        request.Validation.ThrowIfAny();
        if (!request.Store.Connectors.ContainsKey(id))
            return ApiResult.Ok(ResponseShapes.Status(true, "Connector was already deleted", id));
        request.Store.DeleteConnectorCascade(id);
        return ApiResult.Commit(ResponseShapes.Status(true, "Connector deleted successfully", id));
    }

    // §5.4: connector 0 is fetchable here.
    private static ApiResult Get(ApiRequest request)
    {
        var id = request.PathId("connector_id");
        request.Validation.ThrowIfAny();
        if (!request.Store.Connectors.TryGetValue(id, out var connector))
            throw OnyxErrors.Http(404, $"Connector {id} does not exist");
        return ApiResult.Ok(Snapshot(request.Store, connector));
    }

    // §5.5: ingestion_api connectors are hidden; ascending id.
    private static ApiResult ListAdmin(ApiRequest request)
    {
        var credential = request.Validation.QueryInt("credential", request.Query("credential"));
        request.Validation.ThrowIfAny();
        var store = request.Store;
        var connectors = store.Connectors.Values.Where(c => c.Source != "ingestion_api");
        if (credential is { } credentialId)
            connectors = connectors.Where(c => store.FindPair(c.Id, credentialId) is not null);
        return ApiResult.Ok(new JsonArray(connectors.Select(c => (JsonNode)Snapshot(store, c)).ToArray()));
    }

    private static ApiResult List(ApiRequest request)
    {
        var store = request.Store;
        var connectors = store.Connectors.Values.Where(c => c.Source != "ingestion_api");
        return ApiResult.Ok(new JsonArray(connectors.Select(c => (JsonNode)Snapshot(store, c)).ToArray()));
    }

    // §5.6: connector and {} credential are committed before validation and kept when it fails.
    private static ApiResult CreateWithMockCredential(ApiRequest request)
    {
        var (body, connector) = AddConnector(request);
        var store = request.Store;
        var credential = store.AddCredential([], adminPublic: true, body.Source, name: null, curatorPublic: false, groups: [], request.Caller);
        if (!request.Context.IntegrationTestsMode && !Schemas.DocumentSources.SkipsValidation(connector.Source))
        {
            var failure = request.Context.Validator.Validate(connector, credential.CredentialJson);
            if (failure is not null) throw OnyxErrors.Http(400, "Connector validation error: " + failure);
        }
        var pair = store.AddCcPair(connector.Id, credential.Id, connector.Name, body.AccessType, body.Groups, null, "REGULAR", request.Caller);
        return ApiResult.Commit(ResponseShapes.Status(true,
            $"Creating new association between Connector {connector.Id} and Credential {credential.Id}", pair.Id));
    }

    // §5.15: connector → credential subset → at least one → visibility → mark.
    private static ApiResult RunOnce(ApiRequest request)
    {
        var model = new Validation.RequestModel(request.Body, request.Validation);
        var connectorId = model.RequiredInt("connector_id");
        var credentialIds = model.OptionalNullableIntList("credential_ids");
        var fromBeginning = model.OptionalBool("from_beginning", false);
        request.Validation.ThrowIfAny();

        var store = request.Store;
        if (!store.Connectors.ContainsKey(connectorId))
            throw OnyxErrors.Http(404, $"Connector by id {connectorId} does not exist.");
        var paired = store.CredentialIdsOf(connectorId);
        List<long> targets;
        if (credentialIds is { Count: > 0 })
        {
            if (credentialIds.Any(id => !paired.Contains(id)))
                throw OnyxErrors.Http(400, "Not all specified credentials are associated with connector");
            targets = credentialIds.Distinct().ToList();
        }
        else
        {
            targets = paired;
        }
        if (targets.Count == 0)
            throw OnyxErrors.Http(400, "Connector has no valid credentials, cannot create index attempts.");
        if (!EmulatorStore.CanEditPair(request.Caller)) throw OnyxErrors.ConnectionNotFoundForUser();

        var marked = 0;
        foreach (var credentialId in targets)
        {
            var pair = store.FindPair(connectorId, credentialId)!;
            pair.IndexingTrigger = fromBeginning ? "reindex" : "update";
            pair.RunOnceCount++;
            marked++; // no index attempt is ever in flight here, so every targeted pair is marked
        }
        return ApiResult.Commit(ResponseShapes.Status(true, $"Marked {marked} index attempts with indexing triggers.", marked));
    }

    // §5.19: every visible pair except DefaultCCPair.
    private static ApiResult Status(ApiRequest request)
    {
        var store = request.Store;
        var rows = new JsonArray();
        foreach (var pair in store.CcPairs.Values)
        {
            var connector = store.Connectors.GetValueOrDefault(pair.ConnectorId);
            var credential = store.Credentials.GetValueOrDefault(pair.CredentialId);
            if (connector is null || credential is null || connector.Source == "ingestion_api") continue;
            rows.Add(new JsonObject
            {
                ["cc_pair_id"] = pair.Id,
                ["name"] = pair.Name,
                ["connector"] = Snapshot(store, connector),
                ["credential"] = ResponseShapes.Credential(credential, request.Context.MaskCredentials),
                ["access_type"] = pair.AccessType,
                ["groups"] = JsonValues.IdArray(pair.Groups),
            });
        }
        return ApiResult.Ok(rows);
    }
}
