using Pipeline.Events;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Events;

/// <summary>
/// Every CSV in ../shared/data/real (read in place, never copied). Row counts and fatality sums are the
/// ones stated in each folder's SOURCE.md; first-row values were checked by hand against the files.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class RealFileTests
{
    [RealDataTheory]
    [InlineData("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv", 740, 0, 6194, "LBY812", "2012-03-01", "ACLED 2018 export (29 columns)")]
    [InlineData("acled-libya-2020-02/2020_02_libya.csv", 104, 0, 60, "LBY9289", "2020-02-29", "ACLED 2019–2022 export (31 columns)")]
    [InlineData("acled-africa-2016-sample/acled.csv", 500, 0, 1039, "8188RTA", "2016-07-02", "ACLED 2016 API dump (26 columns)")]
    [InlineData("acled-africa-2016-sample/acled_libya_only.csv", 54, 0, 210, "8016RTA", "2016-07-02", "ACLED 2016 API dump (26 columns)")]
    [InlineData("acled-africa-2017/acled_2017_libya_only.csv", 796, 0, 1514, "5369RTA", "2017-01-01", "ACLED 2017 file, upper-case headers (25 columns)")]
    [InlineData("acled-global-2020-04-05/acled_libya_only.csv", 122, 0, 195, "LBY9970", "2020-05-09", "ACLED 2019–2022 export (31 columns)")]
    [InlineData("acled-format-samples/dkoban_geo_stuff_ACLED_AFG_2020-03.csv", 496, 0, 704, "AFG44631", "2020-03-21", "ACLED 2019–2022 export (31 columns)")]
    [InlineData("acled-format-samples/joshmerfeld_saereplication_acled_BEN_2009-2022.csv", 811, 0, 448, "BEN892", "2022-12-28", "ACLED 2023+ export (31 columns)")]
    [InlineData("acled-format-samples/zachessesjohnson_protest_diffusion_acled_BGD_2022-2024.csv", 5658, 0, 1447, "BGD28031", "2024-08-05", "ACLED 2023+ export (28 columns)")]
    [InlineData("ucdp-ged-libya/conflict_libya.csv", 1120, 0, null, null, null, "UCDP GED country download (47 columns)")]
    [InlineData("ucdp-ged-egypt/conflict_egypt.csv", 845, 0, null, null, null, "UCDP GED country download (47 columns)")]
    public void Loads_real_file_with_every_row_accounted_for(string file, int rows, int rejected, int? fatalities, string? firstId, string? firstDate, string layout)
    {
        var t = EventLoader.Load(TestPaths.Real(file));
        Assert.Equal(rows, t.RowsRead);
        Assert.Equal(t.RowsRead, t.Loaded + t.Rejected);
        Assert.Equal(rejected, t.Rejected);
        Assert.Equal(layout, t.Layout);
        Assert.Empty(t.UnknownEventTypes);
        Assert.False(t.IsSynthetic);
        if (fatalities is { } f)
        {
            Assert.Equal(f, t.Events.Sum(e => e.Fatalities));
        }

        if (firstId is not null)
        {
            Assert.Equal(firstId, t.Events[0].Id);
            Assert.Equal(DateOnly.Parse(firstDate!, System.Globalization.CultureInfo.InvariantCulture), t.Events[0].Date);
        }
    }

    [RealDataFact]
    public void Rejects_only_the_truncated_last_row_of_the_global_2020_file()
    {
        var t = EventLoader.Load(TestPaths.Real("acled-global-2020-04-05/acled.csv"));
        Assert.Equal(5071, t.RowsRead);
        var r = Assert.Single(t.Rejections);
        Assert.Equal(5072, r.Line);
        Assert.Equal("country is missing", r.Reason);
        Assert.Equal(3553, t.Events.Sum(e => e.Fatalities));
    }

    [RealDataFact]
    public void Ucdp_libya_matches_the_yearly_counts_and_best_estimates_in_SOURCE_md()
    {
        var t = EventLoader.Load(TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"));
        var byYear = t.Events.GroupBy(e => e.Date.Year).ToDictionary(g => g.Key, g => (n: g.Count(), best: g.Sum(e => e.Fatalities)));
        Assert.Equal((235, 3914), byYear[2011]);
        Assert.Equal((109, 1455), byYear[2014]);
        Assert.Equal((190, 1850), byYear[2019]);
        Assert.Equal(602, t.Events.Count(e => e.EventType == "State-based conflict"));
        Assert.Equal(476, t.Events.Count(e => e.EventType == "Non-state conflict"));
        Assert.Equal(42, t.Events.Count(e => e.HarmonisedType == HarmonisedEventType.ViolenceAgainstCivilians));
        Assert.Equal(new DateOnly(2008, 11, 5), t.DateSpan!.Value.First);
        Assert.Equal(13, t.Warnings.Count);
    }

    [RealDataFact]
    public void Libya_2011_2012_old_taxonomy_matches_SOURCE_md_and_harmonises()
    {
        var t = EventLoader.Load(TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv"));
        var byType = t.Events.GroupBy(e => e.EventType).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(229, byType["Battle-No change of territory"]);
        Assert.Equal(212, byType["Remote violence"]);
        Assert.Equal(62, byType["Riots/Protests"]);
        Assert.Equal(229 + 97 + 23, t.Events.Count(e => e.HarmonisedType == HarmonisedEventType.Battles));
        Assert.Equal(62, t.Events.Count(e => e.HarmonisedType is HarmonisedEventType.Riots or HarmonisedEventType.Protests));
    }

    [RealDataFact]
    public void Egypt_row_with_date_prec_0_takes_precision_from_its_four_day_span()
    {
        var t = EventLoader.Load(TestPaths.Real("ucdp-ged-egypt/conflict_egypt.csv"));
        var e = Assert.Single(t.Events, x => x.Id == "329582");
        Assert.Equal(DatePrecision.Week, e.Precision);
        Assert.Equal(new DateOnly(2018, 1, 4), e.DateEnd);
    }
}
