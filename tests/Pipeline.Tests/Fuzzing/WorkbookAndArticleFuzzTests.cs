using System.IO.Compression;
using System.Text;
using Pipeline.Articles;
using Pipeline.Tests.Events;

namespace Pipeline.Tests.Fuzzing;

/// <summary>
/// Seeded fuzzing of the two other readers: ACLED Excel workbooks (damaged as bytes, which mostly breaks the
/// zip, and as the XML parts inside an intact zip, which reaches the sheet parser) and article JSON. The
/// invariant is the same: a result, located rejections, or one clear error naming the file; never an
/// unhandled exception.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public sealed class WorkbookAndArticleFuzzTests
{
    private const int WorkbookCases = 300;
    private const int ArticleCases = 3000;
    private const int DefaultSeed = 20260202;

    /// <summary>
    /// A 6-row ACLED workbook (2017 upper-case headers, serial, cell and text dates) written once with
    /// <see cref="ExcelWorkbook"/> and committed: OpenXml picks random relationship ids, so a workbook written
    /// on each run would differ in its bytes and the fuzz counts in the README table with it.
    /// </summary>
    private static byte[] Workbook() => File.ReadAllBytes(TestPaths.Fixture("fuzz", "workbook-base.xlsx"));

    private static readonly DateTimeOffset FixedTime = new(2020, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Damages one XML part of the workbook and zips it up again, so the damage gets past the zip layer.</summary>
    private static byte[] DamagePart(byte[] workbook, Random random, List<string> what)
    {
        using var input = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e => (e.FullName, Bytes: Read(e))).ToList();
        var k = random.Next(entries.Count);
        var mutation = Mutation.All[random.Next(Mutation.All.Count)];
        entries[k] = (entries[k].FullName, mutation.Apply(entries[k].Bytes, random));
        what.Add($"{Path.GetFileName(entries[k].FullName)}:{mutation.Name}");
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = FixedTime;
                using var s = entry.Open();
                s.Write(bytes);
            }
        }

        return output.ToArray();
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    [Fact]
    public void Damaged_workbooks_end_in_rows_or_located_rejections_or_one_clear_error()
    {
        var workbook = Workbook();
        using var tmp = new TempFolder();
        File.WriteAllBytes(tmp["base.xlsx"], workbook);
        Assert.Equal(6, Pipeline.Events.EventLoader.Load(tmp["base.xlsx"]).Loaded);

        var first = FuzzFiles.FirstSeed(DefaultSeed);
        var cases = FuzzFiles.Cases(WorkbookCases);
        var tally = new FuzzTally();
        for (var seed = first; seed < first + cases; seed++)
        {
            var random = new Random(seed);
            var what = new List<string>();
            byte[] bytes;
            if (random.Next(3) == 0)
            {
                var mutation = Mutation.All[random.Next(Mutation.All.Count)];
                bytes = mutation.Apply(workbook, random);
                what.Add($"zip:{mutation.Name}");
            }
            else
            {
                bytes = DamagePart(workbook, random, what);
            }

            var name = $"workbook.seed{seed}.{string.Join('+', what).Replace('/', '_').Replace('[', '_').Replace(']', '_')}";
            var path = tmp[$"case-{seed}.xlsx"];
            File.WriteAllBytes(path, bytes);
            var result = EventReaderCheck.Check(path, linesKnown: false);
            EventReaderCheck.AddTo(tally, result, $"seed {seed} ({name})");
            if (result.Failure is not null)
            {
                FuzzFiles.Keep(name, bytes, ".xlsx");
            }

            File.Delete(path);
        }

        Reliability.Record(
            ReliabilityArea.Fuzzing,
            "Excel reader: damaged .xlsx workbooks",
            "a valid 6-row ACLED workbook: bytes of the zip damaged (1 in 3), or one XML part damaged and re-zipped; same operators as CSV",
            $"{cases} workbooks (seeds {first}–{first + cases - 1})",
            $"{tally.Failures} unhandled exceptions or unlocated rejections, {tally.RowsUnaccounted} rows unaccounted ({tally.Loaded} loaded with {tally.RowsRejected} located rejections, {tally.FileErrors} clear file-level errors)");
        Assert.True(tally.Failures == 0, tally.Report());
    }

    /// <summary>JSON-specific damage on top of the byte operators: structure characters dropped or doubled.</summary>
    private static readonly Mutation[] JsonMutations =
    [
        .. Mutation.All,
        .. "{}[]:".Select(c => new Mutation($"drop-{Name(c)}", (b, r) => Mutation.Remove(b, r, (byte)c))),
        .. "{}[]:".Select(c => new Mutation($"double-{Name(c)}", (b, r) => Mutation.Duplicate(b, r, (byte)c))),
    ];

    private static string Name(char c) => c switch { '{' => "open-brace", '}' => "close-brace", '[' => "open-bracket", ']' => "close-bracket", _ => "colon" };

    [Fact]
    public void Damaged_article_json_is_an_article_or_one_located_error()
    {
        (string Name, byte[] Bytes)[] bases =
        [
            ("minimal-article.json", File.ReadAllBytes(TestPaths.Fixture("articles", Path.Combine("valid", "minimal-article.json")))),
            ("shipped-article.json", File.ReadAllBytes(Path.Combine(TestPaths.Project.Articles, "2020-01-03-daily-sabah-libya-turkey.json"))),
        ];
        using var tmp = new TempFolder();
        var first = FuzzFiles.FirstSeed(DefaultSeed);
        var cases = FuzzFiles.Cases(ArticleCases);
        var (valid, errors, failures) = (0, 0, new List<string>());
        for (var seed = first; seed < first + cases; seed++)
        {
            var random = new Random(seed);
            var (baseName, bytes) = bases[random.Next(bases.Length)];
            var what = new List<string>();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var m = JsonMutations[random.Next(JsonMutations.Length)];
                bytes = m.Apply(bytes, random);
                what.Add(m.Name);
            }

            var name = $"{Path.GetFileNameWithoutExtension(baseName)}.seed{seed}.{string.Join('+', what)}";
            var path = tmp[$"case-{seed}.json"];
            File.WriteAllBytes(path, bytes);
            try
            {
                ArticleCatalog.LoadFile(path);
                valid++;
            }
            catch (ArticleCatalogException ex) when (ex.File == path && ex.Line is >= 1 && !string.IsNullOrWhiteSpace(ex.Reason) && !string.IsNullOrWhiteSpace(ex.Hint))
            {
                errors++;
            }
            catch (Exception ex)
            {
                var where = ex is ArticleCatalogException a ? $"unlocated error (file {a.File}, line {a.Line}): {a.Message}" : $"unhandled {ex.GetType().Name}: {ex.Message} at {EventReaderCheck.FirstFrame(ex)}";
                failures.Add($"seed {seed} ({name}): {where}");
                FuzzFiles.Keep(name, bytes, ".json");
            }

            File.Delete(path);
        }

        Reliability.Record(
            ReliabilityArea.Fuzzing,
            "Article reader: damaged article JSON",
            $"the fixture and the shipped article × {JsonMutations.Length} operators (byte operators plus braces, brackets and colons dropped or doubled), 1–3 per case",
            $"{cases} files (seeds {first}–{first + cases - 1})",
            $"{failures.Count} unhandled exceptions or errors without file and line ({valid} still valid articles, {errors} located errors)");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} failed:\n" + string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void Regression_invalid_utf8_in_an_article_names_line_and_column()
    {
        var path = Path.Combine(FuzzFiles.RegressionFolder, "article-invalid-utf8-error-had-no-line.json");
        var ex = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.LoadFile(path));
        Assert.Equal(ArticleErrorKind.MalformedJson, ex.Kind);
        Assert.Equal(3, ex.Line);
        Assert.Equal(15, ex.Column);
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }
}
