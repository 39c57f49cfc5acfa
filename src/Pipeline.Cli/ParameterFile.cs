using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Cli;

/// <summary>
/// papermill's <c>-f params.yaml</c>: a mapping of parameter names to scalar values, in YAML or JSON (a JSON object is
/// YAML too, but <c>.json</c> files are read with System.Text.Json for its error positions). Values become the same
/// text a <c>-p name=value</c> would carry and are typed from the parameters cell's defaults like those.
/// </summary>
internal static class ParameterFile
{
    /// <exception cref="ArgumentException">The file is missing, is not a mapping, or holds a value that is not a scalar;
    /// the message names the file (and line, where the parser gives one).</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"-f '{path}': no such file");
        }

        var text = File.ReadAllText(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Json(path, text) : Yaml(path, text);
    }

    private static List<KeyValuePair<string, string>> Json(string path, string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"-f '{path}', line {(ex.LineNumber + 1)?.ToString(CultureInfo.InvariantCulture) ?? "?"}: not JSON: {ex.Message}", ex);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"-f '{path}': must hold an object of name: value pairs");
            }

            return doc.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new ArgumentException($"-f '{path}': '{p.Name}' must be a string, number or boolean"),
            })).ToList();
        }
    }

    private static List<KeyValuePair<string, string>> Yaml(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ArgumentException($"-f '{path}', line {ex.Start.Line.ToString(CultureInfo.InvariantCulture)}: not YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new ArgumentException($"-f '{path}': must hold a mapping of name: value pairs");
        }

        return mapping.Children.Select(pair =>
        {
            if (pair.Key is not YamlScalarNode { Value: { } name } || pair.Value is not YamlScalarNode { Value: { } value })
            {
                throw new ArgumentException($"-f '{path}', line {pair.Key.Start.Line.ToString(CultureInfo.InvariantCulture)}: '{pair.Key}' must be a name with a scalar value");
            }

            return KeyValuePair.Create(name, value);
        }).ToList();
    }
}
