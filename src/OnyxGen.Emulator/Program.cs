using OnyxGen.Emulator.Cli;

namespace OnyxGen.Emulator;

/// <summary>The <c>dotnet run</c> entry point: start, print the base URL and key, run until Ctrl+C.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var (options, help, error) = CommandLine.Parse(args);
        if (help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }
        if (options is null)
        {
            Console.Error.WriteLine($"error: {error}");
            Console.Error.WriteLine();
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }

        OnyxEmulator emulator;
        try
        {
            emulator = await OnyxEmulator.StartAsync(options);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        await using (emulator)
        {
            Console.WriteLine("Onyx emulator running.");
            Console.WriteLine($"  Base URL: {emulator.BaseUrl}   (also served without /api: {emulator.RootUrl})");
            Console.WriteLine($"  API key:  {emulator.ApiKey}");
            Console.WriteLine($"  Catalog:  {emulator.SchemaSources.Count} connector schema(s)");
            foreach (var problem in emulator.SchemaLoadErrors) Console.WriteLine($"  Skipped schema: {problem}");
            Console.WriteLine("Press Ctrl+C to stop.");
            await emulator.WaitForShutdownAsync();
        }
        return 0;
    }
}
