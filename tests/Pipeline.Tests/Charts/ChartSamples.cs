using System.Globalization;
using System.Text.Json;
using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Tests.Charts;

/// <summary>Small hand-made series, mentions and study results, and helpers to read a figure's JSON.</summary>
internal static class ChartSamples
{
    public const string ScriptParaphrase = "</script><script>alert(1)</script> staged attack";

    public static readonly Coverage Year2019 = new(D("2019-01-01"), D("2019-12-31"));

    public static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    public static ConflictEvent Ev(string date, int deaths = 0, DatePrecision p = DatePrecision.Day, HarmonisedEventType type = HarmonisedEventType.Battles, string? admin1 = "Tripoli", int? low = null, int? high = null) => new()
    {
        Id = date + deaths + admin1,
        Source = EventSource.Acled,
        Date = D(date),
        Precision = p,
        EventType = type.DisplayName(),
        HarmonisedType = type,
        Admin1 = admin1,
        Country = "Libya",
        Fatalities = deaths,
        FatalitiesLow = low,
        FatalitiesHigh = high,
        SourceLine = 2,
    };

    /// <summary>Events for the map: three placed (one with an admin1 that is script text), one without coordinates.</summary>
    public static IReadOnlyList<ConflictEvent> MapEvents() =>
    [
        Ev("2019-04-04", 5) with { Latitude = 32.887654321, Longitude = 13.191234567 },
        Ev("2019-04-05", 1, type: HarmonisedEventType.Protests, admin1: "Misratah") with { Latitude = 32.3754, Longitude = 15.0925 },
        Ev("2019-10-10", 3, type: HarmonisedEventType.ViolenceAgainstCivilians, admin1: "<b>Sirte</b>") with { Latitude = 31.2089, Longitude = 16.5887 },
        Ev("2019-01-03", 2),
    ];

    /// <summary>One mention window holding the first two map events.</summary>
    public static IReadOnlyList<Pipeline.Charts.MapWindow> MapWindows() => [new("3. Tripoli offensive (2019-04-04)", [.. MapEvents().Take(2)])];

    /// <summary>Weekly events over 2019 with one month-dated (imprecise) event.</summary>
    public static IntensitySeries Weekly(bool withImprecise = true)
    {
        var events = new List<ConflictEvent> { Ev("2019-01-03", 2), Ev("2019-04-04", 5), Ev("2019-04-05", 1), Ev("2019-10-10", 3) };
        if (withImprecise)
        {
            events.Add(Ev("2019-06-15", 4, DatePrecision.Month));
        }

        return IntensityCalculator.Compute(events, IntensityOptions.Default, D("2019-01-01"), D("2019-12-31"));
    }

    public static IntensitySeries WeeklyWithUcdpBand() =>
        IntensityCalculator.Compute([Ev("2019-04-04", 10, low: 8, high: 15), Ev("2019-05-02", 2)], IntensityOptions.Default, D("2019-01-01"), D("2019-12-31"));

    private static Mention Point(string id, int paragraph, string paraphrase, string date, DatePrecision precision = DatePrecision.Day) =>
        new(id, [paragraph], paraphrase, MentionKind.Point, D(date), D(date), precision, ["Libya"], []);

    private static Mention Period(string id, int paragraph, string paraphrase, string start, string end, DatePrecision precision) =>
        new(id, [paragraph], paraphrase, MentionKind.Period, D(start), D(end), precision, ["Libya"], []);

    /// <summary>
    /// One day-dated point inside coverage, one period inside, one month-dated point (studied as its month, so
    /// shaded), and two mentions outside coverage.
    /// </summary>
    public static Article OpEd(string offensiveParaphrase = "Haftar's offensive on Tripoli") => new(
        "sample-op-ed",
        "A sample op-ed",
        "A. Writer",
        "Sample Outlet",
        D("2020-01-03"),
        null,
        "en",
        "Libya",
        11,
        [
            Point("tripoli-offensive", 5, offensiveParaphrase, "2019-04-04"),
            Period("chad-libya", 6, "Chad–Libya conflict", "1978-01-01", "1987-12-31", DatePrecision.Year),
            Period("wagner", 7, "Russian mercenaries reported", "2019-09-01", "2019-11-30", DatePrecision.Month),
            Point("gna-request", 8, "GNA asks Turkey for support", "2019-12-01", DatePrecision.Month),
            Point("death-sentence", 6, "death sentence", "1993-01-01", DatePrecision.Year),
        ]);

