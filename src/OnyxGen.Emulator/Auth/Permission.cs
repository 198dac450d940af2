namespace OnyxGen.Emulator.Auth;

/// <summary>The permission tokens the routes require (onyx-api.md §2.2).</summary>
internal enum Permission
{
    /// <summary><c>manage:connectors</c>.</summary>
    ManageConnectors,

    /// <summary><c>read:connectors</c>.</summary>
    ReadConnectors,

    /// <summary><c>basic</c>.</summary>
    Basic,
}
