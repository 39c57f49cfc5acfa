using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Text;

namespace Pipeline.Intensity;

/// <summary>
/// A mention as the analysis sees it: where it falls relative to the data, and what span is studied. Every
/// mention of the article gets one, including those outside coverage, so no table or legend drops any.
/// </summary>
/// <param name="Mention">The mention as catalogued.</param>
/// <param name="Coverage">Inside, partly or outside the data's span.</param>
/// <param name="Target">The span the event study uses.</param>
public sealed record MentionView(Mention Mention, CoverageStatus Coverage, StudyTarget Target)
{
    /// <summary>"¶1,3" style paragraph reference.</summary>
    public string Paragraphs => "¶" + string.Join(",", Mention.Paragraphs);

    /// <summary>The stated date as text, honest about precision: 2019-04-04, 2019-12 (month), 2014 (year), or a range.</summary>
    public string StatedDate => MentionDates.Describe(Mention.Start, Mention.End, Mention.Precision);

    /// <summary>Views of every mention of an article, in catalog order.</summary>
    /// <remarks>
    /// A point mention dated more coarsely than the bin (e.g. "in 2014", "in December 2019") cannot be placed
    /// on one bin, so it is studied as the period its precision spans (that year, that month): inside vs the
    /// same length before.
    /// </remarks>
    public static IReadOnlyList<MentionView> For(Article article, Coverage coverage, BinUnit bin) => For(article, _ => coverage, bin);

    /// <summary>Views of every mention against one source's coverage: each classified against the covered span of its
    /// own scope countries, and <see cref="CoverageStatus.Outside"/> when the source covers none of them.</summary>
    public static IReadOnlyList<MentionView> For(Article article, SourceCoverage coverage, BinUnit bin)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        return For(article, m => coverage.Of(m.ScopeCountries), bin);
    }

    private static IReadOnlyList<MentionView> For(Article article, Func<Mention, Coverage?> coverageOf, BinUnit bin) =>
        article.Mentions.Select(m =>
        {
            var (start, end) = (m.Start, m.End);
            var period = m.Kind == MentionKind.Period;
            if (!period && EventPeriod.IsCoarserThan(m.Precision, bin))
            {
                (start, end) = m.Precision switch
                {
                    DatePrecision.Week => (m.Start, m.Start.AddDays(6)),
                    DatePrecision.Month => (new DateOnly(m.Start.Year, m.Start.Month, 1), new DateOnly(m.Start.Year, m.Start.Month, 1).AddMonths(1).AddDays(-1)),
                    _ => (new DateOnly(m.Start.Year, 1, 1), new DateOnly(m.Start.Year, 12, 31)),
                };
                period = true;
            }

            return new MentionView(m, coverageOf(m)?.Classify(start, end) ?? CoverageStatus.Outside, new StudyTarget(m.Id, m.Id, start, end, period));
        }).ToList();
}

/// <summary>Formats mention dates at the precision they are known to.</summary>
internal static class MentionDates
{
    /// <summary>2019-04-04, 2019-12, 2014, or "a .. b" for spans.</summary>
    public static string Describe(DateOnly start, DateOnly end, DatePrecision precision)
    {
        var a = AtPrecision(start, precision);
        var b = AtPrecision(end, precision);
        return a == b ? a : $"{a} .. {b}";
    }

    /// <summary>One day written to <paramref name="precision"/>: 2019-04-04, 2019-12 or 2014.</summary>
    public static string AtPrecision(DateOnly day, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => day.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
        DatePrecision.Month => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => IsoDate.Format(day),
    };
}
