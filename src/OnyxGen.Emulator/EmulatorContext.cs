using OnyxGen.Emulator.Faults;
using OnyxGen.Emulator.Schemas;
using OnyxGen.Emulator.Validation;

namespace OnyxGen.Emulator;

/// <summary>Everything the routes share for one emulator instance.</summary>
internal sealed class EmulatorContext
{
    public required EmulatorStore Store { get; init; }

    public required EmulatorStats Stats { get; init; }

    public required EmulatorFaults Faults { get; init; }

    public required ConnectorSchemaTable Schemas { get; init; }

    public required ConnectorValidator Validator { get; init; }

    public required bool MaskCredentials { get; init; }

    public required bool IntegrationTestsMode { get; init; }

    public required bool DeferDeletions { get; init; }

    public required bool DisableVectorDb { get; init; }
}
