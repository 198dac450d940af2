using System.Text.Json;
using OnyxGen.Emulator.Cli;
using OnyxGen.Emulator.Schemas;
using OnyxGen.Emulator.Validation;

namespace OnyxGen.Emulator.Tests;

/// <summary>Unit tests of the Python-compatible text helpers, the catalog parser and the command line.</summary>
public sealed class InternalsTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("tab\there\nnl", "'tab\\there\\nnl'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    [InlineData("bullet •", "'bullet •'")]
    public void Python_string_repr(string input, string expected) => Assert.Equal(expected, PythonRepr.Repr(input));

    [Fact]
    public void Python_repr_of_tuples_dicts_and_json()
    {
        Assert.Equal("('body',)", PythonRepr.Repr(new PyTuple("body")));
        Assert.Equal("('body', 'groups', 0)", PythonRepr.Repr(new PyTuple("body", "groups", 0)));
        using var doc = JsonDocument.Parse("""{"a": [1, 2.5, 1e20, true, false, null, "x"], "b": {}, "a2": 3.0}""");
        Assert.Equal("{'a': [1, 2.5, 1e+20, True, False, None, 'x'], 'b': {}, 'a2': 3.0}", PythonRepr.Repr(doc.RootElement));
        Assert.Equal("b'{\\'x\\': \"y\"}'", PythonRepr.Repr(new PyBytes("{'x': \"y\"}"u8.ToArray())));
    }

    [Theory]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(-2.5, "-2.5")]
    public void Python_float_repr(double value, string expected) => Assert.Equal(expected, PythonRepr.FloatRepr(value));

    [Fact]
    public void Python_missing_argument_lists()
    {
        Assert.Equal("'a'", ConnectorValidator.PythonNameList(["a"]));
        Assert.Equal("'a' and 'b'", ConnectorValidator.PythonNameList(["a", "b"]));
        Assert.Equal("'a', 'b', and 'c'", ConnectorValidator.PythonNameList(["a", "b", "c"]));
    }

    [Fact]
    public void Enum_messages_follow_pydantic()
    {
        Assert.Equal("'public', 'private' or 'sync'", EnumSpec.AccessType.Expected);
        Assert.Equal(59, EnumSpec.DocumentSource.Values.Count);
    }

    [Fact]
    public void Catalog_schema_parsing_uses_fallbacks()
    {
        using var doc = JsonDocument.Parse("""
            {"properties": {"a": {}, "b": {}}, "required": ["b"],
             "x-onyx-credential": {"required": ["t"], "oneOf": [{"required": ["x", "y"]}, {"required": ["z"]}]}}
            """);
        var schema = ConnectorSchemaTable.Parse(doc.RootElement, "google_drive.schema.json", "test");
        Assert.Equal("google_drive", schema.Source);
        Assert.Equal("GoogleDriveConnector", schema.ClassName);
        Assert.True(schema.AllowsExtraKeys); // additionalProperties absent
        Assert.Empty(schema.InputTypes);
        Assert.Equal(["a", "b"], schema.Properties);
        Assert.Equal(["t"], schema.CredentialRequired);
        Assert.Equal(2, schema.CredentialOneOf.Count);
        Assert.Equal(["x", "y"], schema.CredentialOneOf[0]);
    }

    [Fact]
    public void Command_line_defaults_and_flags()
    {
        var (defaults, _, _) = CommandLine.Parse([]);
        Assert.Equal("http://127.0.0.1:8080", defaults!.Urls);
        Assert.True(defaults.MaskCredentials);

        var (options, help, error) = CommandLine.Parse([
            "--urls", "http://127.0.0.1:9999", "--api-key", "on_x", "--no-mask", "--integration-tests-mode",
            "--latency-ms", "50", "--fail-rate", "0.2", "--fail-status", "502,503", "--drop-rate", "0.1",
            "--rate-limit", "10", "--rate-429", "0.3", "--retry-after", "4", "--fault-methods", "POST,PUT", "--fault-path", "/manage/admin", "--seed", "9",
        ]);
        Assert.False(help);
        Assert.Null(error);
        Assert.Equal(("http://127.0.0.1:9999", "on_x", false, true), (options!.Urls, options.AdminApiKey, options.MaskCredentials, options.IntegrationTestsMode));
        var faults = options.Faults!;
        Assert.Equal(TimeSpan.FromMilliseconds(50), faults.Latency);
        Assert.Equal((0.2, 0.1, 0.3, 4, 9), (faults.ServerErrorRate, faults.DropAfterCommitRate, faults.TooManyRequestsRate, faults.RetryAfterSeconds, faults.Seed));
        Assert.Equal([502, 503], faults.ServerErrorStatusCodes);
        Assert.Equal(10, faults.RateLimitPerSecond);
        Assert.Equal(["POST", "PUT"], faults.Methods!);
        Assert.Equal("/manage/admin", faults.PathPrefix);
    }

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'.")]
    [InlineData("--latency-ms", "--latency-ms needs a value.")]
    [InlineData("--fail-rate abc", "--fail-rate expects a number, got 'abc'.")]
    public void Command_line_errors(string args, string expected)
    {
        var (options, help, error) = CommandLine.Parse(args.Split(' '));
        Assert.Null(options);
        Assert.False(help);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Command_line_help()
    {
        var (options, help, _) = CommandLine.Parse(["--help"]);
        Assert.Null(options);
        Assert.True(help);
        Assert.Contains("--fail-rate", CommandLine.Usage);
    }
}