    public static IReadOnlyList<MentionView> Views(Article? article = null) =>
        MentionView.For(article ?? OpEd(), Year2019, BinUnit.IsoWeek);

    public static IReadOnlyList<IntensitySeries> ByType() =>
        IntensityCalculator.Split(
            [Ev("2019-01-03"), Ev("2019-01-04", type: HarmonisedEventType.Protests), Ev("2019-02-10"), Ev("2019-03-01", p: DatePrecision.Month)],
            IntensityOptions.Default with { Bin = BinUnit.Month },
            D("2019-01-01"),
            D("2019-03-31"),
            e => e.HarmonisedType.DisplayName());

    /// <summary>Four admin1 units with 4, 3, 2 and 1 events over three months.</summary>
    public static IReadOnlyList<IntensitySeries> ByAdmin1() =>
        IntensityCalculator.Split(
            [
                Ev("2019-01-03", admin1: "Tripoli"), Ev("2019-01-04", admin1: "Tripoli"), Ev("2019-02-10", admin1: "Tripoli"), Ev("2019-03-10", admin1: "Tripoli"),
                Ev("2019-01-05", admin1: "Benghazi"), Ev("2019-02-05", admin1: "Benghazi"), Ev("2019-03-05", admin1: "Benghazi"),
                Ev("2019-02-07", admin1: "Sirte"), Ev("2019-03-07", admin1: "Sirte"),
                Ev("2019-03-09", admin1: "Murzuq"),
            ],
            IntensityOptions.Default with { Bin = BinUnit.Month },
            D("2019-01-01"),
            D("2019-03-31"),
            e => e.Admin1);

    public static IReadOnlyList<EventStudyResult> StudyResults() =>
    [
        new(new StudyTarget("tripoli-offensive", "tripoli-offensive", D("2019-04-04"), D("2019-04-04"), false), CoverageStatus.Inside,
            new WindowEffect(1.0, 3.5, 2.5, 3.5, 0.5, 4.5, 0.04, 1.2, 8.0), new WindowEffect(2, 10, 8, 5, 1, 15, 0.01, null, null),
            new PlaceboSummary(500, -2.0, 2.0), null, 4, 4),
        new(new StudyTarget("wagner", "wagner", D("2019-09-01"), D("2019-11-30"), true), CoverageStatus.Inside,
            new WindowEffect(2.0, 1.5, -0.5, 0.75, null, null, null, null, null), null, null, "interval and p-value not computable: only 12 placebo windows", 13, 13),
        new(new StudyTarget("chad-libya", "chad-libya", D("1978-01-01"), D("1987-12-31"), true), CoverageStatus.Outside,
            null, null, null, "outside the data's coverage: nothing to measure", 0, 0),
    ];

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement[] Traces(JsonElement figure) => [.. figure.GetProperty("data").EnumerateArray()];

    public static string[] TraceNames(JsonElement figure) => Traces(figure).Select(t => t.GetProperty("name").GetString()!).ToArray();

    public static JsonElement Trace(JsonElement figure, string name) => Traces(figure).Single(t => t.GetProperty("name").GetString() == name);

    public static JsonElement[] Shapes(JsonElement figure) =>
        figure.GetProperty("layout").TryGetProperty("shapes", out var s) ? [.. s.EnumerateArray()] : [];

    public static JsonElement[] Annotations(JsonElement figure) =>
        figure.GetProperty("layout").TryGetProperty("annotations", out var a) ? [.. a.EnumerateArray()] : [];

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
