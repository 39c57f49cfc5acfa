using System.Globalization;
using Pipeline.Articles;
using Pipeline.Intensity;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// The dates an article's mentions need: the widest window of the report's sensitivity grid
/// (<see cref="Sensitivity.Windows"/> × <see cref="Sensitivity.BinUnits"/>: k = 12 month bins) before the bin
/// holding the earliest mention start, and after the bin holding publication (or the latest mention end, if later).
/// </summary>
/// <param name="From">First day: the first day of the k-th bin before the bin holding <paramref name="EarliestStart"/>, for the bin unit reaching furthest back.</param>
/// <param name="To">Last day: the last day of the k-th bin after the bin holding <paramref name="Anchor"/>, for the bin unit reaching furthest on.</param>
/// <param name="EarliestStart">The earliest mention start.</param>
/// <param name="EarliestMention">The mention that starts then.</param>
/// <param name="Anchor">Publication, or the latest mention end when that is later.</param>
/// <param name="WindowBins">k: the largest window of the grid.</param>
/// <param name="Bin">The bin unit that reaches furthest (month).</param>
public sealed record ArticleSpan(DateOnly From, DateOnly To, DateOnly EarliestStart, string EarliestMention, DateOnly Anchor, int WindowBins, BinUnit Bin)
{
    /// <summary>Days from <see cref="From"/> to <see cref="EarliestStart"/>.</summary>
    public int DaysBefore => EarliestStart.DayNumber - From.DayNumber;

    /// <summary>Days from <see cref="Anchor"/> to <see cref="To"/>.</summary>
    public int DaysAfter => To.DayNumber - Anchor.DayNumber;

    /// <summary>The rule in words, with this article's numbers.</summary>
    public string Rule => $"{WindowBins} {Bins.Name(Bin)} bins (the widest window of the sensitivity grid) before the {Bins.Name(Bin)} holding the earliest mention start ({IsoDate.Format(EarliestStart)}, {EarliestMention}): {DaysBefore} days, "
        + $"and {WindowBins} {Bins.Name(Bin)} bins after the {Bins.Name(Bin)} holding {IsoDate.Format(Anchor)}: {DaysAfter} days";

    /// <summary>The span <paramref name="article"/>'s mentions need.</summary>
    /// <exception cref="ArgumentException">The article has no mentions (nothing needs any dates).</exception>
    public static ArticleSpan For(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Mentions.Count == 0)
        {
            throw new ArgumentException($"article '{article.Id}' has no mentions, so no dates are needed and nothing was fetched; add its mentions first (pipeline mentions suggest, then confirm)");
        }

        var earliest = article.Mentions.OrderBy(m => m.Start).First();
        var anchor = article.Mentions.Select(m => m.End).Append(article.Published).Max();
        var k = Sensitivity.Windows.Max();
        var (from, fromUnit) = Sensitivity.BinUnits.Select(u => (Day: Back(earliest.Start, u, k), Unit: u)).MinBy(x => x.Day);
        var (to, _) = Sensitivity.BinUnits.Select(u => (Day: On(anchor, u, k), Unit: u)).MaxBy(x => x.Day);
        return new ArticleSpan(from, to, earliest.Start, earliest.Id, anchor, k, fromUnit);
    }

    /// <summary>First day of the k-th bin before the bin holding <paramref name="day"/>.</summary>
    private static DateOnly Back(DateOnly day, BinUnit unit, int k)
    {
        var start = Bins.Start(day, unit);
        for (var i = 0; i < k; i++)
        {
            start = Bins.Start(start.AddDays(-1), unit);
        }

        return start;
    }

    /// <summary>Last day of the k-th bin after the bin holding <paramref name="day"/>.</summary>
    private static DateOnly On(DateOnly day, BinUnit unit, int k)
    {
        var start = Bins.Start(day, unit);
        for (var i = 0; i <= k; i++)
        {
            start = Bins.Next(start, unit);
        }

        return start.AddDays(-1);
    }
}

