using Microsoft.AspNetCore.Http;
using OnyxGen.Emulator.Store;
using OnyxGen.Emulator.Validation;

namespace OnyxGen.Emulator.Routes;

/// <summary>What a handler gets: the authenticated caller, the parsed body and the shared emulator state.</summary>
internal sealed class ApiRequest
{
    public required HttpContext Http { get; init; }

    public required RouteSpec Route { get; init; }

    public required ApiKeyRecord Caller { get; init; }

    public required RequestBody Body { get; init; }

    public required ValidationErrors Validation { get; init; }

    public required EmulatorContext Context { get; init; }

    public EmulatorStore Store => Context.Store;

    public string? RouteValue(string name) => Http.Request.RouteValues[name] as string;

    public string? Query(string name) =>
        Http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>An integer path parameter; errors are collected for the 422.</summary>
    public long PathId(string name) => Validation.PathInt(name, RouteValue(name));
}
