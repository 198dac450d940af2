using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace OnyxGen.Serialization;

/// <summary>Writes request bodies straight to UTF-8 (no intermediate objects), with the exact wire names.</summary>
internal static class RequestWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };

    // One buffer and writer per thread, reused: a request then allocates only its final bytes, not a growing buffer.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static ReadOnlyMemory<byte> Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArrayBufferWriter<byte> buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        try
        {
            write(writer, state);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            // Don't keep a large body's buffer alive on the thread.
            if (buffer.Capacity > 64 * 1024)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>The <c>ConnectorUpdateRequest</c> body shared by connector create and update.</summary>
    public static ReadOnlyMemory<byte> ConnectorRequest(ConnectorRequestFields fields) => Write(fields, static (w, f) =>
    {
        w.WriteStartObject();
        w.WriteString("name"u8, f.Name);
        w.WriteString("source"u8, f.Config.Descriptor.Source.Value);
        w.WriteString("input_type"u8, f.InputType.ToWire());
        w.WritePropertyName("connector_specific_config"u8);
        f.Config.WriteJson(w);
        w.WriteString("access_type"u8, f.AccessType.ToWire());
        WriteSeconds(w, "refresh_freq"u8, f.RefreshFreq);
        WriteSeconds(w, "prune_freq"u8, f.PruneFreq);
        if (f.IndexingStart is DateTime start)
        {
            // The server stores a naive datetime; send it without an offset so nothing is silently shifted.
            w.WriteString("indexing_start"u8, start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        }

        w.WriteStartArray("groups"u8);
        foreach (int group in f.Groups ?? [])
        {
            w.WriteNumberValue(group);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteSeconds(Utf8JsonWriter writer, ReadOnlySpan<byte> name, TimeSpan? value)
    {
        if (value is TimeSpan span)
        {
            writer.WriteNumber(name, (long)span.TotalSeconds);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

/// <summary>Everything a connector create or update sends.</summary>
internal readonly record struct ConnectorRequestFields(
    string Name,
    IConnectorConfig Config,
    InputType InputType,
    AccessType AccessType,
    TimeSpan? RefreshFreq,
    TimeSpan? PruneFreq,
    DateTime? IndexingStart,
    IReadOnlyList<int>? Groups);