/// <summary>One country of one source in an article fetch: the dates asked for, or why it is skipped.</summary>
/// <param name="Country">The country, spelt as the source's table spells it when it has one (ACLED).</param>
/// <param name="From">First day asked for, or null when skipped.</param>
/// <param name="To">Last day asked for, or null when skipped.</param>
/// <param name="Note">Why the dates were clipped, or why the country is skipped; null when the span was asked for whole.</param>
public sealed record CountrySpan(string Country, DateOnly? From, DateOnly? To, string? Note)
{
    /// <summary>True when the country is asked for.</summary>
    public bool Fetched => From is not null;
}

/// <summary>
/// What <c>pipeline fetch --article ID</c> asks each source for: the article's scope countries (its
/// <c>scopeCountry</c> and every mention's <c>scopeCountries</c>), over <see cref="ArticleSpan"/>, clipped to each
/// source's coverage: ACLED per country from 1 January of its start year (<see cref="AcledCountries"/>) to today;
/// UCDP GED from 1989-01-01 to 31 December of the year before its version's year. A country (or a whole source)
/// with no coverage in the span is skipped with a note saying why; nothing is left out silently.
/// </summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Published">Its publication day.</param>
/// <param name="Countries">Every scope country, in ordinal order.</param>
/// <param name="Needed">The span the mentions need.</param>
/// <param name="Acled">ACLED per country.</param>
/// <param name="UcdpVersion">The GED version asked for.</param>
/// <param name="Ucdp">UCDP GED per country (one span for all; UCDP's coverage is global).</param>
public sealed record ArticleFetchPlan(string ArticleId, DateOnly Published, IReadOnlyList<string> Countries, ArticleSpan Needed, IReadOnlyList<CountrySpan> Acled, string UcdpVersion, IReadOnlyList<CountrySpan> Ucdp)
{
    /// <summary>Plans the fetch for <paramref name="article"/>, offline.</summary>
    /// <param name="article">The article (from the catalog).</param>
    /// <param name="ucdpVersion">GED version, e.g. <c>25.1</c>.</param>
    /// <param name="today">ACLED has nothing after this day.</param>
    /// <exception cref="ArgumentException">No mentions, no scope country, or a GED version whose year cannot be read.</exception>
    public static ArticleFetchPlan For(Article article, string ucdpVersion, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(ucdpVersion);
        var needed = ArticleSpan.For(article);
        var countries = article.Mentions.SelectMany(m => m.ScopeCountries).Append(article.ScopeCountry)
            .Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (countries.Count == 0)
        {
            throw new ArgumentException($"article '{article.Id}' names no scope country (neither scopeCountry nor any mention's scopeCountries), so there is nothing to fetch; set them in its catalog file");
        }

        if (DeclaredCoverage.UcdpVersionYear(ucdpVersion) is not { } year)
        {
            throw new ParameterException($"{{ArticleFetchPlan.UcdpVersion}} must look like 25.1 (GED major.minor, 17 or later), got '{ucdpVersion}'");
        }

        var acled = countries.Select(c => AcledSpan(c, needed, today)).ToList();
        var ucdpEnd = new DateOnly(year - 1, 12, 31);
        var ucdpFrom = Later(needed.From, DeclaredCoverage.UcdpStart);
        var ucdpTo = Earlier(needed.To, ucdpEnd);
        var ucdp = countries.Select(c =>
        {
            if (ucdpFrom > ucdpTo)
            {
                return new CountrySpan(c, null, null, $"skipped: UCDP GED {ucdpVersion} covers {D(DeclaredCoverage.UcdpStart)}..{D(ucdpEnd)}, which does not meet the span {D(needed.From)}..{D(needed.To)}");
            }

            var notes = new List<string>();
            if (ucdpFrom > needed.From)
            {
                notes.Add($"clipped: UCDP GED starts on {D(DeclaredCoverage.UcdpStart)}, so {D(needed.From)}..{D(ucdpFrom.AddDays(-1))} is not asked for");
            }

            if (ucdpTo < needed.To)
            {
                notes.Add($"clipped: UCDP GED {ucdpVersion} ends on {D(ucdpEnd)} (the year before its version's year), so {D(ucdpTo.AddDays(1))}..{D(needed.To)} is not asked for");
            }

            return new CountrySpan(c, ucdpFrom, ucdpTo, notes.Count == 0 ? null : string.Join("; ", notes));
        }).ToList();
        return new ArticleFetchPlan(article.Id, article.Published, countries, needed, acled, ucdpVersion, ucdp);
    }

