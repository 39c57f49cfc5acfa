using System.Globalization;
using System.Text;
using Pipeline.Events;
using Pipeline.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Reports;

/// <summary>One name per admin1 area when sources are compared, the original names kept (issue 16 part 3).</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class Admin1CrosswalkTests
{
    private const string UcdpLibya = "ucdp-ged-libya/conflict_libya.csv";

    private static readonly string[] AcledLibya =
    [
        "acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv",
        "acled-africa-2016-sample/acled_libya_only.csv",
        "acled-africa-2017/acled_2017_libya_only.csv",
        "acled-libya-2020-02/2020_02_libya.csv",
        "acled-global-2020-04-05/acled_libya_only.csv",
    ];

    [Theory]
    [InlineData(EventSource.UcdpGed, "Misrata district", "Misratah")] // the example: suffix dropped, spelling reconciled
    [InlineData(EventSource.Acled, "Misratah", "Misratah")] // ACLED 2011–2017 spelling is the canonical one
    [InlineData(EventSource.Acled, "Misrata", "Misratah")] // ACLED 2020 spelling
    [InlineData(EventSource.UcdpGed, "Surt district", "Surt")]
    [InlineData(EventSource.Acled, "Sirt", "Surt")]
    [InlineData(EventSource.UcdpGed, "Jabal al-Akhdra district", "Al Jabal al Akhdar")]
    [InlineData(EventSource.Acled, "Al Jabal Al Akhdar", "Al Jabal al Akhdar")]
    [InlineData(EventSource.UcdpGed, "Wādī al Ḩayāt district", "Wadi Al Hayat")]
    [InlineData(EventSource.UcdpGed, "Tarhūnah district", "Tarhūnah")] // not listed: UCDP's suffix rule only
    [InlineData(EventSource.UcdpGed, "Misrata", "Misrata")] // the ACLED row does not apply to UCDP names
    [InlineData(EventSource.Acled, "Qasr Nowhere", "Qasr Nowhere")] // not listed: unchanged
    [InlineData(EventSource.Acled, "Tajura wa an Nawahi al Arba", "Tajura wa an Nawahi al Arba")] // a different unit from Tripoli, never merged
    [InlineData(EventSource.Acled, "Nowhere district", "Nowhere district")] // the suffix rule is UCDP's only
    [InlineData(EventSource.UcdpGed, " district", " district")] // a bare suffix is not emptied
    [InlineData(EventSource.UcdpGed, "", "")]
    public void Names_map_to_their_canonical_name_and_anything_unlisted_passes_through(EventSource source, string name, string expected) =>
        Assert.Equal(expected, Admin1Crosswalk.Default.Canonical(source, "Libya", name));

    [Fact]
    public void The_crosswalk_is_scoped_by_country_and_keeps_null()
    {
        Assert.Equal("Misratah", Admin1Crosswalk.Default.Canonical(EventSource.Acled, " libya ", "Misrata"));
        Assert.Equal("Misrata", Admin1Crosswalk.Default.Canonical(EventSource.Acled, "Egypt", "Misrata"));
        Assert.Equal("Misrata", Admin1Crosswalk.Default.Canonical(EventSource.UcdpGed, "Egypt", "Misrata district"));
        Assert.Null(Admin1Crosswalk.Default.Canonical(EventSource.UcdpGed, "Libya", null));
    }

    [Fact]
    public void The_embedded_table_is_the_data_file_and_every_line_has_a_basis()
    {
        var file = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "data", "reference", "admin1_crosswalk.csv"));
        var parsed = Admin1Crosswalk.Parse(file);
        Assert.Equal(parsed.Entries, Admin1Crosswalk.Default.Entries);
        Assert.Equal(29, parsed.Entries.Count);
        Assert.All(parsed.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Basis)));
        Assert.All(parsed.Entries.Where(e => e.Source == DataSource.UcdpGed), e => Assert.EndsWith(Admin1Crosswalk.UcdpSuffix, e.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("country,source,name\nLibya,ACLED,A\n", "line 1: header must be")]
    [InlineData("country,source,name,canonical,basis\nLibya,ACLED,A,B\n", "line 2: 4 fields, expected 5")]
    [InlineData("country,source,name,canonical,basis\nLibya,ACLED,A,,why\n", "line 2: field 4 is empty")]
    [InlineData("country,source,name,canonical,basis\nLibya,GDELT,A,B,why\n", "line 2: source 'GDELT' is neither")]
    [InlineData("country,source,name,canonical,basis\nLibya,ACLED,A,B,why\nlibya,ACLED,A,C,why\n", "line 3: 'A' (ACLED, libya) is already mapped on line 2")]
    [InlineData("country,source,name,canonical,basis\nLibya,ACLED,A,B,why\nLibya,UCDP GED,B district,C,why\nLibya,ACLED,B,C,why\n", "line 2: canonical 'B' is itself mapped to 'C' on line 4")]
    public void A_malformed_table_names_its_line(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Admin1Crosswalk.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(Admin1Crosswalk.Resource, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ucdp_Misrata_district_and_Acled_Misratah_are_one_row_when_compared_and_keep_their_names_in_the_table()
    {
        using var tmp = new TempFolder();
        var ucdp = WriteUcdp(tmp["ucdp.csv"], i => i % 4 == 3 ? "Tarhūnah district" : "Misrata district");
        var acled = WriteAcled(tmp["acled.csv"], i => i % 4 == 3 ? "Qasr Nowhere" : "Misratah");
        var a = ReportAnalysis.Run(ReportRun.Inputs(ucdp, acled), load: EventLoadOptions.Uncached);
        Assert.Equal(2, a.Sources.Count);

        // The heatmaps' rows: one name per place in both panels; every event kept.
        var (u, c) = (a.Sources[0], a.Sources[1]);
        Assert.Equal(["Misratah", "Tarhūnah"], u.ByAdmin1Compared.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Misratah", "Qasr Nowhere"], c.ByAdmin1Compared.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(u.Events.Count, u.ByAdmin1Compared.Sum(s => s.TotalEvents), 6);
        Assert.Equal(c.Events.Count, c.ByAdmin1Compared.Sum(s => s.TotalEvents), 6);
        var heatmaps = ReportWriter.Charts(a).Where(f => f.Name.StartsWith("admin1-heatmap-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, heatmaps.Count);
        Assert.All(heatmaps, h => Assert.Contains("\"Misratah\"", h.FigureJson, StringComparison.Ordinal));
        Assert.All(heatmaps, h => Assert.DoesNotContain("Misrata district", h.FigureJson, StringComparison.Ordinal));

        // The table keeps each source's names, the canonical one beside it.
        var table = ReportTables.Build(a).Single(t => t.Name == "admin1_month");
        Assert.Equal(["source", "bin_start", "admin1", "admin1_canonical", "events", "fatalities"], table.Columns);
        var pairs = table.Rows.Select(r => (Source: r[0], Name: r[2], Canonical: r[3])).Distinct().ToList();
        Assert.Equal(
            [(u.Name, "Misrata district", "Misratah"), (u.Name, "Tarhūnah district", "Tarhūnah"), (c.Name, "Misratah", "Misratah"), (c.Name, "Qasr Nowhere", "Qasr Nowhere")],
            pairs.OrderBy(p => p.Source == u.Name ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal(u.Events.Count, table.Rows.Where(r => r[0] == u.Name).Sum(r => double.Parse(r[4], CultureInfo.InvariantCulture)), 6);
    }

    [Fact]
    public void A_one_source_report_compares_nothing_and_is_unchanged()
    {
        using var tmp = new TempFolder();
        var a = ReportAnalysis.Run(ReportRun.Inputs(WriteUcdp(tmp["ucdp.csv"], _ => "Misrata district")), load: EventLoadOptions.Uncached);
        var s = Assert.Single(a.Sources);
        Assert.Same(s.ByAdmin1Monthly, s.ByAdmin1Compared);
        Assert.Null(s.Admin1Canonical);
        Assert.Equal(["source", "bin_start", "admin1", "events", "fatalities"], ReportTables.Build(a).Single(t => t.Name == "admin1_month").Columns);
        Assert.Contains("Misrata district", ReportWriter.Charts(a).Single(f => f.Name.StartsWith("admin1-heatmap", StringComparison.Ordinal)).FigureJson, StringComparison.Ordinal);
    }

    /// <summary>
    /// The residual: UCDP GED's Libya admin1 names that the crosswalk does not bring to any name used in ACLED's Libya
    /// rows (all five real ACLED Libya extracts). Only <c>Tarhūnah district</c> (5 events) is left, see
    /// data/reference/SOURCE.md; every crosswalk line names a value found in these files.
    /// </summary>
    [RealDataFact]
    public void In_the_real_files_every_ucdp_libya_name_but_tarhunah_reaches_an_acled_libya_name()
    {
        var ucdp = Admin1Values(UcdpLibya);
        var acled = AcledLibya.SelectMany(Admin1Values).ToHashSet();
        var crosswalk = Admin1Crosswalk.Default;
        var acledCanonical = acled.Select(n => crosswalk.Canonical(EventSource.Acled, "Libya", n)).ToHashSet(StringComparer.Ordinal);
        var residual = ucdp.Where(n => n.Length > 0 && !acledCanonical.Contains(crosswalk.Canonical(EventSource.UcdpGed, "Libya", n)!))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Tarhūnah district"], residual);
        Assert.Equal(22, ucdp.Count(n => n.Length > 0)); // 22 names (21 in the crosswalk, 1 residual), plus UCDP's empty adm_1 (18 rows)

        // Only variants actually found: each line's name occurs in its source's files.
        foreach (var e in crosswalk.Entries)
        {
            Assert.True(e.Source == DataSource.UcdpGed ? ucdp.Contains(e.Name) : acled.Contains(e.Name), $"crosswalk name '{e.Name}' ({e.Source}) is in no real Libya file");
        }
    }

    private static HashSet<string> Admin1Values(string relative) =>
        EventLoader.Load(TestPaths.Real(relative), EventLoadOptions.Uncached).Events
            .Where(e => e.Country == "Libya").Select(e => e.Admin1 ?? "").ToHashSet(StringComparer.Ordinal);

    private static string WriteUcdp(string path, Func<int, string> admin1)
    {
        var lines = File.ReadAllLines(TestPaths.Fixture("events", "ucdp-ged-bulk-iso-dates.csv"));
        var header = lines[0].Split(',');
        var template = lines[1].Split(',');
        var text = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < 40; i++)
        {
            var day = new DateOnly(2019, 1, 7).AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var row = (string[])template.Clone();
            Set(row, header, "id", (5000 + i).ToString(CultureInfo.InvariantCulture));
            Set(row, header, "relid", "LBY-" + (5000 + i).ToString(CultureInfo.InvariantCulture));
            Set(row, header, "adm_1", admin1(i));
            Set(row, header, "date_start", day);
            Set(row, header, "date_end", day);
            text.Append(string.Join(',', row)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string WriteAcled(string path, Func<int, string> admin1)
    {
        var lines = File.ReadAllLines(TestPaths.Fixture("events", "acled-2018-export-iso-dates.csv"));
        var header = lines[0].Split(',');
        var template = lines[2].Split(',');
        var text = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < 40; i++)
        {
            var date = new DateOnly(2019, 1, 8).AddDays(7 * i);
            var row = (string[])template.Clone();
            var id = (7000 + i).ToString(CultureInfo.InvariantCulture);
            Set(row, header, "data_id", id);
            Set(row, header, "event_id_cnty", "LBY" + id);
            Set(row, header, "event_id_no_cnty", id);
            Set(row, header, "event_date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(row, header, "year", "2019");
            Set(row, header, "admin1", admin1(i));
            text.Append(string.Join(',', row)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static void Set(string[] row, string[] header, string column, string value) => row[Array.IndexOf(header, column)] = value;
}
