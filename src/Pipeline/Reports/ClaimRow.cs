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

    /// <summary>"inferred" when the article does not state the mention's date itself (our inference from the
    /// record, see <see cref="Mention.DateBasis"/>), else "stated".</summary>
    public string DateOrigin => View.Mention.DateInferred ? "inferred" : "stated";

    /// <summary>The sources as "title (publisher) url; …", each not checked here followed by " [unverified]".</summary>
    public string SourcesText => Check is null ? "" : string.Join("; ", Check.Sources.Select(s => $"{s.Title} ({s.Publisher}) {s.Url}{(s.Verified ? "" : " " + UnverifiedMark)}"));

    /// <summary>The marker put after a citation we could not check here.</summary>
    public const string UnverifiedMark = "[unverified]";

    /// <summary>The record's dates as "2014-06-25 (label); …".</summary>
    public string RecordDates => Check is null ? "" : string.Join("; ", Check.RecordDates.Select(d => $"{d.Date:yyyy-MM-dd} ({d.Label})"));

    /// <summary>Rows for every mention, in catalog order.</summary>
    public static IReadOnlyList<ClaimRow> For(IReadOnlyList<MentionView> views) => views.Select(v => new ClaimRow(v, v.Mention.ClaimCheck)).ToList();
}
