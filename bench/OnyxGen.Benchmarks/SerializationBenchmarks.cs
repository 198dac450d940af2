using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using OnyxGen.Connectors;

namespace OnyxGen.Benchmarks;

/// <summary>
/// Serializing one connector create request (a Jira config with every property set). OnyxGen's writer against the
/// alternative a user would write by hand (a System.Text.Json source-generated POCO), and a floor that writes the same
/// bytes into a reused buffer.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private static readonly TimeSpan? Refresh = TimeSpan.FromHours(1);
    private static readonly TimeSpan? Prune = TimeSpan.FromDays(1);
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private JiraConnectorConfig _config = null!;
    private CreateRequestDto _dto = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _config = RuntimeAccess.Jira(1);
        _dto = new CreateRequestDto
        {
            Name = "jira-ENG1",
            Source = "jira",
            InputType = "poll",
            Config = new JiraDto
            {
                JiraBaseUrl = _config.JiraBaseUrl,
                ProjectKey = _config.ProjectKey,
                CommentEmailBlacklist = _config.CommentEmailBlacklist?.ToArray(),
                LabelsToSkip = _config.LabelsToSkip?.ToArray(),
                JqlQuery = _config.JqlQuery,
                ScopedToken = _config.ScopedToken,
            },
            AccessType = "public",
            RefreshFreq = 3600,
            PruneFreq = 86400,
            Groups = [],
        };
        _writer = new Utf8JsonWriter(_buffer);
        byte[] ours = OnyxGen_ConnectorRequest().ToArray();
        byte[] theirs = Alternative_StjSourceGenPoco();
        if (!ours.AsSpan().SequenceEqual(theirs))
        {
            throw new InvalidOperationException("The alternative does not write the same bytes:\n" + System.Text.Encoding.UTF8.GetString(ours) + "\n" + System.Text.Encoding.UTF8.GetString(theirs));
        }
    }

    /// <summary>The alternative: a hand-written POCO serialized with System.Text.Json's source generator.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Alternative_StjSourceGenPoco() => JsonSerializer.SerializeToUtf8Bytes(_dto, BenchJsonContext.Default.CreateRequestDto);

    /// <summary>What <c>ConnectorsClient.CreateAsync</c> sends: RequestWriter.ConnectorRequest with the generated WriteJson.</summary>
    [Benchmark]
    public ReadOnlyMemory<byte> OnyxGen_ConnectorRequest() => RuntimeAccess.ConnectorRequest("jira-ENG1", _config, Refresh, Prune);

    /// <summary>A floor: the same bytes through a reused writer and buffer (no allocation at all).</summary>
    [Benchmark]
    public int Floor_ReusedWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        Utf8JsonWriter w = _writer;
        w.WriteStartObject();
        w.WriteString("name"u8, "jira-ENG1");
        w.WriteString("source"u8, "jira"u8);
        w.WriteString("input_type"u8, "poll"u8);
        w.WritePropertyName("connector_specific_config"u8);
        _config.WriteJson(w);
        w.WriteString("access_type"u8, "public"u8);
        w.WriteNumber("refresh_freq"u8, 3600);
        w.WriteNumber("prune_freq"u8, 86400);
        w.WriteStartArray("groups"u8);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return _buffer.WrittenCount;
    }
}

public sealed class CreateRequestDto
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("source")]
    public string Source { get; set; } = "";

    [JsonPropertyName("input_type")]
    public string InputType { get; set; } = "";

    [JsonPropertyName("connector_specific_config")]
    public JiraDto Config { get; set; } = new();

    [JsonPropertyName("access_type")]
    public string AccessType { get; set; } = "";

    [JsonPropertyName("refresh_freq")]
    public long? RefreshFreq { get; set; }

    [JsonPropertyName("prune_freq")]
    public long? PruneFreq { get; set; }

    [JsonPropertyName("groups")]
    public int[] Groups { get; set; } = [];
}

public sealed class JiraDto
{
    [JsonPropertyName("jira_base_url")]
    public string JiraBaseUrl { get; set; } = "";

    [JsonPropertyName("project_key")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProjectKey { get; set; }

    [JsonPropertyName("comment_email_blacklist")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? CommentEmailBlacklist { get; set; }

    [JsonPropertyName("labels_to_skip")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? LabelsToSkip { get; set; }

    [JsonPropertyName("jql_query")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? JqlQuery { get; set; }

    [JsonPropertyName("scoped_token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ScopedToken { get; set; }
}

[JsonSerializable(typeof(CreateRequestDto))]
internal sealed partial class BenchJsonContext : JsonSerializerContext
{
}
