using Microsoft.AspNetCore.Http;
using OnyxGen.Emulator.Errors;
using OnyxGen.Emulator.Store;

namespace OnyxGen.Emulator.Auth;

/// <summary>
/// API-key authentication and the permission check, with Onyx's 403 bodies (onyx-api.md §2). Never answers 401.
/// </summary>
internal static class ApiKeyAuthentication
{
    public const string OnyxHeader = "X-Onyx-Authorization";

    private const string NotAuthenticated = "Access denied. User is not authenticated.";
    private const string Limited = "Access denied. User has limited permissions.";
    private const string MissingPermission = "You do not have the required permissions for this action.";

    /// <summary>Finds the caller or throws the matching 403. Call with the store lock held.</summary>
    public static ApiKeyRecord Authenticate(HttpRequest request, EmulatorStore store, Permission required)
    {
        var caller = Identify(request, store);
        if (caller.Role == EmulatorKeyRole.Limited) throw OnyxErrors.Http(403, Limited);
        if (!Grants(caller.Role, required))
            throw OnyxErrors.Onyx(403, OnyxErrors.InsufficientPermissions, MissingPermission);
        return caller;
    }

    private static ApiKeyRecord Identify(HttpRequest request, EmulatorStore store)
    {
        // X-Onyx-Authorization wins; Authorization is only read when it is absent or empty.
        string? raw = request.Headers[OnyxHeader];
        if (string.IsNullOrEmpty(raw)) raw = request.Headers.Authorization;
        if (string.IsNullOrEmpty(raw)) throw OnyxErrors.Http(403, NotAuthenticated);

        var bearer = raw.StartsWith("Bearer ", StringComparison.Ordinal);
        var value = bearer ? raw["Bearer ".Length..].Trim() : raw.Trim();
        if (value.StartsWith("on_", StringComparison.Ordinal) || value.StartsWith("dn_", StringComparison.Ordinal))
        {
            return store.Keys.TryGetValue(value, out var key) ? key : throw OnyxErrors.Http(403, NotAuthenticated);
        }
        // A bearer value with no key/PAT prefix and no '.' is tried as a browser-session token (onyx-api.md §2.3).
        if (bearer && value.Length > 0 && !value.Contains('.') && !value.StartsWith("onyx_pat_", StringComparison.Ordinal))
            throw OnyxErrors.Onyx(403, OnyxErrors.SessionUnrecognized, "Session not recognized. Please log in again.");
        throw OnyxErrors.Http(403, NotAuthenticated);
    }

    private static bool Grants(EmulatorKeyRole role, Permission permission) => role switch
    {
        EmulatorKeyRole.Admin or EmulatorKeyRole.Manage => true,
        EmulatorKeyRole.Read => permission is Permission.ReadConnectors or Permission.Basic,
        EmulatorKeyRole.Basic => permission is Permission.Basic,
        _ => false,
    };
}