    /// <summary>
    /// The ACLED queries: countries with the same clipped dates share one query (<c>country=A|B</c>), in order of
    /// their first country. Empty when every country is skipped.
    /// </summary>
    public IReadOnlyList<AcledQuery> AcledQueries() =>
        Acled.Where(c => c.Fetched).GroupBy(c => (c.From!.Value, c.To!.Value))
            .Select(g => new AcledQuery(string.Join('|', g.Select(c => c.Country)), g.Key.Item1, g.Key.Item2)).ToList();

    /// <summary>The UCDP query (every country asked for, one span), or null when the source is skipped.</summary>
    public UcdpQuery? UcdpQuery(UcdpSource source)
    {
        var asked = Ucdp.Where(c => c.Fetched).ToList();
        return asked.Count == 0 ? null : new UcdpQuery(string.Join('|', asked.Select(c => c.Country)), UcdpVersion, source) { From = asked[0].From, To = asked[0].To };
    }

    /// <summary>Every clip and skip, as sentences naming the source and country.</summary>
    public IReadOnlyList<string> Notes =>
        [.. Acled.Where(c => c.Note is not null).Select(c => $"ACLED {c.Country}: {c.Note}"), .. Ucdp.Where(c => c.Note is not null).Select(c => $"UCDP GED {c.Country}: {c.Note}")];

    private static CountrySpan AcledSpan(string country, ArticleSpan needed, DateOnly today)
    {
        var canonical = AcledCountries.StartYears.Keys.FirstOrDefault(k => string.Equals(k, country, StringComparison.OrdinalIgnoreCase));
        if (canonical is null)
        {
            var nearest = NameSuggestion.Nearest(country, AcledCountries.StartYears.Keys.Order(StringComparer.Ordinal));
            return new CountrySpan(country, null, null, $"skipped: '{country}' is not in ACLED's country table ({AcledCountries.Citation}){(nearest is null ? "" : $"; did you mean \"{nearest}\"? Fix the spelling in the article's catalog file")}");
        }

        var year = AcledCountries.StartYears[canonical];
        var start = new DateOnly(year, 1, 1);
        var from = Later(needed.From, start);
        var to = Earlier(needed.To, today);
        if (from > to)
        {
            return new CountrySpan(canonical, null, null, start > needed.To
                ? $"skipped: ACLED covers {canonical} from {year.ToString(CultureInfo.InvariantCulture)}, after the span {D(needed.From)}..{D(needed.To)} ends"
                : $"skipped: the span {D(needed.From)}..{D(needed.To)} lies after today ({D(today)})");
        }

        var notes = new List<string>();
        if (from > needed.From)
        {
            notes.Add($"clipped: ACLED covers {canonical} from {year.ToString(CultureInfo.InvariantCulture)} ({AcledCountries.Citation}), so {D(needed.From)}..{D(from.AddDays(-1))} is not asked for");
        }

        if (to < needed.To)
        {
            notes.Add($"clipped: nothing after today ({D(today)}), so {D(to.AddDays(1))}..{D(needed.To)} is not asked for");
        }

        return new CountrySpan(canonical, from, to, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string D(DateOnly d) => IsoDate.Format(d);
}
