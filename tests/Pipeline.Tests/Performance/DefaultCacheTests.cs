using Pipeline.Events;
using Pipeline.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Performance;

/// <summary>
/// The columnar cache as the product uses it by default (<c>inspect</c>, <c>report</c>, <see cref="EventLoader.Load(string)"/>):
/// where it lives, that it only ever touches a folder it owns, that a changed file is never served stale, and that
/// the outputs are the same bytes with and without it.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class DefaultCacheTests
{
    [Fact]
    public void The_default_load_goes_through_the_per_user_cache_and_uncached_turns_it_off()
    {
        Assert.Equal(Path.Combine(TestCache.Root, "pipeline", "events"), EventLoadOptions.Default.Cache!.Folder);
        Assert.Equal(EventLoadOptions.Default.Cache.Folder, EventCacheOptions.DefaultFolder);
        Assert.Null(EventLoadOptions.Uncached.Cache);

        var path = TestPaths.Events("acled-bad-rows-one-per-reason.csv");
        EventLoader.Load(path);
        var again = EventLoader.Load(path);
        var uncached = EventLoader.Load(path, EventLoadOptions.Uncached);

        Assert.Equal(EventCacheOutcome.Hit, again.Cache!.Outcome);
        Assert.StartsWith(EventCacheOptions.DefaultFolder, again.Cache.EntryPath, StringComparison.Ordinal);
        Assert.Null(uncached.Cache);
        TableAssert.Same(uncached, again);
    }

    [Fact]
    public void A_cached_workbook_is_not_served_for_the_same_bytes_named_csv()
    {
        // The entry is keyed by content; the reader the name picks is part of the key, or a workbook loaded once as
        // .xlsx would later "load" from a .csv name that the CSV reader refuses.
        using var temp = new TempFolder();
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp["cache"]) };
        var workbook = temp["events.xlsx"];
        File.Copy(TestPaths.Fixture("fuzz", "workbook-base.xlsx"), workbook);
        Assert.NotEmpty(EventLoader.Load(workbook, options).Events);
        Assert.NotEmpty(EventLoader.Load(workbook, options).Events);

        var asCsv = temp["events.csv"];
        File.Copy(workbook, asCsv);
        var refused = Assert.Throws<EventFileException>(() => EventLoader.Load(asCsv, options));
        Assert.Equal("this file is an Excel workbook (.xlsx, a zip archive), not CSV text", refused.Problem);
    }

    [Fact]
    public void A_new_cache_folder_is_created_and_tagged_as_the_caches_own()
    {
        using var temp = new TempFolder();
        var folder = temp.File("new/cache");
        EventLoader.Load(TestPaths.Events("acled-2018-export-iso-dates.csv"), EventLoadOptions.Default with { Cache = new EventCacheOptions(folder) });

        var tag = File.ReadAllText(Path.Combine(folder, EventCache.TagFile));
        Assert.StartsWith("Signature: 8a477f597d28d172789f06886806bc55", tag, StringComparison.Ordinal);
        Assert.Contains("Pipeline events cache", tag, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_holding_files_the_tool_did_not_write_is_not_used_and_left_as_it_was()
    {
        using var temp = new TempFolder();
        var mine = temp.File("notes.txt");
        File.WriteAllText(mine, "mine");
        var lookalike = temp.File("events-0000-00000000.v2.arrows");
        File.WriteAllText(lookalike, "not a cache entry");
        var messages = new List<string>();
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) { Report = messages.Add } };
        var path = TestPaths.Events("acled-bad-rows-one-per-reason.csv");

        var table = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Unused, table.Cache!.Outcome);
        Assert.Contains("did not write", table.Cache.Problem, StringComparison.Ordinal);
        Assert.Contains(temp.Path, Assert.Single(messages), StringComparison.Ordinal);
        Assert.Equal(["events-0000-00000000.v2.arrows", "notes.txt"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("mine", File.ReadAllText(mine));
        Assert.Equal("not a cache entry", File.ReadAllText(lookalike));
        TableAssert.Same(EventLoader.Load(path, EventLoadOptions.Uncached), table);
    }

    [Fact]
    public void A_tag_another_tool_wrote_is_not_taken_for_the_caches()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File(EventCache.TagFile), "Signature: 8a477f597d28d172789f06886806bc55\n# some other program's cache\n");

        var table = EventLoader.Load(TestPaths.Events("acled-2018-export-iso-dates.csv"), EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) });

        Assert.Equal(EventCacheOutcome.Unused, table.Cache!.Outcome);
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_file_rewritten_within_its_timestamp_granularity_is_hashed_again_not_served_stale()
    {
        // Two writes in one timestamp tick leave size and last-write time as they were; the hash remembered
        // right after the first write is within the racy window, so the second load hashes the file again.
        using var temp = new TempFolder();
        var path = temp.File("events.csv");
        File.Copy(TestPaths.Events("acled-2020-export-long-dates.csv"), path);
        var stamp = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(path, stamp);
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.File("cache")) };
        var before = EventLoader.Load(path, options);

        File.WriteAllText(path, ReplaceLastFatalities(File.ReadAllText(path)));
        File.SetLastWriteTimeUtc(path, stamp);
        var after = EventLoader.Load(path, options);

        Assert.Equal(4, before.Events[^1].Fatalities);
        Assert.Equal(EventCacheOutcome.Written, after.Cache!.Outcome);
        Assert.Equal(5, after.Events[^1].Fatalities);
    }

    [Fact]
    public void A_hash_taken_well_after_the_last_write_is_trusted_while_size_and_time_stay()
    {
        using var temp = new TempFolder();
        var path = temp.File("events.csv");
        File.Copy(TestPaths.Events("acled-2020-export-long-dates.csv"), path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.File("cache")) };
        var first = EventLoader.Load(path, options);
        var memo = Assert.Single(Directory.GetFiles(temp.File("cache/inputs")));
        var remembered = File.GetLastWriteTimeUtc(memo);

        var second = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Hit, second.Cache!.Outcome);
        Assert.Equal(first.Cache!.InputSha256, second.Cache.InputSha256);
        Assert.Equal(remembered, File.GetLastWriteTimeUtc(memo));
    }

    [Fact]
    public void A_changed_file_leaves_no_entry_of_its_earlier_content_behind()
    {
        using var temp = new TempFolder();
        var path = temp.File("events.csv");
        File.Copy(TestPaths.Events("acled-2020-export-long-dates.csv"), path);
        var cache = temp.File("cache");
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(cache) };
        var before = EventLoader.Load(path, options);

        File.WriteAllText(path, ReplaceLastFatalities(File.ReadAllText(path)));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var after = EventLoader.Load(path, options);

        Assert.False(File.Exists(before.Cache!.EntryPath));
        Assert.False(File.Exists(before.Cache.EntryPath + ".sha256"));
        Assert.True(File.Exists(after.Cache!.EntryPath));
    }

    [Fact]
    public void Summarising_a_cached_table_counts_its_columns_without_building_its_events()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Project.DefaultEvents;
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) };
        EventLoader.Load(path, options);
        var hit = EventLoader.Load(path, options);
        Assert.NotNull(hit.Columns);

        var fromColumns = EventSummary.From(hit);

        Assert.False(((ColumnarEvents)hit.Events).IsMaterialised);
        SameSummary(EventSummary.From(EventLoader.Load(path, EventLoadOptions.Uncached)), fromColumns);
    }

    [Theory]
    [InlineData("acled-2016-api-dump-index-column.csv")]
    [InlineData("acled-bad-rows-one-per-reason.csv")]
    [InlineData("acled-time-precision-mix.csv")]
    [InlineData("acled-unknown-event-type.csv")]
    [InlineData("acled-2017-upper-case-headers.csv")]
    [InlineData("ucdp-ged-bulk-iso-dates.csv")]
    public void The_one_pass_summary_gives_what_grouping_the_events_gives(string fixture)
    {
        var table = EventLoader.Load(TestPaths.Events(fixture), EventLoadOptions.Uncached);
        var e = table.Events;

        var s = EventSummary.From(table);

        Assert.Equal(e.Sum(x => (long)x.Fatalities), s.TotalFatalities);
        Assert.Equal(table.DateSpan?.First, s.FirstDate);
        Assert.Equal(table.DateSpan?.Last, s.LastDate);
        Assert.Equal(e.GroupBy(x => x.Precision).OrderBy(g => g.Key).Select(g => new NamedCount(g.Key.ToString(), g.Count())), s.Precision);
        Assert.Equal(
            e.GroupBy(x => x.HarmonisedType).OrderBy(g => g.Key)
                .Select(g => new NamedCount(g.Key.DisplayName(), g.Count(), string.Join("; ", g.Select(x => x.EventType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))),
            s.EventTypes);
        Assert.Equal(e.GroupBy(x => x.Date.Year).OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.Count(), g.Sum(x => (long)x.Fatalities))), s.Years);
    }

    [Fact]
    public void Inspect_prints_the_same_json_with_and_without_the_cache()
    {
        var path = TestPaths.Project.DefaultEvents;
        var uncached = CliRun.Run("inspect", path, "--json", "--no-cache");
        var first = CliRun.Run("inspect", path, "--json");
        var second = CliRun.Run("inspect", path, "--json");

        Assert.Equal(0, uncached.Code);
        Assert.Equal(uncached.Out, first.Out);
        Assert.Equal(uncached.Out, second.Out);
        Assert.Equal("", second.Err);
    }

    [Fact]
    public void Report_writes_the_same_bytes_with_and_without_the_cache()
    {
        using var temp = new TempFolder();
        SameReports(temp, TestPaths.Project.DefaultEvents);
    }

    [RealDataFact]
    public void Report_on_real_ucdp_and_acled_files_writes_the_same_bytes_with_and_without_the_cache()
    {
        using var temp = new TempFolder();
        SameReports(temp, TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"), TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv"));
    }

    /// <summary>Runs <c>report</c> without the cache, then twice with it (the second run reads what the first wrote, if an earlier test had not), and compares every file byte for byte.</summary>
    private static void SameReports(TempFolder temp, params string[] events)
    {
        string[] Args(string outName, params string[] more) =>
            ["report", .. events.SelectMany(e => new[] { "--events", e }), "--articles", TestPaths.Project.Articles, "--out", temp[outName], "--no-png", "--window", "2", .. more];
        // Without a deps.json of its own (the test host) the manifest takes package versions from the loaded
        // assemblies, and Apache.Arrow loads only once a cache is read or written; the pipeline CLI lists it from its
        // deps.json either way. Loading it first gives the in-process runs the CLI's view.
        Assert.NotNull(typeof(Apache.Arrow.RecordBatch).Assembly.GetName().Version);
        var runs = new[] { CliRun.Run(Args("uncached", "--no-cache")), CliRun.Run(Args("first")), CliRun.Run(Args("second")) };
        Assert.All(runs, r => Assert.True(r.Code == 0, r.Err));

        var expected = Directory.GetFiles(temp["uncached"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(temp["uncached"], f)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        foreach (var name in new[] { "first", "second" })
        {
            Assert.Equal(expected, Directory.GetFiles(temp[name], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(temp[name], f)).Order(StringComparer.Ordinal));
            foreach (var file in expected)
            {
                var want = File.ReadAllBytes(Path.Combine(temp["uncached"], file));
                var got = File.ReadAllBytes(Path.Combine(temp[name], file));
                if (file == Manifest.FileName)
                {
                    // The value the manifest itself keeps apart as not reproducible (when the run happened), and the command line as typed.
                    (want, got) = (WithoutRunTime(want), WithoutRunTime(got));
                }

                if (!want.AsSpan().SequenceEqual(got))
                {
                    var a = System.Text.Encoding.UTF8.GetString(want).Split('\n');
                    var b = System.Text.Encoding.UTF8.GetString(got).Split('\n');
                    var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
                    Assert.Fail($"{name}/{file} differs from the uncached run's at line {line + 1}: '{a.ElementAtOrDefault(line)}' vs '{b.ElementAtOrDefault(line)}'");
                }
            }
        }
    }

    private static byte[] WithoutRunTime(byte[] manifest)
    {
        var text = System.Text.Encoding.UTF8.GetString(manifest);
        var time = System.Text.RegularExpressions.Regex.Matches(text, "\"generated_at_utc\": \"[^\"]*\"");
        Assert.Single(time);
        text = text.Replace(time[0].Value, "\"generated_at_utc\": \"\"", StringComparison.Ordinal);

        // The command line is kept for people only (nothing replays it), and it names each run's own --out and --no-cache.
        var command = System.Text.RegularExpressions.Regex.Matches(text, "\"command_line\": \"[^\"]*\"");
        Assert.Single(command);
        return System.Text.Encoding.UTF8.GetBytes(text.Replace(command[0].Value, "\"command_line\": \"\"", StringComparison.Ordinal));
    }

    private static void SameSummary(EventSummary expected, EventSummary actual)
    {
        Assert.Equal(expected.TotalFatalities, actual.TotalFatalities);
        Assert.Equal(expected.FirstDate, actual.FirstDate);
        Assert.Equal(expected.LastDate, actual.LastDate);
        Assert.Equal(expected.Precision, actual.Precision);
        Assert.Equal(expected.EventTypes, actual.EventTypes);
        Assert.Equal(expected.Years, actual.Years);
        Assert.Equal(expected.Loaded, actual.Loaded);
        Assert.Equal(expected.Rejected, actual.Rejected);
    }

    /// <summary>The fixture's last row reports 4 fatalities; make it 5 (same length, so only the bytes differ).</summary>
    private static string ReplaceLastFatalities(string csv)
    {
        const string before = "Invented clash.,4,";
        Assert.Contains(before, csv, StringComparison.Ordinal);
        return csv.Replace(before, "Invented clash.,5,", StringComparison.Ordinal);
    }
}
