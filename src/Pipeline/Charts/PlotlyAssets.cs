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

    /// <summary>The minified plotly.js source, to be inlined once per HTML page.</summary>
    public static string PlotlyJs => ScriptText.Value;

    /// <summary>The plotly.js version (<c>2.28.0</c>), for the manifest and method notes.</summary>
    public static string Version => PlotlyVersion;

    /// <summary>plotly.js's MIT licence and the third-party notices its header points to; a report that inlines the script can carry them.</summary>
    public static string LicenseText => LicenseTextValue.Value;

    private static string Read(string resource)
    {
        using var stream = typeof(PlotlyAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource {resource} is missing from {typeof(PlotlyAssets).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
