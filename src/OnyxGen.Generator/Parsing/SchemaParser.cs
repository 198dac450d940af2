using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using OnyxGen.Generator.Diagnostics;
using OnyxGen.Generator.Model;
using OnyxGen.Generator.Naming;

namespace OnyxGen.Generator.Parsing;

/// <summary>
/// Schema file text → <see cref="SchemaModel"/> + located diagnostics. Never throws on bad input: every problem becomes a
/// diagnostic naming the JSON pointer, and a file with an error produces no model (so no code).
/// </summary>
internal sealed partial class SchemaParser
{
    private static readonly HashSet<string> AnnotationKeywords = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "examples", "$anchor",
    };

    private static readonly HashSet<string> KnownFormats = new(StringComparer.Ordinal)
    {
        "uri", "email", "date-time", "date", "uuid", "hostname", "ipv4", "ipv6",
    };

    private static readonly string[] ReservedConfigMembers = { "Descriptor", "WriteJson", "Validate", "ValidateInto", "ValidateJson", "FromJson", "TryRead", "OnyxSchemaNodes", "ToWire", "TryFromWire", "ToString", "Equals", "GetHashCode", "GetType" };
    private static readonly string[] ReservedNestedMembers = { "WriteJson", "Validate", "ValidateInto", "ValidateJson", "FromJson", "TryRead", "ToString", "Equals", "GetHashCode", "GetType" };

    private readonly string _path;
    private readonly LineMap _lines;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<ObjectModel> _types = new();
    private readonly Dictionary<string, string> _defTypeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;
    private UniqueNameScope _nestedTypeNames = new(Array.Empty<string>());
    private JsonObjectNode? _root;
    private bool _hasErrors;

    private readonly Func<string, string?>? _readFile;
    private readonly Dictionary<string, JsonObjectNode?> _otherFiles = new(StringComparer.Ordinal);

    private SchemaParser(string path, byte[] utf8, Func<string, string?>? readFile, CancellationToken cancellationToken)
    {
        _path = path;
        _lines = new LineMap(path, utf8);
        _readFile = readFile;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses one schema file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="text">Its text.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <param name="readFile">Reads another schema file by full path (for <c>$ref</c>s to other files); null when none are referenced.</param>
    public static ParseResult Parse(string path, string text, CancellationToken cancellationToken = default, Func<string, string?>? readFile = null)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var parser = new SchemaParser(path, utf8, readFile, cancellationToken);
        try
        {
            return parser.ParseFile(utf8);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A generator that throws takes the whole compilation's generated code with it (CS8785): never let that happen.
            parser.Report(DiagnosticDescriptors.InvalidJsonId, null, Path.GetFileName(path), "internal error while reading the schema (" + ex.GetType().Name + ": " + ex.Message + ")");
            return new ParseResult(path, null, parser._diagnostics.ToEquatableArray(), null, null);
        }
    }

    private ParseResult ParseFile(byte[] utf8)
    {
        string fileName = Path.GetFileName(_path);
        JsonNode rootNode;
        var duplicates = new List<JsonMember>();
        try
        {
            rootNode = JsonTreeReader.Read(utf8, duplicates, _lines);
        }
        catch (JsonException ex)
        {
            LocationInfo location = ex.LineNumber is long line ? _lines.LocateLine(line, ex.BytePositionInLine ?? 0) : _lines.Locate(0, 0);
            Report(DiagnosticDescriptors.InvalidJsonId, location, fileName, FirstSentence(ex.Message));
            return Result(null, null, null);
        }
        catch (InvalidJsonTextException ex)
        {
            Report(DiagnosticDescriptors.InvalidJsonId, _lines.Locate(ex.ByteOffset, ex.ByteOffset + 1), fileName, ex.Message);
            return Result(null, null, null);
        }

        foreach (JsonMember duplicate in duplicates)
        {
            Report(DiagnosticDescriptors.DuplicateKeyId, _lines.Locate(duplicate.NameStart, duplicate.NameEnd), duplicate.Name, "");
        }

        if (rootNode is not JsonObjectNode root)
        {
            Report(DiagnosticDescriptors.RootNotObjectId, At(rootNode), fileName, "the root is a JSON " + rootNode.KindName);
            return Result(null, null, null);
        }

        _root = root;
        if (root.Get("type") is JsonNode rootType && !(rootType is JsonStringNode { Value: "object" }))
        {
            Report(DiagnosticDescriptors.RootNotObjectId, At(rootType), fileName, "its \"type\" is not \"object\"");
            return Result(null, null, null);
        }

        // Source: x-onyx-source, else the file name before .schema.json.
        string source = fileName.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
            ? fileName.Substring(0, fileName.Length - ".schema.json".Length)
            : Path.GetFileNameWithoutExtension(fileName);
        LocationInfo sourceLocation = _lines.Locate(0, 1);
        if (root.GetMember("x-onyx-source") is JsonMember sourceMember)
        {
            sourceLocation = At(sourceMember.Value);
            if (sourceMember.Value is JsonStringNode sourceValue)
            {
                source = sourceValue.Value;
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, sourceLocation, "x-onyx-source", "/x-onyx-source", "must be a string");
            }
        }

        if (!OnyxVocabulary.Sources.Contains(source))
        {
            Report(DiagnosticDescriptors.UnknownSourceId, sourceLocation, source, "/x-onyx-source");
        }

        string sourceIdentifier = Identifiers.ToMemberName(source, "Source");
        string configTypeName = Identifiers.Bare(sourceIdentifier) + "ConnectorConfig";
        string credentialTypeName = Identifiers.Bare(sourceIdentifier) + "Credential";

        var inputTypes = new List<string>();
        if (root.GetMember("x-onyx-input-types") is JsonMember inputMember)
        {
            if (inputMember.Value is JsonArrayNode inputArray && inputArray.Items.Count > 0)
            {
                foreach (JsonNode item in inputArray.Items)
                {
                    if (item is JsonStringNode { Value: var value } && OnyxVocabulary.InputTypes.Contains(value))
                    {
                        inputTypes.Add(value);
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.UnknownInputTypeId, At(item), item is JsonStringNode s ? s.Value : item.KindName, "/x-onyx-input-types");
                    }
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(inputMember.Value), "x-onyx-input-types", "/x-onyx-input-types", "must be a non-empty array of input types");
            }
        }
        else
        {
            inputTypes.Add(OnyxVocabulary.LoadStateSources.Contains(source) ? "load_state" : "poll");
        }

        string connectorClass = Identifiers.Bare(sourceIdentifier) + "Connector";
        if (root.Get("x-onyx-class") is JsonNode classNode)
        {
            if (classNode is JsonStringNode { Value.Length: > 0 } className)
            {
                connectorClass = className.Value;
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(classNode), "x-onyx-class", "/x-onyx-class", "must be a non-empty string");
            }
        }

        bool permSync = false;
        if (root.Get("x-onyx-perm-sync") is JsonNode permNode)
        {
            if (permNode is JsonBooleanNode permValue)
            {
                permSync = permValue.Value;
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(permNode), "x-onyx-perm-sync", "/x-onyx-perm-sync", "must be true or false");
            }
        }

        // Nested types live inside the config class: their names must not clash with its members or the two top-level types.
        // Nested types live inside the config class, beside its properties: one scope names them all, so they can't clash.
        _nestedTypeNames = new UniqueNameScope(ReservedConfigMembers.Concat(new[] { configTypeName, credentialTypeName }));

        ParseObject(root, configTypeName, ObjectRole.Config, "", isRoot: true);

        string? credentialName = null;
        if (root.Get("x-onyx-credential") is JsonNode credentialNode)
        {
            if (credentialNode is JsonObjectNode credentialObject)
            {
                credentialName = credentialTypeName;
                ParseObject(credentialObject, credentialTypeName, ObjectRole.Credential, "/x-onyx-credential", isRoot: false);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidKeywordValueId, At(credentialNode), "x-onyx-credential", "/x-onyx-credential", "must be an object schema");
            }
        }

        if (_hasErrors)
        {
            return Result(null, source, sourceLocation);
        }

        var model = new SchemaModel(
            _path,
            source,
            Identifiers.Bare(sourceIdentifier),
            KnownSourceProperty(source),
            connectorClass,
            inputTypes.ToEquatableArray(),
            permSync,
            configTypeName,
            credentialName,
            _types.ToEquatableArray(),
            _nodes.Select(n => n!).ToEquatableArray());
        return Result(model, source, sourceLocation);
    }

    private ParseResult Result(SchemaModel? model, string? source, LocationInfo? sourceLocation) =>
        new(_path, model, _diagnostics.ToEquatableArray(), source, sourceLocation);

    private static string KnownSourceProperty(string source) =>
        OnyxVocabulary.Sources.Contains(source) ? Identifiers.Bare(Identifiers.ToMemberName(source, "Source")) : "";

    // A node may come from another schema file (through a $ref): locate it in its own file.
    private LocationInfo At(JsonNode node) => (node.Lines ?? _lines).Locate(node.Start, node.End > node.Start ? node.End : node.Start + 1);

    private LocationInfo AtName(JsonMember member) => (member.Value.Lines ?? _lines).Locate(member.NameStart, member.NameEnd);

    private void Report(string id, LocationInfo? location, params string[] args)
    {
        _diagnostics.Add(DiagnosticInfo.Create(id, location, args));
        if (DiagnosticDescriptors.Find(id)?.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
        {
            _hasErrors = true;
        }
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }

    internal static string Pointer(string parent, string token) => parent + "/" + token.Replace("~", "~0").Replace("/", "~1");
}
