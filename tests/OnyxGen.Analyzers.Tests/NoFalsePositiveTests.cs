using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OnyxGen.Analyzers.Tests;

/// <summary>Correct programs report nothing: the JiraProjects sample, and correct use of every catalog schema.</summary>
public class NoFalsePositiveTests
{
    private static readonly SymbolDisplayFormat Global = SymbolDisplayFormat.FullyQualifiedFormat;

    [Fact]
    public async Task JiraProjectsSampleReportsNothing()
    {
        // The SDK's implicit usings, which the sample relies on.
        const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;\n";
        string flow = ImplicitUsings + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sample", "JiraProjectsFlow.cs"));
        CSharpCompilation compilation = AnalyzerHarness.Compile(flow, ["jira"]);
        AnalyzerHarness.AssertCompiles(compilation);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(compilation));
    }

    [Fact]
    public async Task CorrectUseOfEveryCatalogSchemaReportsNothing()
    {
        string[] schemas = AnalyzerHarness.CatalogSources.ToArray();
        Assert.True(schemas.Length >= 50, $"Only {schemas.Length} catalog schemas were found.");

        // Write, from the generated types themselves, a program that fills every config and credential with valid values
        // and calls every API the analyzers look at with valid arguments.
        CSharpCompilation generatedOnly = AnalyzerHarness.Compile("", schemas);
        string program = WriteCorrectProgram(generatedOnly);
        CSharpCompilation compilation = AnalyzerHarness.Compile(program, schemas);
        var diagnostics = (await AnalyzerHarness.AnalyzeAllAsync(compilation)).Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("ONYX", StringComparison.Ordinal)).ToList();
        Assert.True(diagnostics.Count == 0, "Errors or OnyxGen diagnostics in a correct program:\n" + string.Join("\n", diagnostics));

        // The program does exercise the analyzers: the same program with one mistake per connector is reported.
        string wrong = program
            .Replace("TimeSpan.FromMinutes(10)", "TimeSpan.FromSeconds(10)", StringComparison.Ordinal)
            .Replace("\"https://docs.example.com/a\"", "\"docs.example.com/a\"", StringComparison.Ordinal);
        var reported = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(wrong, schemas));
        Assert.Equal(2 * schemas.Length, reported.Count(d => d.Id == "ONYX2002"));
        int urls = program.Split("\"https://docs.example.com/a\"").Length - 1;
        Assert.True(urls >= 10, $"Only {urls} URL values were written.");
        Assert.Equal(urls, reported.Count(d => d.Id == "ONYX1002"));
    }

    private static string WriteCorrectProgram(Compilation compilation)
    {
        INamedTypeSymbol connectorAttribute = compilation.GetTypeByMetadataName("OnyxGen.Schema.OnyxConnectorAttribute")!;
        INamedTypeSymbol configInterface = compilation.GetTypeByMetadataName("OnyxGen.IConnectorConfig`1")!;
        var configs = AllTypes(compilation.GlobalNamespace)
            .Where(t => t.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, connectorAttribute)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var extensionMethods = AllTypes(compilation.GlobalNamespace).Where(t => t.IsStatic)
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>()).Where(m => m.IsExtensionMethod).ToList();

        var code = new StringBuilder();
        code.AppendLine("using System;").AppendLine("using System.Threading.Tasks;").AppendLine("using OnyxGen;").AppendLine("using OnyxGen.Connectors;");
        code.AppendLine("public static class Program").AppendLine("{");
        code.AppendLine("    public static async Task Run(OnyxClient onyx)").AppendLine("    {");
        int n = 0;
        foreach (INamedTypeSymbol config in configs)
        {
            AttributeData attribute = config.GetAttributes().Single(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, connectorAttribute));
            string firstInputType = (string)attribute.NamedArguments.Single(a => a.Key == "InputTypes").Value.Values[0].Value!;
            bool permissionSync = attribute.NamedArguments.Any(a => a.Key == "PermissionSync" && a.Value.Value is true);
            string access = permissionSync ? "AccessType.Sync" : "AccessType.Public";
            string inputType = "InputType." + string.Concat(firstInputType.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            INamedTypeSymbol credential = (INamedTypeSymbol)config.AllInterfaces.Single(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, configInterface)).TypeArguments[0];
            string createConnector = extensionMethods.Single(m => m.Parameters.Any(p => p.Name == "config" && SymbolEqualityComparer.Default.Equals(p.Type, config))).Name;
            string createCredential = extensionMethods.Single(m => m.Parameters.Any(p => p.Name == "credential" && SymbolEqualityComparer.Default.Equals(p.Type, credential))).Name;

            n++;
            code.AppendLine($"        var config{n} = {New(config, isCredential: false, 0)};");
            code.AppendLine($"        var credential{n} = {New(credential, isCredential: true, 0)};");
            code.AppendLine($"        var created{n} = await onyx.Connectors.{createConnector}(\"c{n}\", config{n}, TimeSpan.FromMinutes(10), TimeSpan.FromDays(1), {access}, {inputType});");
            code.AppendLine($"        await onyx.Connectors.CreateAsync(\"c{n}\", config{n}, refreshFreq: TimeSpan.FromMinutes(10), pruneFreq: new TimeSpan(1, 0, 0), inputType: {inputType});");
            code.AppendLine($"        var stored{n} = await onyx.Credentials.{createCredential}(\"k{n}\", credential{n});");
            code.AppendLine($"        await onyx.Connectors.AssociateCredentialAsync(created{n}.Id, stored{n}.Id, \"c{n}\", {access});");
            code.AppendLine($"        await onyx.Connectors.AssociateCredentialAsync(created{n}, stored{n}, accessType: {access});");
            code.AppendLine($"        _ = new ConnectorSpec(\"c{n}\", config{n}) {{ RefreshFreq = TimeSpan.FromHours(1), PruneFreq = TimeSpan.FromMinutes(5), InputType = {inputType}, AccessType = {access} }};");
        }

        code.AppendLine("    }").AppendLine("}");
        return code.ToString();
    }

    private static string New(INamedTypeSymbol type, bool isCredential, int depth)
    {
        var properties = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.SetMethod is not null && !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.GetAttributes().Any(a => a.AttributeClass?.Name == "OnyxPropertyAttribute"))
            .ToList();

        // A credential sets the keys of its first authentication mode only (setting two is ONYX1009).
        HashSet<string>? modeKeys = null;
        if (isCredential)
        {
            var modes = type.GetAttributes().Where(a => a.AttributeClass?.Name == "OnyxAuthenticationModeAttribute").ToList();
            if (modes.Count > 0)
            {
                modeKeys = modes[0].ConstructorArguments[1].Values.Select(v => (string)v.Value!).ToHashSet(StringComparer.Ordinal);
            }
        }

        var assignments = new List<string>();
        foreach (IPropertySymbol property in properties)
        {
            AttributeData attribute = property.GetAttributes().Single(a => a.AttributeClass?.Name == "OnyxPropertyAttribute");
            string jsonName = (string)attribute.ConstructorArguments[0].Value!;
            if (modeKeys is not null && !modeKeys.Contains(jsonName) && !property.IsRequired)
            {
                continue;
            }

            if (Value(property.Type, attribute, depth) is { } value)
            {
                assignments.Add($"{property.Name} = {value}");
            }
            else
            {
                Assert.False(property.IsRequired, $"No value for required {type.Name}.{property.Name}");
            }
        }

        return $"new {type.ToDisplayString(Global)} {{ {string.Join(", ", assignments)} }}";
    }

    private static string? Value(ITypeSymbol type, AttributeData attribute, int depth)
    {
        string? Named(string name) => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value?.ToString();
        string jsonName = (string)attribute.ConstructorArguments[0].Value!;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (attribute.NamedArguments.Any(a => a.Key == "IsSecret" && a.Value.Value is true) || type.Name == "OnyxSecret")
        {
            return $"Environment.GetEnvironmentVariable(\"{jsonName.ToUpperInvariant()}\") ?? \"\"";
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return SampleString(Named("Format"));
            case SpecialType.System_Boolean:
                return "true";
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_Double:
                string? minimum = Named("Minimum");
                return minimum is not null && minimum != "NaN" ? minimum : "1";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return type.ToDisplayString(Global) + "." + type.GetMembers().OfType<IFieldSymbol>().First().Name;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, Name: "IReadOnlyList" } list)
        {
            ITypeSymbol item = list.TypeArguments[0];
            if (item.SpecialType == SpecialType.System_String)
            {
                return $"[{SampleString(Named("ItemFormat"))}, {SampleString(Named("ItemFormat"), second: true)}]";
            }

            if (item.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32)
            {
                return "[1, 2]";
            }

            return item is INamedTypeSymbol { TypeKind: TypeKind.Class } itemClass && depth < 2 ? $"[{New(itemClass, false, depth + 1)}]" : null;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } nested && nested.ContainingType is not null && depth < 2)
        {
            return New(nested, false, depth + 1);
        }

        return null;
    }

    private static string SampleString(string? format, bool second = false) => format switch
    {
        "uri" => second ? "\"https://docs.example.com/b\"" : "\"https://docs.example.com/a\"",
        "email" => second ? "\"legal@example.com\"" : "\"ops@example.com\"",
        "date" => "\"2024-01-31\"",
        "hostname" => "\"example.com\"",
        "ipv4" => "\"10.0.0.1\"",
        "ipv6" => "\"::1\"",
        _ => second ? "\"value-b\"" : "\"value-a\"",
    };

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (INamedTypeSymbol type in AllTypes(child))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
            {
                yield return type;
                foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                {
                    yield return nested;
                }
            }
        }
    }
}
