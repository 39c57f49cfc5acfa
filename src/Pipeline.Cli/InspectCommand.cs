using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Events;

namespace Pipeline.Cli;

/// <summary><c>pipeline inspect FILE [--strict] [--json] [--no-cache]</c>: a first look at an events file.</summary>
internal static class InspectCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "ACLED or UCDP GED CSV file" };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first row that cannot be loaded (exit 1)" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var noCache = CacheSwitch.Create();
        var command = new Command("inspect", "Load an events file and summarise rows, rejections, span, precision, types and years") { file, strict, json, noCache };
        command.SetAction(parse =>
        {
            var summary = EventSummary.Load(parse.GetValue(file)!, CacheSwitch.Options(parse.GetValue(noCache), stderr) with { Strict = parse.GetValue(strict) });
            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(summary, Json));
            }
            else
            {
                WriteText(summary, stdout);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static void WriteText(EventSummary s, TextWriter o)
    {
        if (s.IsSynthetic)
        {
            o.WriteLine("*** SYNTHETIC DATA: generated, not real events ***");
        }

        o.WriteLine($"file:       {s.File}");
        o.WriteLine($"layout:     {s.Layout}");
        o.WriteLine($"rows:       {s.RowCounts}");
        o.WriteLine($"dates:      {s.FirstDate:yyyy-MM-dd} .. {s.LastDate:yyyy-MM-dd}");
        o.WriteLine($"fatalities: {s.TotalFatalities} (ACLED counts are conservative; UCDP: best estimate)");
        o.WriteLine($"precision:  {string.Join(", ", s.Precision.Select(p => $"{p.Name} {p.Count}"))}");
        if (s.Rejections.Count > 0)
        {
            o.WriteLine("rejections:");
            foreach (var g in s.Rejections)
            {
                var more = g.Count > g.FirstLines.Count ? ", …" : "";
                o.WriteLine($"  {g.Count,6}  {g.Reason} ({g.Where}{more})");
                o.WriteLine($"          hint: {g.Hint}");
            }
        }

        if (s.ControlCharacterCells > 0)
        {
            o.WriteLine($"control characters: {(s.ControlCharacterCells == 1 ? "1 loaded cell holds" : $"{s.ControlCharacterCells} loaded cells hold")} NUL or another invisible control character (see warnings)");
        }

        if (s.Warnings.Count > 0)
        {
            o.WriteLine($"warnings:   {s.Warnings.Count} loaded as written but odd; first:");
            foreach (var w in s.Warnings.Take(EventSummary.LinesPerGroup))
            {
                o.WriteLine($"  line {w.Line}{(w.Column is null ? "" : $", column '{w.Column}'")}: {w.Message}");
            }
        }

        o.WriteLine("event types (harmonised ← as written):");
        foreach (var t in s.EventTypes)
        {
            o.WriteLine($"  {t.Count,6}  {t.Name} ← {t.Detail}");
        }

        if (s.UnknownEventTypes.Count > 0)
        {
            o.WriteLine($"unknown event types (kept): {string.Join(", ", s.UnknownEventTypes.Select(u => $"{u.Name} ({u.Count})"))}");
        }

        o.WriteLine("years:");
        foreach (var y in s.Years)
        {
            o.WriteLine($"  {y.Year}  {y.Events,6} events  {y.Fatalities,7} fatalities");
        }
    }
}
