using System.Text.Json.Nodes;
using OnyxGen.Emulator.Auth;
using OnyxGen.Emulator.Errors;
using OnyxGen.Emulator.Store;
using OnyxGen.Emulator.Validation;

namespace OnyxGen.Emulator.Routes;

/// <summary>The credential routes: onyx-api.md §5.7–5.12 and <c>GET /manage/admin/similar-credentials/{source_type}</c>.</summary>
internal static class CredentialRoutes
{
    private const string File = "/app/onyx/server/documents/credential.py";

    public static IEnumerable<RouteSpec> All() =>
    [
        new() { Method = "POST", Template = "/manage/credential", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "create_credential_from_model", SourceFile = File, Handler = Create },
        new() { Method = "GET", Template = "/manage/admin/credential", Permission = Permission.ManageConnectors,
            FunctionName = "list_credentials_admin", SourceFile = File, Handler = List },
        new() { Method = "GET", Template = "/manage/credential", Permission = Permission.Basic,
            FunctionName = "list_credentials", SourceFile = File, Handler = List },
        new() { Method = "GET", Template = "/manage/admin/similar-credentials/{source_type}", Permission = Permission.ManageConnectors,
            FunctionName = "get_cc_source_full_info", SourceFile = File, Handler = Similar },
        new() { Method = "GET", Template = "/manage/credential/{credential_id}", Permission = Permission.Basic,
            FunctionName = "get_credential_by_id", SourceFile = File, Handler = Get },
        new() { Method = "PATCH", Template = "/manage/credential/{credential_id}", Permission = Permission.Basic, HasBody = true,
            FunctionName = "update_credential_from_model", SourceFile = File, Handler = Patch },
        new() { Method = "PUT", Template = "/manage/admin/credential/{credential_id}", Permission = Permission.ManageConnectors, HasBody = true,
            FunctionName = "update_credential_data", SourceFile = File, Handler = Put },
        new() { Method = "DELETE", Template = "/manage/credential/{credential_id}", Permission = Permission.Basic,
            FunctionName = "delete_credential_by_id", SourceFile = File, Handler = DeleteOwn },
        new() { Method = "DELETE", Template = "/manage/credential/force/{credential_id}", Permission = Permission.Basic,
            FunctionName = "force_delete_credential_by_id", SourceFile = File, Handler = DeleteForce },
        new() { Method = "DELETE", Template = "/manage/admin/credential/{credential_id}", Permission = Permission.ManageConnectors,
            FunctionName = "delete_credential_by_id_admin", SourceFile = File, Handler = DeleteAdmin },
    ];

    /// <summary>CredentialBase (onyx-api.md §5.7): credential_json, admin_public and source are required.</summary>
    private sealed record CredentialBaseRequest(JsonObject CredentialJson, bool AdminPublic, string Source, string? Name, bool CuratorPublic, List<long> Groups)
    {
        public static CredentialBaseRequest Read(ApiRequest request)
        {
            var model = new RequestModel(request.Body, request.Validation);
            return new CredentialBaseRequest(
                model.RequiredDict("credential_json"),
                model.RequiredBool("admin_public"),
                model.RequiredEnum("source", EnumSpec.DocumentSource),
                model.OptionalString("name"),
                model.OptionalBool("curator_public", false),
                model.OptionalIntList("groups"));
        }
    }

    private static bool Mask(ApiRequest request) => request.Context.MaskCredentials;

    private static OnyxApiException NotFoundOrNotOwned(long id) =>
        OnyxErrors.Http(401, $"Credential {id} does not exist or does not belong to user");

    private static ApiResult Create(ApiRequest request)
    {
        var body = CredentialBaseRequest.Read(request);
        request.Validation.ThrowIfAny();
        var credential = request.Store.AddCredential(body.CredentialJson, body.AdminPublic, body.Source, body.Name,
            body.CuratorPublic, body.Groups, request.Caller);
        return ApiResult.Commit(new JsonObject
        {
            ["id"] = credential.Id,
            ["credential"] = ResponseShapes.Credential(credential, Mask(request)),
        });
    }

    private static ApiResult List(ApiRequest request) => ApiResult.Ok(ListVisible(request, null));

