using System.Globalization;
using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>
/// Re-runs a recorded <c>report</c> command inside the library, for notebooks (which have no command line)
/// and for <see cref="Verification"/>. Reads exactly the options <see cref="ReportWriter.Command"/> writes.
/// </summary>
public static class ReportReplay
{
    /// <summary>Turns recorded <c>report</c> arguments back into inputs and the output folder.</summary>
    /// <exception cref="ArgumentException">Not a report command, or an option it does not know.</exception>
    public static (ReportInputs Inputs, string OutDir) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "report")
        {
            throw new ArgumentException($"not a report command: {string.Join(" ", args)}");
        }

        var events = new List<string>();
        string? article = null, articles = null, country = null, outDir = null;
        DateOnly? from = null, to = null;
        var intensity = IntensityOptions.Default;
        var study = EventStudyOptions.Default;
        for (var i = 1; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--events": events.Add(Value()); break;
                case "--article": article = Value(); break;
                case "--articles": articles = Value(); break;
                case "--country": country = Value(); break;
                case "--from": from = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--to": to = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--bin": intensity = intensity with { Bin = Bins.Parse(Value()) }; break;
                case "--imprecise": intensity = intensity with { Imprecise = Value() == "spread" ? ImprecisePolicy.Spread : ImprecisePolicy.Band }; break;
                case "--window": study = study with { Window = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--seed": study = study with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--out": outDir = Value(); break;
                case "--no-png": break;
                default: throw new ArgumentException($"unknown report option {args[i]}");
            }
        }

        var inputs = new ReportInputs
        {
            EventFiles = events,
            ArticleId = article ?? throw new ArgumentException("the command records no --article"),
            ArticlesFolder = articles ?? throw new ArgumentException("the command records no --articles"),
            Filter = new EventFilter { Country = country, From = from, To = to },
            Intensity = intensity,
            Study = study,
        };
        return (inputs, outDir ?? throw new ArgumentException("the command records no --out"));
    }

    /// <summary>A re-run callback for <see cref="Verification.Verify"/> that handles report commands in-process.</summary>
    public static (int Code, string Error) Rerun(IReadOnlyList<string> args)
    {
        try
        {
            var (inputs, outDir) = Parse(args);
            var analysis = ReportAnalysis.Run(inputs);
            ReportWriter.WriteAsync(analysis, outDir, null).GetAwaiter().GetResult();
            return (0, "");
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or Events.EventFileException or Articles.ArticleCatalogException)
        {
            return (1, ex.Message);
        }
    }
}
