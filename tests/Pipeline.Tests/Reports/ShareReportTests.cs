using System.Globalization;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;
using Pipeline.Reports;
using Pipeline.Tests.Charts;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Reports;

/// <summary>
/// <c>--share</c> (<see cref="ReportInputs.AggregateOnly"/>): a report that respects ACLED's redistribution terms holds
/// counts only. Every output file is searched for the events' own values; the ordinary report is searched the same
/// way and must hold them, so the search can fail.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ShareReportTests
{
    private const string Acled = "acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv";

    private static ReportInputs Share(params string[] events) => ReportRun.Inputs(events) with { AggregateOnly = true };

    /// <summary>Every file the report wrote (manifest included), as text.</summary>
    private static Dictionary<string, string> Outputs(string folder) =>
        Directory.EnumerateFiles(folder, "*", System.IO.SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);

    /// <summary>The first of <paramref name="ids"/> (all ASCII letters and digits) that occurs anywhere in
    /// <paramref name="text"/>, as <c>text.Contains(id)</c> would find it: an occurrence lies inside one maximal run of
    /// letters and digits, so every substring of every run is looked up once (thousands of ids × a 5 MB page by
    /// Contains took 14 s).</summary>
    private static string? FirstContained(string text, IReadOnlyCollection<string> ids)
    {
        var set = new HashSet<string>(ids, StringComparer.Ordinal);
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        int shortest = ids.Min(i => i.Length), longest = ids.Max(i => i.Length);
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            for (var start = i; start + shortest <= end; start++)
            {
                for (var length = shortest; length <= longest && start + length <= end; length++)
                {
                    if (lookup.TryGetValue(text.AsSpan(start, length), out var found))
                    {
                        return found;
                    }
                }
            }

            i = end;
        }

        return null;
    }

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        using var parser = new TextFieldParser(csv) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    [RealDataFact]
    public async Task Share_report_of_the_real_ACLED_file_holds_no_note_event_id_or_event_coordinate_which_the_default_report_draws()
    {
        using var tmp = new TempFolder();
        var rows = Rows(TestPaths.Real(Acled));
        var notes = rows.Select(r => r["notes"]).Where(n => n.Length > 30).Distinct().ToList();
        var ids = rows.Select(r => r["event_id_cnty"]).Distinct().ToList();
        var coordinates = rows.Select(r => (Lon: Math.Round(double.Parse(r["longitude"], CultureInfo.InvariantCulture), 4), Lat: Math.Round(double.Parse(r["latitude"], CultureInfo.InvariantCulture), 4))).Distinct().ToList();
        Assert.True(notes.Count > 500, $"{notes.Count} notes");
        Assert.True(ids.Count > 700, $"{ids.Count} ids");

        await ReportRun.WriteAsync(Share(TestPaths.Real(Acled)), tmp["share"]);
        await ReportRun.WriteAsync(ReportRun.Inputs(TestPaths.Real(Acled)), tmp["default"]);

        var shared = Outputs(tmp["share"]);
        Assert.Contains("report.html", shared.Keys);
        Assert.DoesNotContain("tables/window_events.csv", shared.Keys);
        foreach (var (file, text) in shared)
        {
            Assert.DoesNotContain(notes, n => text.Contains(n, StringComparison.Ordinal));
            var id = ids.FirstOrDefault(i => text.Contains(i, StringComparison.Ordinal));
            Assert.True(id is null, $"{file} holds event id {id}");
        }

        // Its map draws cell centres only, never an event's own place.
        var sharedPoints = MapPoints(shared["report.html"]);
        Assert.NotEmpty(sharedPoints);
        Assert.All(sharedPoints, p => Assert.True(IsCellCentre(p.Lon) && IsCellCentre(p.Lat), $"({p.Lon}, {p.Lat}) is not a 0.5° cell centre"));
        Assert.Contains("Contents: aggregates only", shared["report.html"], StringComparison.Ordinal);

        // The default report of the same file draws every event at its coordinates: the check above could fail.
        var html = File.ReadAllText(tmp["default/report.html"]);
        var drawn = MapPoints(html).ToHashSet();
        Assert.All(coordinates, c => Assert.Contains(c, drawn));
        Assert.Contains("Contents: event-level data points", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_report_leaves_out_the_event_ids_the_default_report_lists_and_aggregates_rejections_and_actor_dates()
    {
        var ordinaryReport = await ReportRun.WrittenDefaultAsync();
        var shareReport = await ReportRun.WrittenDefaultAsync(aggregateOnly: true);

        var ids = Rows(ordinaryReport["tables/window_events.csv"]).Select(r => r["event_id"]).Distinct().ToList();
        Assert.True(ids.Count > 100, $"{ids.Count} window events in the default report");
        var shared = Outputs(shareReport.Folder);
        Assert.Equal(
            Outputs(ordinaryReport.Folder).Keys.Where(k => k != "tables/window_events.csv").Order(StringComparer.Ordinal),
            shared.Keys.Order(StringComparer.Ordinal));
        Assert.All(ids, i => Assert.True(i.Length > 0 && i.All(char.IsAsciiLetterOrDigit), $"event id '{i}' is not alphanumeric"));
        Assert.Equal(ids[^1], FirstContained($"<td>x{ids[^1]}9</td>", ids)); // the search finds an id inside a longer run, as Contains would
        foreach (var (file, text) in shared)
        {
            var id = FirstContained(text, ids);
            Assert.True(id is null, $"{file} holds event id {id}");
        }

        Assert.Equal("source,file,column,reason,rows", File.ReadLines(shareReport["tables/rejections.csv"]).First());
        var page = shared["report.html"];
        Assert.Contains("<th>Events matched</th><th>Mention windows</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th>Events matched</th><th>First</th><th>Last</th>", File.ReadAllText(ordinaryReport["report.html"]), StringComparison.Ordinal);
        Assert.Contains("id=\"chart-map-synthetic\"", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th>aggregate_only</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("aggregate_only", File.ReadAllText(ordinaryReport["report.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_report_states_its_contents_near_the_top()
    {
        var ordinaryReport = await ReportRun.WrittenDefaultAsync();
        var shareReport = await ReportRun.WrittenDefaultAsync(aggregateOnly: true);

        static string Note(string html)
        {
            var start = html.IndexOf("<p id=\"contents-note\"", StringComparison.Ordinal);
            Assert.True(start > html.IndexOf("id=\"summary\"", StringComparison.Ordinal) && start < html.IndexOf("<h2 id=\"article\">", StringComparison.Ordinal), "the contents note comes right after the summary, before the article");
            return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
        }

        var ordinary = Note(File.ReadAllText(ordinaryReport["report.html"]));
        var shared = Note(File.ReadAllText(shareReport["report.html"]));
        Assert.Contains("event-level data points", ordinary, StringComparison.Ordinal);
        Assert.Contains("synthetic ACLED-format (libya-2011-2020.synthetic.acled.csv) (generated by this project; no licence restrictions)", ordinary, StringComparison.Ordinal);
        Assert.Contains("aggregates only", shared, StringComparison.Ordinal);
        Assert.Contains("0.5&#176; map cell", shared, StringComparison.Ordinal); // ° is HTML-escaped
        Assert.DoesNotContain("event-level data points", shared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AggregateOnly_is_recorded_in_the_manifest_replays_as_true_and_verify_reproduces_the_share_report()
    {
        using var tmp = new TempFolder();
        var ordinaryReport = await ReportRun.WrittenDefaultAsync();
        var shareReport = await ReportRun.WrittenDefaultAsync(aggregateOnly: true);

        var json = File.ReadAllText(shareReport["manifest.json"]);
        Assert.Contains("\"aggregate_only\": true", json, StringComparison.Ordinal);
        Assert.True(ReportReplay.Inputs(Manifest.Read(shareReport["manifest.json"]), shareReport.Folder).AggregateOnly);

        // An ordinary report's manifest does not carry the key (as manifests written before it existed): it reads as false.
        Assert.DoesNotContain("aggregate_only", File.ReadAllText(ordinaryReport["manifest.json"]), StringComparison.Ordinal);
        Assert.False(ReportReplay.Inputs(Manifest.Read(ordinaryReport["manifest.json"]), ordinaryReport.Folder).AggregateOnly);

        var result = Verification.Verify(shareReport["manifest.json"], ReportReplay.Rerun, tmp["work"]);
        Assert.True(result.Success, string.Join("\n", result.Rows.Select(r => $"{r.Check} {r.Path} {r.Detail}")) + result.RerunMessage);
        Assert.Equal(12, result.Matched); // report.html and eleven tables (no window_events.csv)
    }

    private static bool IsCellCentre(double degrees) => Math.Abs((degrees * 4) - Math.Round(degrees * 4)) < 1e-9 && Math.Abs(Math.Round(degrees * 4)) % 2 == 1;

    /// <summary>Every (lon, lat) the page's map figures draw.</summary>
    private static List<(double Lon, double Lat)> MapPoints(string html)
    {
        var points = new List<(double, double)>();
        foreach (var f in FigureJson.FromPage(html).Where(f => f.Id.StartsWith("chart-map-", StringComparison.Ordinal)))
        {
            foreach (var t in f.Data.EnumerateArray().Where(t => t.GetProperty("type").GetString() == "scattergeo"))
            {
                var lon = t.GetProperty("lon").EnumerateArray().Select(e => e.GetDouble());
                var lat = t.GetProperty("lat").EnumerateArray().Select(e => e.GetDouble());
                points.AddRange(lon.Zip(lat));
            }
        }

        return points;
    }
}
