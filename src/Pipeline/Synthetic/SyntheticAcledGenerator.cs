using System.Collections.Immutable;
using System.Globalization;
using Pipeline.Events;
using Pipeline.Statistics;
using Pipeline.Text;

namespace Pipeline.Synthetic;

/// <summary>
/// Writes the project's default data: a seeded, synthetic, ACLED-format (2023 export layout) Libya
/// event file. It exists because real ACLED rows may not be redistributed, yet every chart, notebook
/// and test needs a realistic file to run on; it is labelled so that nobody mistakes it for ACLED data.
/// </summary>
/// <remarks>
/// <para>
/// Recognising the data: every row has <c>source</c> = "Synthetic (Pipeline generator)", a
/// <c>tags</c> value containing "synthetic", and notes starting "SYNTHETIC:". Reports built on it must
/// say SYNTHETIC.
/// </para>
/// <para>
/// Quiet and intense stretches come from a seeded Markov chain over seven-day blocks (see
/// <see cref="RegimeSwitchingProcess"/>); no mention date from the op-ed or any other real date is
/// used, so patterns around mentions in this data are chance, not construction.
/// </para>
/// <para>
/// Determinism: a project-owned PRNG (<see cref="SplitMix64"/>), integer-only arithmetic, invariant
/// culture, UTF-8 without BOM, LF line ends and hand-written RFC 4180 quoting. Same options → same
/// bytes on every platform and .NET version; a different seed gives a different file. Rows are written
/// newest first, as ACLED's exports are; ids (LBY1, LBY2, …) count up in date order.
/// </para>
/// </remarks>
public static class SyntheticAcledGenerator
{
    /// <summary>File name of the committed default file under <c>data/events/</c>; ".synthetic." in the name is a further marker.</summary>
    public const string DefaultFileName = "libya-2011-2020.synthetic.acled.csv";

    /// <summary>
    /// Writes the header and all rows to <paramref name="output"/> (left open) and returns what was written.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="SyntheticOptions.Validate"/>).</exception>
    public static SyntheticSummary Write(Stream output, SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var root = new SplitMix64(options.Seed);

        // Three independent streams, forked in a fixed order: phases, day counts, event details.
        var process = new RegimeSwitchingProcess(root.Fork());
        SplitMix64 dayCounts = root.Fork();
        var factory = new SyntheticEventFactory(root.Fork());

        int days = options.End.DayNumber - options.Start.DayNumber + 1;
        int blocks = (days + 6) / 7;
        var (phases, weeklyRates) = process.Simulate(blocks);

        var events = new List<SyntheticEvent>();
        for (int day = 0; day < days; day++)
        {
            DateOnly date = options.Start.AddDays(day);
            int block = day / 7;
            int count = RegimeSwitchingProcess.DrawDayCount(dayCounts, weeklyRates[block]);
            for (int i = 0; i < count; i++)
            {
                events.Add(factory.Create(date, phases[block]));
            }
        }

        using (var text = new StreamWriter(output, Rfc4180Writer.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true))
        {
            using var csv = new Rfc4180Writer(text);
            csv.WriteRecord(AcledExportLayout2023.Columns);
            for (int i = events.Count - 1; i >= 0; i--)
            {
                csv.WriteRecord(ToFields(events[i], i + 1, options.Country));
            }
        }

        var counts = events
            .GroupBy(e => e.Kind.EventType, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        return new SyntheticSummary(
            options.Seed,
            events.Count,
            events.Count > 0 ? events[0].Date : null,
            events.Count > 0 ? events[^1].Date : null,
            counts,
            events.Sum(e => (long)e.Fatalities),
            options.Start,
            phases);
    }

    /// <summary>
    /// Writes the file atomically: into a temporary file in the same folder, then moved over
    /// <paramref name="path"/>, so a reader never sees half a file and a failed run leaves the old one.
    /// The folder is created if missing.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty or the options are invalid.</exception>
    public static SyntheticSummary WriteFile(string path, SyntheticOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (File.Exists(path) && !OutputFiles.IsSpecial(path) && new FileInfo(path).Length > 0 && !IsWrittenByGenerator(path))
        {
            throw new ArgumentException(
                $"{path} exists and is not a synthetic dataset written by this generator (its first row's source is not '{SyntheticEventFactory.SourceMarker}'); it is left alone. Write to another file, or move it away first");
        }

        return AtomicFile.Write(path, stream => Write(stream, options));
    }

    /// <summary>True when the file's first data row carries the generator's source marker, so replacing it destroys nothing a person wrote.</summary>
    private static bool IsWrittenByGenerator(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        var first = reader.ReadLine();
        return header is not null && header.StartsWith("event_id_cnty,", StringComparison.Ordinal)
            && first is not null && first.Contains("," + SyntheticEventFactory.SourceMarker + ",", StringComparison.Ordinal);
    }

    internal static string[] ToFields(SyntheticEvent e, int number, string country) =>
    [
        LibyaGeography.IsoAlpha3 + number.ToString(CultureInfo.InvariantCulture),
        e.Date.ToString("dd MMMM yyyy", CultureInfo.InvariantCulture),
        e.Date.Year.ToString(CultureInfo.InvariantCulture),
        e.TimePrecision.ToString(CultureInfo.InvariantCulture),
        e.Kind.DisorderType,
        e.Kind.EventType,
        e.Kind.SubEventType,
        e.Actor1.Name,
        e.AssocActor1,
        e.Actor1.Inter.ToString(CultureInfo.InvariantCulture),
        e.Actor2?.Name ?? "",
        e.AssocActor2,
        (e.Actor2?.Inter ?? 0).ToString(CultureInfo.InvariantCulture),
        e.Interaction.ToString(CultureInfo.InvariantCulture),
        e.CivilianTargeting ? "Civilian targeting" : "",
        LibyaGeography.IsoNumeric.ToString(CultureInfo.InvariantCulture),
        LibyaGeography.Region,
        country,
        e.Place.Admin1,
        e.Place.Admin1,
        "",
        e.Place.Town,
        FormatDegrees(e.LatitudeE4),
        FormatDegrees(e.LongitudeE4),
        e.GeoPrecision.ToString(CultureInfo.InvariantCulture),
        SyntheticEventFactory.SourceMarker,
        e.SourceScale,
        e.Notes,
        e.Fatalities.ToString(CultureInfo.InvariantCulture),
        e.Tags,
        e.Timestamp.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>Ten-thousandths of a degree as text with exactly four decimals, without floating point.</summary>
    private static string FormatDegrees(int e4)
    {
        string sign = e4 < 0 ? "-" : "";
        int magnitude = Math.Abs(e4);
        return sign
            + (magnitude / 10_000).ToString(CultureInfo.InvariantCulture)
            + "."
            + (magnitude % 10_000).ToString("D4", CultureInfo.InvariantCulture);
    }
}
