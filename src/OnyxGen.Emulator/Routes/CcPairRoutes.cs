using System.Text.Json.Nodes;
using OnyxGen.Emulator.Auth;
using OnyxGen.Emulator.Errors;
using OnyxGen.Emulator.Schemas;
using OnyxGen.Emulator.Store;
using OnyxGen.Emulator.Validation;

namespace OnyxGen.Emulator.Routes;

/// <summary>The cc-pair routes: onyx-api.md §5.13, §5.14, §5.16–5.18 and the property/name routes of §5.19.</summary>
internal static class CcPairRoutes
{
    private const string File = "/app/onyx/server/documents/cc_pair.py";

    public static IEnumerable<RouteSpec> All() =>
    [
        new() { Method = "PUT", Template = "/manage/connector/{connector_id}/credential/{credential_id}", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "associate_credential_to_connector", SourceFile = File, Handler = Associate },
        new() { Method = "DELETE", Template = "/manage/connector/{connector_id}/credential/{credential_id}", Permission = Permission.Basic,
            FunctionName = "dissociate_credential_from_connector", SourceFile = File, Handler = Dissociate },
        new() { Method = "GET", Template = "/manage/admin/cc-pair/{cc_pair_id}", Permission = Permission.ReadConnectors,
            FunctionName = "get_cc_pair_full_info", SourceFile = File, Handler = Info },
        new() { Method = "PUT", Template = "/manage/admin/cc-pair/{cc_pair_id}/status", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "update_cc_pair_status", SourceFile = File, Handler = UpdateStatus },
        new() { Method = "PUT", Template = "/manage/admin/cc-pair/{cc_pair_id}/property", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "update_cc_pair_property", SourceFile = File, Handler = UpdateProperty },
        new() { Method = "PUT", Template = "/manage/admin/cc-pair/{cc_pair_id}/name", Permission = Permission.ManageConnectors,
            FunctionName = "update_cc_pair_name", SourceFile = File, Handler = UpdateName },
        new() { Method = "POST", Template = "/manage/admin/deletion-attempt", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "create_deletion_attempt_for_connector_id", SourceFile = File, Handler = DeletionAttempt },
    ];

    // §5.13, in the server's order: body → validation (§6) → pair creation; every failure but validation is a 500.
    private static ApiResult Associate(ApiRequest request)
    {
        var connectorId = request.PathId("connector_id");
        var credentialId = request.PathId("credential_id");
        var model = new RequestModel(request.Body, request.Validation);
        var name = model.RequiredString("name");
        var accessType = model.RequiredEnum("access_type", EnumSpec.AccessType);
        var autoSyncOptions = model.OptionalNullableDict("auto_sync_options");
        var groups = model.OptionalIntList("groups");
        var processingMode = model.OptionalEnum("processing_mode", EnumSpec.ProcessingMode, "REGULAR");
        request.Validation.ThrowIfAny();

        var store = request.Store;
        var context = request.Context;
        if (!context.IntegrationTestsMode)
        {
            var connector = store.Connectors.GetValueOrDefault(connectorId) ?? throw OnyxErrors.UnexpectedError();
            if (!DocumentSources.SkipsValidation(connector.Source))
            {
                var credential = store.Credentials.GetValueOrDefault(credentialId) ?? throw OnyxErrors.UnexpectedError();
                var failure = context.Validator.Validate(connector, credential.CredentialJson);
                if (failure is not null)
                    throw OnyxErrors.Onyx(400, OnyxErrors.InvalidInput, "Connector validation error: " + failure);
            }
        }

        if (!store.Connectors.ContainsKey(connectorId)) throw OnyxErrors.UnexpectedError();
        if (store.VisibleCredential(credentialId, request.Caller) is null) throw OnyxErrors.UnexpectedError();
        if (store.FindPair(connectorId, credentialId) is not null)
            return ApiResult.Ok(ResponseShapes.Status(false, $"Connector {connectorId} already has Credential {credentialId}", connectorId));
        var pair = store.AddCcPair(connectorId, credentialId, name, accessType, groups, autoSyncOptions, processingMode, request.Caller);
        return ApiResult.Commit(ResponseShapes.Status(true,
            $"Creating new association between Connector {connectorId} and Credential {credentialId}", pair.Id));
    }

