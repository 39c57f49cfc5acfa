namespace Pipeline.Rendering;

/// <summary>
/// How <see cref="PngRenderer"/> lays out the page before it takes screenshots. The viewport and scale are
/// fixed so that two renders of the same HTML give the same pixel sizes. Two separate limits bound the work:
/// <see cref="LoadTimeout"/> covers starting Chromium and loading the page (the slow part on a busy machine),
/// and <see cref="ElementTimeout"/> starts only once the page has loaded, so it bounds a chart that never
/// finishes drawing without ever being spent on a slow browser start.
/// </summary>
public sealed record PngOptions
{
    /// <summary>Wide enough for a full-width Plotly chart beside no side panel.</summary>
    public const int DefaultViewportWidth = 1200;

    /// <summary>Tall enough for one chart at Plotly's default 450 px height with its legend.</summary>
    public const int DefaultViewportHeight = 700;

    /// <summary>
    /// Starting Chromium and parsing a page with embedded plotly.js (~4 MB) takes seconds on two idle cores and
    /// many times that on two busy ones; this is a safety net against a browser that never comes up, not a pace.
    /// </summary>
    public static readonly TimeSpan DefaultLoadTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Once the page has loaded, a Plotly chart draws in well under a second; a chart still blank after this never will.</summary>
    public static readonly TimeSpan DefaultElementTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The defaults above.</summary>
    public static PngOptions Default { get; } = new();

    /// <summary>Viewport width in CSS pixels; device scale factor is always 1, so also in PNG pixels.</summary>
    public int ViewportWidth { get; init; } = DefaultViewportWidth;

    /// <summary>Viewport height in CSS pixels; elements below it are scrolled into view when captured.</summary>
    public int ViewportHeight { get; init; } = DefaultViewportHeight;

    /// <summary>Upper bound for starting Chromium and for the page's load event; it is not a sleep.</summary>
    public TimeSpan LoadTimeout { get; init; } = DefaultLoadTimeout;

    /// <summary>
    /// Upper bound, counted from the page's load event, for each element to become visible and (for a Plotly
    /// chart) drawn; it is not a sleep. An element that is not in the loaded page at all fails at once instead.
    /// </summary>
    public TimeSpan ElementTimeout { get; init; } = DefaultElementTimeout;

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

        if (LoadTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LoadTimeout), LoadTimeout, "load timeout must be positive");
        }

        if (ElementTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ElementTimeout), ElementTimeout, "element timeout must be positive");
        }
    }
}
