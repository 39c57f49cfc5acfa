using System.Text;
using Pipeline.Events;
using Pipeline.Synthetic;
using Xunit.Abstractions;

namespace Pipeline.Tests.Fuzzing;

/// <summary>
/// Seeded mutation fuzzing of the CSV readers (ACLED, every layout fixture, and UCDP GED): valid files are
/// truncated, have bytes flipped, delimiters and quotes dropped or doubled, NULs, invalid UTF-8 and stray
/// BOMs inserted, line ends turned into lone CRs, lines duplicated. Every case must end in located
/// rejections or one clear file-level error, never an unhandled exception, with no row unaccounted for.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public sealed class EventReaderFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 6000;
    private const int DefaultSeed = 20260101;

    /// <summary>The undamaged files: every valid layout fixture plus 150 rows of the synthetic default data.</summary>
    internal static IReadOnlyList<(string Name, byte[] Bytes)> Bases()
    {
        string[] fixtures =
        [
            "acled-2016-api-dump-index-column.csv", "acled-2017-upper-case-headers.csv", "acled-2018-export-iso-dates.csv",
            "acled-2020-export-long-dates.csv", "acled-2023-na-cells.csv", "acled-2024-text-inter-codes-crlf.csv",
            "acled-quoted-newline-in-notes.csv", "acled-spreadsheet-resaved-dates.csv", "acled-time-precision-mix.csv",
            "acled-trailing-empty-fields.csv", "acled-utf8-bom.csv", "ucdp-ged-bulk-iso-dates.csv", "ucdp-ged-country-download-crlf-48-fields.csv",
        ];
        var bases = fixtures.Select(f => (f, File.ReadAllBytes(TestPaths.Events(f)))).ToList();
        bases.Add(("synthetic-150-rows.csv", SyntheticSample(150)));
        return bases;
    }

    /// <summary>The first rows of the generator's output (not a copy of any real file).</summary>
    internal static byte[] SyntheticSample(int rows)
    {
        using var stream = new MemoryStream();
        SyntheticAcledGenerator.Write(stream, new SyntheticOptions());
        var text = Encoding.UTF8.GetString(stream.ToArray());
        var end = 0;
        for (var i = 0; i <= rows; i++)
        {
            end = NextRecordEnd(text, end);
        }

        return Encoding.UTF8.GetBytes(text[..end]);
    }

    /// <summary>The index just past the record that starts at <paramref name="start"/> (quotes respected).</summary>
    private static int NextRecordEnd(string text, int start)
    {
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == '\n' && !quoted)
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    [Fact]
    public void Undamaged_bases_load_cleanly_so_damage_is_what_the_fuzzer_measures()
    {
        using var tmp = new TempFolder();
        foreach (var (name, bytes) in Bases())
        {
            var path = tmp[name];
            File.WriteAllBytes(path, bytes);
            var table = EventLoader.Load(path);

            // The quoted-newline fixture keeps one deliberately bad row (fatalities "x") after its multi-line note.
            var deliberate = name == "acled-quoted-newline-in-notes.csv" ? 1 : 0;
            Assert.True(table.Rejected == deliberate && table.Loaded > 0, $"{name}: {table.Loaded} loaded, {table.Rejected} rejected");
        }
    }

    [Fact]
    public void Mutated_csv_files_end_in_rows_or_located_rejections_or_one_clear_error()
    {
        var bases = Bases();
        using var tmp = new TempFolder();
        var expected = new Dictionary<string, long>();
        foreach (var (name, bytes) in bases)
        {
            File.WriteAllBytes(tmp[name], bytes);
            expected[name] = EventLoader.Load(tmp[name]).RowsRead;
        }

        var cases = FuzzFiles.Cases(DefaultCases);
        var first = FuzzFiles.FirstSeed(DefaultSeed);
        var tally = new FuzzTally();
        var preserved = 0;
        for (var seed = first; seed < first + cases; seed++)
        {
            var fuzz = FuzzCase.Make(bases, seed);
            var path = tmp[$"case-{seed}.csv"];
            File.WriteAllBytes(path, fuzz.Bytes);
            preserved += fuzz.KeepsRecordBoundaries ? 1 : 0;
            var result = EventReaderCheck.Check(path, fuzz.KeepsRecordBoundaries ? expected[fuzz.BaseName] : null);
            EventReaderCheck.AddTo(tally, result, $"seed {seed} ({fuzz.Describe()})");
            if (result.Failure is not null)
            {
                FuzzFiles.Keep(fuzz.Describe(), fuzz.Bytes, ".csv");
            }

            File.Delete(path);
        }

        output.WriteLine($"{tally.Cases} cases: {tally.Loaded} loaded ({tally.RowsRead} records, {tally.RowsRejected} rejected with a location), {tally.FileErrors} file-level errors, {tally.Failures} failures; {preserved} cases kept record boundaries and were counted against the undamaged file");
        Reliability.Record(
            ReliabilityArea.Fuzzing,
            "CSV readers (ACLED layouts, UCDP GED): mutated files",
            $"{bases.Count} valid bases × {Mutation.All.Count} operators (truncate, byte flips, commas/quotes dropped or doubled, NUL, invalid UTF-8, stray BOM, lone-CR line ends, duplicated lines), 1–4 per case; lax and strict mode",
            $"{cases} files (seeds {first}–{first + cases - 1})",
            $"{tally.Failures} unhandled exceptions or unlocated rejections, {tally.RowsUnaccounted} rows unaccounted in {tally.Cases} mutated files ({tally.Loaded} loaded with {tally.RowsRejected} located rejections, {tally.FileErrors} clear file-level errors)");
        Assert.True(tally.Failures == 0, tally.Report());
        Assert.Equal(0, tally.RowsUnaccounted);
    }

    [Fact]
    public void Regression_fixtures_found_by_the_fuzzer_stay_fixed()
    {
        var files = Directory.GetFiles(FuzzFiles.RegressionFolder).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var tally = new FuzzTally();
        foreach (var file in files)
        {
            switch (Path.GetExtension(file))
            {
                case ".csv":
                    EventReaderCheck.AddTo(tally, EventReaderCheck.Check(file), Path.GetFileName(file));
                    break;
                case ".xlsx":
                    EventReaderCheck.AddTo(tally, EventReaderCheck.Check(file, linesKnown: false), Path.GetFileName(file));
                    break;
                case ".json" when Path.GetFileName(file).StartsWith("manifest-", StringComparison.Ordinal):
                    var mex = Record.Exception(() => Pipeline.Reports.Manifest.Read(file));
                    var clear = mex is null || (mex is Pipeline.Reports.ManifestFormatException m && m.ManifestPath == file);
                    tally.Add(clear ? FuzzOutcome.FileError : FuzzOutcome.Failure, failure: clear ? null : $"{Path.GetFileName(file)}: {mex}");
                    break;
                case ".ipynb" or ".dib":
                    var nex = Record.Exception(() => Pipeline.Notebooks.NotebookFile.Read(file));
                    var named = nex is null || (nex is Pipeline.Notebooks.NotebookFormatException n && n.Path == file);
                    tally.Add(named ? FuzzOutcome.FileError : FuzzOutcome.Failure, failure: named ? null : $"{Path.GetFileName(file)}: {nex}");
                    break;
                case ".json":
                    var ex = Record.Exception(() => Pipeline.Articles.ArticleCatalog.LoadFile(file));
                    var located = ex is null || (ex is Pipeline.Articles.ArticleCatalogException a && a.File == file && a.Line >= 1);
                    tally.Add(located ? FuzzOutcome.Loaded : FuzzOutcome.Failure, failure: located ? null : $"{Path.GetFileName(file)}: {ex}");
                    break;
                default:
                    Assert.Fail($"{file}: regression fixtures are .csv, .xlsx, .json (article, or manifest-*.json), .ipynb or .dib");
                    break;
            }
        }

        Assert.True(tally.Failures == 0, tally.Report());
        Assert.Equal(files.Count, tally.Cases);
    }
}
