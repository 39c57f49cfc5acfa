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
/// Turns a displayed value into the MIME bundle the .NET Interactive kernel gives it (<c>text/html</c> or <c>text/plain</c>). Charts become the project's
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
        // The MIME types are the ones the .NET Interactive kernel sends Jupyter for the same value: HTML alone for the
        // library's types (its kernel extension registers HTML formatters) and for objects, text alone for strings;
        // the kernel adds no text/plain beside HTML, so neither does the runner.
        var html = value switch
        {
            ChartFigure figure => Chart(figure, cellNumber, ref chartsInCell),
            DataFrame frame => Table(frame),
            IEnumerable<Reports.ClaimRow> claims => Reports.HtmlTables.Claims(claims),
            IEnumerable<Intensity.EventStudyResult> study => Reports.HtmlTables.Study(study),
            Reports.CsvTable csv => Reports.HtmlTables.Table(csv),
            _ => null,
        };
        if (html is null && !Formatter.GetPreferredMimeTypesFor(value.GetType()).Contains(HtmlFormatter.MimeType))
        {
            return new DisplayOutput([new(DisplayOutput.PlainText, Plain(value, cellNumber))], executionCount);
        }

        return new DisplayOutput([new(DisplayOutput.Html, html ?? Formatted(value, cellNumber))], executionCount);
    }

    private string Chart(ChartFigure figure, int cellNumber, ref int chartsInCell)
    {
        if (!_chartNames.Add(figure.Name))
        {
            // The same figure shown twice would give two divs with one id; the second gets a name of its own.
            figure = figure.Renamed(NextChartName(cellNumber, ref chartsInCell));
            _chartNames.Add(figure.Name);
        }

        return ChartHtml.Div(figure);
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

    private static string Formatted(object value, int cellNumber)
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

        return Deterministic(html, cellNumber);
    }

    private static string Plain(object value, int cellNumber)
    {
        string plain;
        try
        {
            plain = Formatter.ToDisplayString(value, PlainTextFormatter.MimeType);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            plain = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        return Deterministic(plain, cellNumber);
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
