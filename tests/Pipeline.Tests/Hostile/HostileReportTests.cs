using Pipeline.Reports;
using Pipeline.Tests.Synthetic;

namespace Pipeline.Tests.Hostile;

/// <summary>The hostile report's files, without a browser: formulas neutralised, controls shown, payloads kept as text.</summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public sealed class HostileReportTests
{
    [Fact]
    public async Task Csv_tables_neutralise_every_formula_cell_and_keep_the_text()
    {
        using var tmp = new TempFolder();
        var (output, _) = await HostileInputs.WriteReportAsync(tmp.Path);
        var cells = 0;
        var formulas = 0;
        var unsafeCells = new List<string>();
        var tables = Directory.GetFiles(Path.Combine(output, "tables"), "*.csv").Order(StringComparer.Ordinal).ToList();
        foreach (var file in tables)
        {
            foreach (var row in Rfc4180TestReader.Parse(File.ReadAllText(file)).Skip(1))
            {
                foreach (var cell in row)
                {
                    cells++;
                    if (cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r')
                    {
                        formulas++;
                    }
                    else if (cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell.StartsWith('-') && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _)))
                    {
                        unsafeCells.Add($"{Path.GetFileName(file)}: {cell}");
                    }
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.HostileContent,
            "CSV tables: spreadsheet formulas in data",
            $"= + - @ formulas in events and article text, through all {tables.Count} report tables",
            $"{cells:N0} cells, {formulas} formula cells",
            $"{unsafeCells.Count} formula cells left live; {formulas} neutralised with a leading apostrophe");
        Assert.Empty(unsafeCells);
        Assert.True(formulas >= 4, $"only {formulas} formula cells reached the tables; the test would not notice a regression");
        var rejections = File.ReadAllText(Path.Combine(output, "tables", "rejections.csv"));
        Assert.Contains("<script>window.__pwned='script'", rejections, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_source_holds_payloads_only_as_escaped_text()
    {
        using var tmp = new TempFolder();
        var (output, _) = await HostileInputs.WriteReportAsync(tmp.Path);
        var html = File.ReadAllText(Path.Combine(output, ReportWriter.HtmlFile));
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(html, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase)); // plotly.js, the map's world outlines and one per chart (eight)
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", html, StringComparison.Ordinal);
        Assert.Contains("[U+202E]", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned=&#39;script&#39;", html, StringComparison.Ordinal);
    }
}
