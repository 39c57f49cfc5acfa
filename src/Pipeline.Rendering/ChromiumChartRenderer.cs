using Pipeline.Reports;

namespace Pipeline.Rendering;

/// <summary>Renders report charts to PNG with Debian Chromium through Playwright (see <see cref="PngRenderer"/>).</summary>
/// <param name="options">Viewport and timeout.</param>
public sealed class ChromiumChartRenderer(PngOptions options) : IChartImageRenderer
{
    /// <summary>A renderer with <see cref="PngOptions.Default"/>.</summary>
    public ChromiumChartRenderer()
        : this(PngOptions.Default)
    {
    }

    /// <inheritdoc/>
    public string? Unavailable => PngRenderer.FindChromium() is null
        ? "PNGs not written: Chromium not found (looked for $PIPELINE_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser). Install it with `apt-get install chromium`, or write the report without PNGs."
        : null;

    /// <inheritdoc/>
    public Task RenderAsync(string htmlFile, IReadOnlyList<(string ElementId, string PngPath)> targets, CancellationToken ct) =>
        PngRenderer.RenderAsync(htmlFile, targets, options, ct);
}
