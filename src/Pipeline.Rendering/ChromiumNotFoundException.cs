namespace Pipeline.Rendering;

/// <summary>
/// Chromium, which draws the PNG charts, is not installed where we look. Thrown before any output is
/// written, so the caller can still write the HTML report and tell the user how to get PNGs.
/// </summary>
public sealed class ChromiumNotFoundException : Exception
{
    /// <summary>Builds the message from the paths that were tried.</summary>
    public ChromiumNotFoundException(IReadOnlyList<string> searched)
        : base(BuildMessage(searched))
    {
        Searched = searched;
    }

    /// <summary>Every path that was looked at, in order, so the user sees why none was taken.</summary>
    public IReadOnlyList<string> Searched { get; }

    private static string BuildMessage(IReadOnlyList<string> searched) =>
        $"Chromium not found (looked at {string.Join(", ", searched)}); PNG charts need it: " +
        $"run 'apt-get install chromium', set {PngRenderer.ChromiumVariable} to a Chromium executable, or write the report without PNGs.";
}
