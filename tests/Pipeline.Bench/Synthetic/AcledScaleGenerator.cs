using System.Globalization;
using System.Text;
using Pipeline.Events;
using Pipeline.Statistics;
using Pipeline.Synthetic;
using Pipeline.Text;

namespace Pipeline.Bench;

/// <summary>
/// Writes a benchmark-sized SYNTHETIC ACLED file (2023 export layout) row by row, without holding the
/// rows in memory, so a million-row file costs no more memory to make than a small one. Columns come
/// from the same <see cref="SyntheticEventFactory"/> as the default data; what differs is the scale:
/// dates spread evenly over ACLED's whole coverage, notes as long as real ones (with commas, quotes and
/// the odd line break inside quotes), and a small share of deliberately bad rows.
/// </summary>
/// <remarks>
/// Bad rows (see <see cref="AcledScaleOptions.BadRowsPerMille"/>) come in three kinds, in turn: an
/// impossible date (<c>31 February yyyy</c>), a fatality count that is not a non-negative whole number
/// (<c>unknown</c> or <c>-3</c>), and an empty event type. These three rules are the whole validity test
/// a benchmark needs to apply in other engines to count exactly the rows the loader accepts.
/// </remarks>
public static class AcledScaleGenerator
{
    private static readonly string[] NoteFragments =
    [
        "according to local sources",
        "residents reported heavy gunfire near the main road",
        "the clashes lasted several hours, with reinforcements arriving from the south",
        "a spokesman for the group said the operation was retaliation",
        "property was damaged, including a school, a clinic and several shops",
        "the \"security directorate\" issued a statement the next day",
        "no group claimed responsibility",
        "medical sources confirmed the toll, which may rise",
        "the exact number of casualties is unknown",
        "mediation by local elders, tribal leaders and the municipal council followed",
        "the road was closed for the rest of the day",
        "displaced families returned after the fighting ended",
    ];

    /// <summary>Writes the header and <see cref="AcledScaleOptions.Rows"/> rows to <paramref name="output"/> (left open).</summary>
    /// <returns>The number of rows written that are deliberately invalid.</returns>
    public static int Write(Stream output, AcledScaleOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var root = new SplitMix64(options.Seed);
        var dates = root.Fork();
        var text = root.Fork();
        var factory = new SyntheticEventFactory(root.Fork());
        var span = options.End.DayNumber - options.Start.DayNumber + 1;
        var bad = 0;
        var note = new StringBuilder(640);

        using var writer = new StreamWriter(output, Rfc4180Writer.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
        using var csv = new Rfc4180Writer(writer);
        csv.WriteRecord(AcledExportLayout2023.Columns);
        for (var i = 0; i < options.Rows; i++)
        {
            var date = DateOnly.FromDayNumber(options.Start.DayNumber + dates.NextBelow(span));
            var phase = (SyntheticPhase)dates.NextBelow(3);
            var e = factory.Create(date, phase);
            var fields = SyntheticAcledGenerator.ToFields(e, i + 1, SyntheticOptions.DefaultCountry);
            if (options.LongNotes)
            {
                fields[27] = LongNote(note, e.Notes, text);
            }

            if (text.Chance(options.BadRowsPerMille))
            {
                Spoil(fields, bad++, date);
            }

            csv.WriteRecord(fields);
        }

        return bad;
    }

    /// <summary>Writes the file atomically (temporary file, then moved over <paramref name="path"/>); the folder is created.</summary>
    /// <returns>The number of deliberately invalid rows.</returns>
    public static int WriteFile(string path, AcledScaleOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            int bad;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                bad = Write(stream, options);
            }

            File.Move(temp, full, overwrite: true);
            return bad;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static string LongNote(StringBuilder note, string start, SplitMix64 random)
    {
        // Real ACLED notes run from one to several sentences: here 2–6 fragments, 150–500 characters.
        note.Clear();
        note.Append("On ").Append(start.AsSpan(SyntheticEventFactory.NotePrefix.Length).TrimEnd('.'));
        var fragments = random.NextInRange(2, 6);
        for (var k = 0; k < fragments; k++)
        {
            note.Append(k % 2 == 0 ? ", " : ". ").Append(NoteFragments[random.NextBelow(NoteFragments.Length)]);
        }

        note.Append('.');
        if (random.Chance(10))
        {
            note.Append("\nUpdate: figures revised after a second report.");
        }

        return SyntheticEventFactory.NotePrefix + note;
    }

    private static void Spoil(string[] fields, int kind, DateOnly date)
    {
        switch (kind % 3)
        {
            case 0:
                fields[1] = "31 February " + date.Year.ToString(CultureInfo.InvariantCulture);
                break;
            case 1:
                fields[28] = kind % 2 == 0 ? "-3" : "unknown";
                break;
            default:
                fields[5] = "";
                break;
        }
    }
}
