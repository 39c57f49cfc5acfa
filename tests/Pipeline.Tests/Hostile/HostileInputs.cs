using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Reports;
using Pipeline.Tests.Fuzzing;
using Pipeline.Tests.Reports;
using Pipeline.Tests.Synthetic;

namespace Pipeline.Tests.Hostile;

/// <summary>
/// Data text written to attack whoever opens the report: script tags, a script end tag, attributes that
/// run code, javascript: links (Plotly draws &lt;a href&gt; in its labels), bidi overrides that reorder
/// what is shown, a control character, spreadsheet formulas and a 50,000-character value. They are put
/// into event fields (actor, admin1, location, notes, event type, a rejected value) and article fields
/// (title, author, outlet, paraphrases, tags, claim-check record, source titles).
/// </summary>
internal static class HostileInputs
{
    /// <summary>Any script that runs from these sets <c>window.__pwned</c> and opens a dialog.</summary>
    public static readonly string[] Payloads =
    [
        "<script>window.__pwned='script';alert('script')</script>",
        "\"><img src=x onerror=\"window.__pwned='img';alert('img')\">",
        "</script><script>window.__pwned='end-tag';alert('end-tag')</script>",
        "<svg onload=\"window.__pwned='svg';alert('svg')\"></svg>",
        "<a href=\"javascript:window.__pwned='link';alert('link')\">click</a>",
        "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
        "Tripoli \u202Eilopirt\u202C and \u2066isolated\u2069",
        "bell\u0007 and escape\u001b[31m",
        "=HYPERLINK(\"http://example.invalid\",\"click\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "%{x} {{7*7}} ${alert(1)}",
    ];

    /// <summary>A value far longer than any real field.</summary>
    public static readonly string Long = "L" + new string('x', 49_998) + "L";

    /// <summary>The payloads that are HTML/script attacks (the rest are formulas, controls, templates).</summary>
    public static IEnumerable<string> MarkupPayloads => Payloads.Where(p => p.Contains('<', StringComparison.Ordinal));

    /// <summary>
    /// Writes an ACLED-format events file built from the generator's first rows (so it is marked synthetic),
    /// with payloads in every text field of every fourth row, a few unknown event types and one rejected row.
    /// </summary>
    public static (string Path, int Placements) WriteEvents(string folder)
    {
        var records = Rfc4180TestReader.Parse(Encoding.UTF8.GetString(EventReaderFuzzTests.SyntheticSample(3000)));
        var header = records[0];
        int Col(string name) => Array.IndexOf(header, name);
        var placements = 0;
        for (var i = 1; i < records.Count; i++)
        {
            if (i % 4 != 0)
            {
                continue;
            }

            var p = Payloads[(i / 4) % Payloads.Length];
            foreach (var field in new[] { "actor1", "admin1", "location", "notes" })
            {
                records[i][Col(field)] = p;
                placements++;
            }

            if (i % 400 == 0)
            {
                records[i][Col("event_type")] = p;
                placements++;
            }

            if (i == 1000)
            {
                records[i][Col("actor2")] = Long;
                placements++;
            }
        }

        records[7][Col("fatalities")] = Payloads[0];
        placements++;
        var csv = new StringWriter();
        using (var writer = new Pipeline.Text.Rfc4180Writer(csv))
        {
            foreach (var r in records)
            {
                writer.WriteRecord(r);
            }
        }

        var path = System.IO.Path.Combine(folder, "hostile.synthetic.acled.csv");
        File.WriteAllText(path, csv.ToString());
        return (path, placements);
    }

    /// <summary>The shipped article with payloads in its text fields (its id and dates unchanged).</summary>
    public static (string Folder, int Placements) WriteArticle(string folder)
    {
        var json = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(ReportRun.Articles, "2020-01-03-daily-sabah-libya-turkey.json")))!;
        var placements = 0;
        string Next() => Payloads[placements++ % Payloads.Length];
        json["title"] = Next();
        json["author"] = Next();
        json["outlet"] = Next();
        foreach (var m in json["mentions"]!.AsArray())
        {
            m!["paraphrase"] = Next();
            m["tags"] = new JsonArray(Next(), Long);
            placements++;
            if (m["claimCheck"] is JsonObject check)
            {
                check["record"] = Next();
                foreach (var s in check["sources"]?.AsArray() ?? [])
                {
                    s!["title"] = Next();
                }
            }
        }

        var articles = System.IO.Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        File.WriteAllText(System.IO.Path.Combine(articles, "hostile.json"), json.ToJsonString());
        return (articles, placements);
    }

    /// <summary>Builds the hostile report (no PNGs) into <paramref name="folder"/>/out.</summary>
    public static async Task<(string Out, int Placements)> WriteReportAsync(string folder)
    {
        var (events, inEvents) = WriteEvents(folder);
        var (articles, inArticle) = WriteArticle(folder);
        var output = System.IO.Path.Combine(folder, "out");
        await ReportRun.WriteAsync(ReportRun.Inputs(events) with { ArticlesFolder = articles }, output);
        return (output, inEvents + inArticle);
    }
}
