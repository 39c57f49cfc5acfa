using System.Text.RegularExpressions;
using Plotly.NET;

namespace Pipeline.Charts;

/// <summary>
/// The plotly.js that Plotly.NET ships inside its own assembly. Reports inline it so a page works with no
/// network at all; reading it from the package (rather than a copy in this repository) keeps the script and the
/// Plotly.NET that wrote the figure JSON at matching versions.
/// </summary>
public static partial class PlotlyAssets
{
    private static readonly Lazy<(string Resource, string Version)> Script = new(FindScript);
    private static readonly Lazy<string> ScriptText = new(() => Read(Script.Value.Resource));
    private static readonly Lazy<string> LicenseTextValue = new(() => Read(Script.Value.Resource + ".LICENSE.txt"));

    /// <summary>The minified plotly.js source, to be inlined once per HTML page.</summary>
    public static string PlotlyJs => ScriptText.Value;

    /// <summary>The plotly.js version (e.g. <c>2.28.0</c>), for the manifest and method notes.</summary>
    public static string Version => Script.Value.Version;

    /// <summary>The third-party licence notices plotly.js's header points to; a report that inlines the script can carry them.</summary>
    public static string LicenseText => LicenseTextValue.Value;

    private static (string, string) FindScript()
    {
        var names = typeof(GenericChart).Assembly.GetManifestResourceNames()
            .Select(n => (Name: n, Match: ScriptResource().Match(n)))
            .Where(x => x.Match.Success)
            .ToList();
        return names.Count == 1
            ? (names[0].Name, names[0].Match.Groups[1].Value)
            : throw new InvalidOperationException(
                $"expected one embedded plotly-<version>.min.js in {typeof(GenericChart).Assembly.GetName().Name}, found {names.Count}; has the Plotly.NET package changed?");
    }

    private static string Read(string resource)
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource {resource} is missing from Plotly.NET");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^Plotly\.NET\.plotly-(\d+\.\d+\.\d+)\.min\.js$")]
    private static partial Regex ScriptResource();
}
