namespace OnyxGen.Emulator;

/// <summary>
/// The kinds of API key the emulator models (onyx-api.md §7.2); together they produce every 403 body of §2.3.
/// </summary>
public enum EmulatorKeyRole
{
    /// <summary>The <c>admin</c> permission: everything.</summary>
    Admin,

    /// <summary><c>manage:connectors</c> (global), which implies <c>read:connectors</c> and <c>basic</c>.</summary>
    Manage,

    /// <summary><c>read:connectors</c> and <c>basic</c>.</summary>
    Read,

    /// <summary><c>basic</c> only: credential GET/PATCH/DELETE and dissociate.</summary>
    Basic,

    /// <summary>A service account with no groups: refused on every route ("User has limited permissions").</summary>
    Limited,
}