    // §5.14: hard delete; a missing or non-editable pair is a 200 success:false.
    private static ApiResult Dissociate(ApiRequest request)
    {
        var connectorId = request.PathId("connector_id");
        var credentialId = request.PathId("credential_id");
        request.Validation.ThrowIfAny();
        var store = request.Store;
        if (!store.Connectors.ContainsKey(connectorId)) throw OnyxErrors.Http(404, "Connector does not exist");
        if (store.VisibleCredential(credentialId, request.Caller) is null)
            throw OnyxErrors.Http(404, "Credential does not exist or does not belong to user");
        var pair = store.FindPair(connectorId, credentialId);
        if (pair is null || !EmulatorStore.CanEditPair(request.Caller))
            return ApiResult.Ok(ResponseShapes.Status(false, $"Connector already does not have Credential {credentialId}", connectorId));
        store.CcPairs.Remove(pair.Id);
        return ApiResult.Commit(ResponseShapes.Status(true, $"Credential {credentialId} removed from Connector", connectorId));
    }

    private static ApiResult Info(ApiRequest request)
    {
        var id = request.PathId("cc_pair_id");
        request.Validation.ThrowIfAny();
        var store = request.Store;
        var pair = store.CcPairs.GetValueOrDefault(id);
        var connector = pair is null ? null : store.Connectors.GetValueOrDefault(pair.ConnectorId);
        var credential = pair is null ? null : store.Credentials.GetValueOrDefault(pair.CredentialId);
        if (pair is null || connector is null || credential is null || !EmulatorStore.CanReadPair(request.Caller))
            throw OnyxErrors.Onyx(404, OnyxErrors.NotFound, "CC Pair not found for current user permissions");
        return ApiResult.Ok(FullInfo(pair, connector, credential, request));
    }

    /// <summary>CCPairFullInfo with every field (onyx-api.md §5.16) and idle values: nothing is ever indexed.</summary>
    private static JsonObject FullInfo(CcPairRecord pair, ConnectorRecord connector, CredentialRecord credential, ApiRequest request)
    {
        var caller = request.Caller;
        var editable = EmulatorStore.CanEditPair(caller);
        var isAdmin = caller.Role == EmulatorKeyRole.Admin;
        var minutes = Math.Max((EmulatorStore.Now() - connector.TimeCreated).TotalMinutes, 1.0 / 60);
        return new JsonObject
        {
            ["id"] = pair.Id,
            ["name"] = pair.Name,
            ["status"] = pair.Status,
            ["in_repeated_error_state"] = false,
            ["num_docs_indexed"] = pair.NumDocsIndexed,
            ["connector"] = ResponseShapes.Connector(connector, [pair.CredentialId]),
            ["credential"] = ResponseShapes.Credential(credential, request.Context.MaskCredentials),
            ["number_of_index_attempts"] = 0,
            ["last_index_attempt_status"] = null,
            ["latest_deletion_attempt"] = pair.DeletionRequested
                ? new JsonObject { ["connector_id"] = pair.ConnectorId, ["credential_id"] = pair.CredentialId, ["status"] = "PENDING" }
                : null,
            ["access_type"] = pair.AccessType,
            ["is_editable_for_current_user"] = editable,
            ["permissions"] = new JsonObject
            {
                ["edit"] = editable,
                ["delete"] = isAdmin || (editable && CreatedAlone(pair, caller)),
                ["publish"] = isAdmin,
            },
            ["deletion_failure_message"] = null,
            ["indexing"] = false,
            ["creator"] = pair.CreatorUserId?.ToString(),
            ["creator_email"] = pair.CreatorEmail,
            ["last_indexed"] = null,
            ["last_pruned"] = null,
            ["last_full_permission_sync"] = null,
            ["overall_indexing_speed"] = pair.NumDocsIndexed / minutes,
            ["latest_checkpoint_description"] = null,
            ["last_permission_sync_attempt_status"] = null,
            ["permission_syncing"] = false,
            ["last_permission_sync_attempt_finished"] = null,
            ["last_permission_sync_attempt_error_message"] = null,
            ["supports_targeted_reindex"] = false,
        };
    }

    /// <summary>A non-admin may delete a pair they created that has no groups (onyx-api.md §5.18).</summary>
    private static bool CreatedAlone(CcPairRecord pair, ApiKeyRecord caller) =>
        pair.CreatorUserId == caller.UserId && pair.Groups.Count == 0;

