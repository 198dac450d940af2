using System.IO.Compression;
using System.Runtime.CompilerServices;
using Xunit;

namespace OnyxGen.Package.Tests;

/// <summary>
/// The OnyxGen nupkg alone is enough: packed from the repo, restored by a fresh consumer from a local folder feed,
/// it generates typed connectors from a catalog source chosen by name and from the consumer's own schema file.
/// </summary>
public sealed class PackedPackageTests : IClassFixture<PackedPackageTests.PackedFeed>
{
    private readonly PackedFeed _feed;

    public PackedPackageTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void The_package_holds_the_runtime_the_generator_its_json_library_the_msbuild_files_and_the_catalog()
    {
        using ZipArchive package = ZipFile.OpenRead(_feed.PackagePath);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();

        Assert.Contains("lib/net8.0/OnyxGen.dll", entries);
        Assert.Contains("lib/net8.0/OnyxGen.xml", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/OnyxGen.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/System.Text.Json.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/OnyxGen.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/roslyn4.8/cs/OnyxGen.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/OnyxGen.props", entries);
        Assert.Contains("buildTransitive/OnyxGen.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("schemas/connectors/jira.schema.json", entries);
        Assert.Equal(
            Directory.GetFiles(Path.Combine(RepoRoot(), "schemas", "connectors"), "*.schema.json").Length,
            entries.Count(e => e.StartsWith("schemas/connectors/", StringComparison.Ordinal) && e.EndsWith(".schema.json", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generator", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fresh_consumer_restores_the_package_from_a_folder_feed_and_the_generated_types_work()
    {
        string consumer = Path.Combine(_feed.Root, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_feed.Root, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{_feed.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="OnyxGen" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- Program.cs sets two bad constants on purpose: the package's analyzers must report them. -->
                <WarningsNotAsErrors>ONYX1002;ONYX1005</WarningsNotAsErrors>
                <RollForward>Major</RollForward>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OnyxGen" Version="{_feed.Version}" />
                <OnyxConnector Include="jira" />
                <OnyxSchema Include="acme.schema.json" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "acme.schema.json"), """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "x-onyx-source": "mock_connector",
              "properties": { "site_url": { "type": "string", "format": "uri" }, "depth": { "type": "integer", "minimum": 0 } },
              "required": ["site_url"],
              "additionalProperties": false
            }
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System.Text.Json;
            using OnyxGen;
            using OnyxGen.Connectors;

            var jira = new JiraConnectorConfig { JiraBaseUrl = "https://acme.atlassian.net", ProjectKey = "TECH" };
            var mine = new MockConnectorConnectorConfig { SiteUrl = "no-scheme", Depth = -1 };
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer)) { ((IConnectorConfig)jira).WriteJson(writer); }
            Console.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            Console.WriteLine($"{JiraConnectorConfig.Descriptor.Source} {JiraConnectorConfig.Descriptor.DefaultInputType}");
            Console.WriteLine(string.Join(" | ", mine.Validate()));
            """);

        (int restoreExit, string restoreOutput) = DotNetCli.Run(consumer, "run", "-c", "Release");

        Assert.True(restoreExit == 0, restoreOutput);
        Assert.Contains("{\"jira_base_url\":\"https://acme.atlassian.net\",\"project_key\":\"TECH\"}", restoreOutput);
        Assert.Contains("jira Poll", restoreOutput);
        Assert.Contains("/site_url: must be an absolute URI", restoreOutput);
        Assert.Contains("/depth: must be >= 0", restoreOutput);
        Assert.Contains("Program.cs(6,57): warning ONYX1002", restoreOutput);
        Assert.Contains("Program.cs(6,78): warning ONYX1005", restoreOutput);
    }

    private static string RepoRoot([CallerFilePath] string file = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));

    /// <summary>Packs OnyxGen once for the class into a temporary folder feed.</summary>
    public sealed class PackedFeed : IDisposable
    {
        public PackedFeed()
        {
            Root = Path.Combine(Path.GetTempPath(), "onyxgen-package-" + Guid.NewGuid().ToString("N")[..8]);
            FeedDirectory = Path.Combine(Root, "feed");
            Directory.CreateDirectory(FeedDirectory);
            (int exit, string output) = DotNetCli.Run(RepoRoot(), "pack", "src/OnyxGen/OnyxGen.csproj", "-c", "Release", "-o", FeedDirectory, $"-p:Version={Version}");
            if (exit != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + output);
            }

            PackagePath = Path.Combine(FeedDirectory, $"OnyxGen.{Version}.nupkg");
        }

        public string Version { get; } = "0.1.0-packagetest";

        public string Root { get; }

        public string FeedDirectory { get; }

        public string PackagePath { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
