using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Pipeline.Charts;

namespace Pipeline.Notebooks;

/// <summary>
/// Turns a displayed value into a MIME bundle (<c>text/html</c>, <c>text/plain</c>). Charts become the project's
/// deterministic chart div (plotly.js is added once per page by <see cref="NotebookHtml"/>); DataFrames a plain
/// table; everything else goes through .NET Interactive's <see cref="Formatter"/>, with any GUID it emits replaced
/// by a counter so two runs give the same bytes. One instance per run: it remembers which chart ids are taken.
/// </summary>
internal sealed partial class ValueFormatter
{
    /// <summary>Rows of a DataFrame shown in HTML; the plain text has DataFrame's own limit.</summary>
    public const int MaxTableRows = 50;

    private readonly HashSet<string> _chartNames = new(StringComparer.Ordinal);

    public DisplayOutput Format(object value, int cellNumber, int? executionCount, ref int chartsInCell)
    {
        var (html, plain) = value switch
        {
            ChartFigure figure => Chart(figure, cellNumber, ref chartsInCell),
            DataFrame frame => (Table(frame), frame.ToString()),
            IEnumerable<Reports.ClaimRow> claims => (Reports.HtmlTables.Claims(claims), $"{claims.Count().ToString(CultureInfo.InvariantCulture)} claim checks"),
            IEnumerable<Intensity.EventStudyResult> study => (Reports.HtmlTables.Study(study), $"{study.Count().ToString(CultureInfo.InvariantCulture)} event-study results"),
            Reports.CsvTable csv => (Reports.HtmlTables.Table(csv), $"{csv.Name}: {csv.RowCount.ToString(CultureInfo.InvariantCulture)} rows"),
            string s => ($"<pre>{WebUtility.HtmlEncode(s)}</pre>", s),
            _ => Formatted(value, cellNumber),
        };
        return new DisplayOutput([new(DisplayOutput.Html, html), new(DisplayOutput.PlainText, plain)], executionCount);
    }

    private (string, string) Chart(ChartFigure figure, int cellNumber, ref int chartsInCell)
    {
        if (!_chartNames.Add(figure.Name))
        {
            // The same figure shown twice would give two divs with one id; the second gets a name of its own.
            figure = figure.Renamed(NextChartName(cellNumber, ref chartsInCell));
            _chartNames.Add(figure.Name);
        }

        var traces = figure.TraceCount == 1 ? "1 trace" : $"{figure.TraceCount.ToString(CultureInfo.InvariantCulture)} traces";
        return (ChartHtml.Div(figure), $"{figure.Title} ({traces})");
    }

    /// <summary><c>cell{n}-{k}</c>: the chart's HTML id becomes <c>chart-cell{n}-{k}</c>, stable across runs.</summary>
    private string NextChartName(int cellNumber, ref int chartsInCell)
    {
        string name;
        do
        {
            chartsInCell++;
            name = $"cell{cellNumber.ToString(CultureInfo.InvariantCulture)}-{chartsInCell.ToString(CultureInfo.InvariantCulture)}";
        }
        while (_chartNames.Contains(name));

        return name;
    }

    private static (string, string) Formatted(object value, int cellNumber)
    {
        string html;
        try
        {
            html = Formatter.ToDisplayString(value, HtmlFormatter.MimeType);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            html = Fallback(value);
        }

        string plain;
        try
        {
            plain = Formatter.ToDisplayString(value, PlainTextFormatter.MimeType);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            plain = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        return (Deterministic(html, cellNumber), Deterministic(plain, cellNumber));
    }

    /// <summary>
    /// Replaces each distinct GUID with <c>dni-{cell}-{k}</c> (keeping references between elements intact) and
    /// Windows line ends, which the Formatter's style block carries, with <c>\n</c>.
    /// </summary>
    internal static string Deterministic(string text, int cellNumber)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return Guid().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), m =>
        {
            if (!seen.TryGetValue(m.Value, out var id))
            {
                id = $"dni-{cellNumber.ToString(CultureInfo.InvariantCulture)}-{(seen.Count + 1).ToString(CultureInfo.InvariantCulture)}";
                seen[m.Value] = id;
            }

            return id;
        });
    }

    /// <summary>When the Formatter fails: a one-column table for sequences, else the value's text.</summary>
    private static string Fallback(object value)
    {
        if (value is IEnumerable items)
        {
            var sb = new StringBuilder("<table><tbody>");
            foreach (var item in items)
            {
                sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(Cell(item))).Append("</td></tr>");
            }

            return sb.Append("</tbody></table>").ToString();
        }

        return $"<pre>{WebUtility.HtmlEncode(Cell(value))}</pre>";
    }

    /// <summary>A DataFrame as an HTML table: a header of column names, at most <see cref="MaxTableRows"/> rows.</summary>
    internal static string Table(DataFrame frame)
    {
        var sb = new StringBuilder("<table class=\"dataframe\"><thead><tr><th><i>index</i></th>");
        foreach (var column in frame.Columns)
        {
            sb.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        var rows = Math.Min(frame.Rows.Count, MaxTableRows);
        for (long r = 0; r < rows; r++)
        {
            sb.Append("<tr><td><i>").Append(r.ToString(CultureInfo.InvariantCulture)).Append("</i></td>");
            foreach (var column in frame.Columns)
            {
                sb.Append("<td>").Append(WebUtility.HtmlEncode(Cell(column[r]))).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
        if (frame.Rows.Count > rows)
        {
            sb.Append("<p>").Append((frame.Rows.Count - rows).ToString(CultureInfo.InvariantCulture)).Append(" more rows (").Append(frame.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" in all)</p>");
        }

        return sb.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