    // §5.17: existence/editability first, then the status value.
    private static ApiResult UpdateStatus(ApiRequest request)
    {
        var id = request.PathId("cc_pair_id");
        var model = new RequestModel(request.Body, request.Validation);
        var status = model.RequiredEnum("status", EnumSpec.CcPairStatus);
        request.Validation.ThrowIfAny();
        var pair = EditablePair(request, id) ?? throw OnyxErrors.ConnectionNotFoundForUser();
        if (status is not ("ACTIVE" or "PAUSED"))
            throw OnyxErrors.Onyx(400, OnyxErrors.InvalidInput, "Connector status can only be set to ACTIVE or PAUSED.");
        pair.Status = status;
        return ApiResult.Commit(new JsonObject { ["message"] = "200" });
    }

    private static CcPairRecord? EditablePair(ApiRequest request, long id) =>
        request.Store.CcPairs.TryGetValue(id, out var pair) && EmulatorStore.CanEditPair(request.Caller) ? pair : null;

    /// <summary>
    /// The not-found answer of the property and name routes. At the pinned commit the sibling status route answers
    /// 403 INSUFFICIENT_PERMISSIONS for the same lookup; these are assumed to follow it with their own text.
    /// </summary>
    private static OnyxApiException PairNotFoundForUser() =>
        OnyxErrors.Onyx(403, OnyxErrors.InsufficientPermissions, "CC Pair not found for current user's permissions");

    // §5.19: the only place frequency minimums are enforced; int() and validate_*() raise uncaught ValueErrors.
    private static ApiResult UpdateProperty(ApiRequest request)
    {
        var id = request.PathId("cc_pair_id");
        var model = new RequestModel(request.Body, request.Validation);
        var name = model.RequiredString("name");
        var value = model.RequiredString("value");
        request.Validation.ThrowIfAny();
        var pair = EditablePair(request, id) ?? throw PairNotFoundForUser();
        var connector = request.Store.Connectors[pair.ConnectorId];
        string message;
        if (name == "refresh_frequency")
        {
            var seconds = PythonInt(value);
            if (seconds < 60) throw OnyxErrors.ValueError("refresh_freq must be greater than or equal to 1 minute.");
            connector.RefreshFreq = seconds;
            message = "Refresh frequency updated successfully";
        }
        else if (name == "pruning_frequency")
        {
            var seconds = PythonInt(value);
            if (seconds < 300) throw OnyxErrors.ValueError("prune_freq must be greater than or equal to 5 minutes.");
            connector.PruneFreq = seconds;
            message = "Pruning frequency updated successfully";
        }
        else
        {
            throw OnyxErrors.Onyx(400, OnyxErrors.InvalidInput, $"Property name {name} is not valid.");
        }
        connector.TimeUpdated = EmulatorStore.Now();
        return ApiResult.Commit(ResponseShapes.Status(true, message, id));
    }

    /// <summary>Python's <c>int(str)</c>, whose failure is an uncaught ValueError (shape C).</summary>
    private static long PythonInt(string value)
    {
        if (LaxConversions.TryParseIntString(value.Replace("_", ""), out var result)) return result;
        throw OnyxErrors.ValueError($"invalid literal for int() with base 10: {PythonRepr.Repr(value)}");
    }

    private static ApiResult UpdateName(ApiRequest request)
    {
        var id = request.PathId("cc_pair_id");
        var newName = request.Validation.QueryString("new_name", request.Query("new_name"));
        request.Validation.ThrowIfAny();
        var pair = EditablePair(request, id) ?? throw PairNotFoundForUser();
        pair.Name = newName;
        return ApiResult.Commit(ResponseShapes.Status(true, "Name updated successfully", id));
    }

    // §5.18: mark DELETING and answer null; the background removal runs now, or on CompletePendingDeletions().
    private static ApiResult DeletionAttempt(ApiRequest request)
    {
        var model = new RequestModel(request.Body, request.Validation);
        var connectorId = model.RequiredInt("connector_id");
        var credentialId = model.RequiredInt("credential_id");
        request.Validation.ThrowIfAny();
        var store = request.Store;
        var pair = store.FindPair(connectorId, credentialId)
            ?? throw OnyxErrors.Onyx(404, OnyxErrors.ConnectorNotFound,
                $"Connector with ID '{connectorId}' and credential ID '{credentialId}' does not exist. Has it already been deleted?");
        if (request.Caller.Role != EmulatorKeyRole.Admin && !CreatedAlone(pair, request.Caller))
            throw OnyxErrors.Onyx(403, OnyxErrors.InsufficientPermissions, "Deleting a shared connector is restricted to administrators.");
        pair.Status = "DELETING";
        pair.DeletionRequested = true;
        if (!request.Context.DeferDeletions) store.CompleteDeletion(pair);
        return ApiResult.Commit(null);
    }
}
