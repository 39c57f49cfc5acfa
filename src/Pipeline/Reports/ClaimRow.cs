using Pipeline.Articles;
using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>
/// One line of the claim-check table: what the op-ed implies, what the record says, the verdict and its
/// sources. Mentions without a recorded check appear too, marked as not checked, so none is hidden.
/// </summary>
/// <param name="View">The mention and its coverage.</param>
/// <param name="Check">The recorded claim check, or null when none was made.</param>
public sealed record ClaimRow(MentionView View, ClaimCheck? Check)
{
    /// <summary>The verdict as shown, or "not checked".</summary>
    public string VerdictText => Check?.Verdict.ToString() ?? "not checked";

    /// <summary>The record's dates as "2014-06-25 (label); …".</summary>
    public string RecordDates => Check is null ? "" : string.Join("; ", Check.RecordDates.Select(d => $"{d.Date:yyyy-MM-dd} ({d.Label})"));

    /// <summary>Rows for every mention, in catalog order.</summary>
    public static IReadOnlyList<ClaimRow> For(IReadOnlyList<MentionView> views) => views.Select(v => new ClaimRow(v, v.Mention.ClaimCheck)).ToList();
}