    private static ApiResult Similar(ApiRequest request)
    {
        var source = request.Validation.PathEnum("source_type", request.RouteValue("source_type"), EnumSpec.DocumentSource);
        request.Validation.ThrowIfAny();
        return ApiResult.Ok(ListVisible(request, source));
    }

    private static JsonArray ListVisible(ApiRequest request, string? source)
    {
        var items = request.Store.Credentials.Values
            .Where(c => EmulatorStore.IsVisible(c, request.Caller))
            .Where(c => source is null || c.Source == source) // credential 0's NULL source never equals a filter
            .Select(c => (JsonNode)ResponseShapes.Credential(c, Mask(request)));
        return new JsonArray(items.ToArray());
    }

    private static ApiResult Get(ApiRequest request)
    {
        var id = request.PathId("credential_id");
        request.Validation.ThrowIfAny();
        var credential = request.Store.VisibleCredential(id, request.Caller) ?? throw NotFoundOrNotOwned(id);
        return ApiResult.Ok(ResponseShapes.Credential(credential, Mask(request)));
    }

    // §5.10: only credential_json is applied (full replace); ownership moves; user_email comes back null.
    private static ApiResult Patch(ApiRequest request)
    {
        var id = request.PathId("credential_id");
        var body = CredentialBaseRequest.Read(request);
        request.Validation.ThrowIfAny();
        var credential = request.Store.VisibleCredential(id, request.Caller) ?? throw NotFoundOrNotOwned(id);
        credential.CredentialJson = body.CredentialJson;
        TakeOwnership(credential, request.Caller);
        return ApiResult.Commit(ResponseShapes.Credential(credential, Mask(request), omitEmail: true));
    }

    // §5.11: top-level merge, rename, ownership moves; the response has the CredentialBase fields only.
    private static ApiResult Put(ApiRequest request)
    {
        var id = request.PathId("credential_id");
        var model = new RequestModel(request.Body, request.Validation);
        var name = model.RequiredString("name");
        var update = model.RequiredDict("credential_json");
        request.Validation.ThrowIfAny();
        var credential = request.Store.VisibleCredential(id, request.Caller) ?? throw NotFoundOrNotOwned(id);
        foreach (var (key, value) in update) credential.CredentialJson[key] = value?.DeepClone();
        credential.Name = name;
        TakeOwnership(credential, request.Caller);
        return ApiResult.Commit(ResponseShapes.CredentialBase(credential, Mask(request)));
    }

    private static void TakeOwnership(CredentialRecord credential, ApiKeyRecord caller)
    {
        credential.OwnerUserId = caller.UserId;
        credential.OwnerEmail = caller.Email;
        credential.TimeUpdated = EmulatorStore.Now();
    }

    // §5.12: every handler error is shape C (400 {"message"}).
    private static ApiResult DeleteOwn(ApiRequest request) => Delete(request, force: false, admin: false);

    private static ApiResult DeleteForce(ApiRequest request) => Delete(request, force: true, admin: false);

    private static ApiResult DeleteAdmin(ApiRequest request) => Delete(request, force: false, admin: true);

    private static ApiResult Delete(ApiRequest request, bool force, bool admin)
    {
        var id = request.PathId("credential_id");
        request.Validation.ThrowIfAny();
        var store = request.Store;
        CredentialRecord? credential;
        if (admin)
        {
            credential = store.Credentials.GetValueOrDefault(id)
                ?? throw OnyxErrors.ValueError($"Credential by provided id {id} does not exist");
        }
        else
        {
            credential = store.VisibleCredential(id, request.Caller)
                ?? throw OnyxErrors.ValueError($"Credential by provided id {id} does not exist or does not belong to user");
        }

        var pairs = store.PairsOfCredential(credential.Id).ToList();
        if (force)
        {
            foreach (var pair in pairs) store.CcPairs.Remove(pair.Id); // connectors stay, even with no pairs left
        }
        else if (pairs.Count > 0)
        {
            // The trailing space is in the server's text.
            throw OnyxErrors.ValueError($"Cannot delete credential as it is still associated with {pairs.Count} connector(s) and 0 document(s). ");
        }
        store.Credentials.Remove(credential.Id);
        return ApiResult.Commit(ResponseShapes.Status(true, "Credential deleted successfully", credential.Id));
    }
}
