namespace Pipeline.Reports;

/// <summary>
/// Renders elements of a report page to PNG files. The core library only defines the contract; the Chromium
/// implementation lives in <c>Pipeline.Rendering</c> so that loading the library never loads a browser driver.
/// </summary>
public interface IChartImageRenderer
{
    /// <summary>Why rendering is impossible on this machine (with how to fix it), or null when it can render.</summary>
    string? Unavailable { get; }

    /// <summary>Screenshots each element (by id) of <paramref name="htmlFile"/> into its PNG path.</summary>
    Task RenderAsync(string htmlFile, IReadOnlyList<(string ElementId, string PngPath)> targets, CancellationToken ct);
}
