namespace Pipeline.Rendering;

/// <summary>
/// How <see cref="PngRenderer"/> lays out the page before it takes screenshots. The viewport and scale are
/// fixed so that two renders of the same HTML give the same pixel sizes; the timeout bounds a chart that
/// never finishes drawing instead of hanging the report.
/// </summary>
public sealed record PngOptions
{
    /// <summary>Wide enough for a full-width Plotly chart beside no side panel.</summary>
    public const int DefaultViewportWidth = 1200;

    /// <summary>Tall enough for one chart at Plotly's default 450 px height with its legend.</summary>
    public const int DefaultViewportHeight = 700;

    /// <summary>Plotly with embedded plotly.js (~4 MB) parses and draws well inside this on two cores.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The defaults above.</summary>
    public static PngOptions Default { get; } = new();

    /// <summary>Viewport width in CSS pixels; device scale factor is always 1, so also in PNG pixels.</summary>
    public int ViewportWidth { get; init; } = DefaultViewportWidth;

    /// <summary>Viewport height in CSS pixels; elements below it are scrolled into view when captured.</summary>
    public int ViewportHeight { get; init; } = DefaultViewportHeight;

    /// <summary>Upper bound for loading the page and for each element to render; it is not a sleep.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Throws when a value could not produce a usable screenshot, so a bad option fails before Chromium starts.</summary>
    public void Validate()
    {
        if (ViewportWidth <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ViewportWidth), ViewportWidth, "viewport width must be positive");
        }

        if (ViewportHeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ViewportHeight), ViewportHeight, "viewport height must be positive");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "timeout must be positive");
        }
    }
}
