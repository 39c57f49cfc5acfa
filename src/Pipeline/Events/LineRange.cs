namespace Pipeline.Events;

/// <summary>
/// Physical lines of a text file, first to last (1-based, inclusive), as an editor numbers them. A CSV
/// record covers more than one when a quoted field holds line breaks, whether meant (a note written on
/// several lines) or not (a quote left open, which swallows the lines after it).
/// </summary>
/// <param name="First">The first line.</param>
/// <param name="Last">The last line (≥ <paramref name="First"/>).</param>
public sealed record LineRange(long First, long Last)
{
    /// <summary>How many physical lines the range covers.</summary>
    public long Count => Last - First + 1;

    /// <summary><c>3</c> or <c>3–4</c>.</summary>
    public override string ToString() => Last > First ? $"{First}–{Last}" : $"{First}";
}
