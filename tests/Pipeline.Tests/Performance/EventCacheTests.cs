using Pipeline.Events;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Performance;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class EventCacheTests
{
    public static TheoryData<string> LoadableFixtures() =>
    [
        "acled-2016-api-dump-index-column.csv", "acled-2017-upper-case-headers.csv", "acled-2018-export-iso-dates.csv",
        "acled-2020-export-long-dates.csv", "acled-2023-na-cells.csv", "acled-2024-text-inter-codes-crlf.csv",
        "acled-bad-rows-one-per-reason.csv", "acled-invalid-utf8-latin1-byte.csv", "acled-malformed-quote.csv",
        "acled-quoted-newline-in-notes.csv", "acled-spreadsheet-resaved-dates.csv", "acled-time-precision-mix.csv",
        "acled-trailing-empty-fields.csv", "acled-unknown-event-type.csv", "acled-utf8-bom.csv",
        "ucdp-ged-bulk-iso-dates.csv", "ucdp-ged-country-download-crlf-48-fields.csv",
    ];

    [Theory]
    [MemberData(nameof(LoadableFixtures))]
    public void Reloading_from_the_cache_gives_the_table_the_csv_gives(string fixture)
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events(fixture);
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) };

        var csv = EventLoader.Load(path);
        var first = EventLoader.Load(path, options);
        var second = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Written, first.Cache!.Outcome);
        Assert.Equal(EventCacheOutcome.Hit, second.Cache!.Outcome);
        TableAssert.Same(csv, first);
        TableAssert.Same(csv, second);
    }

    [Fact]
    public void Reloading_the_synthetic_default_file_from_the_cache_gives_the_same_table()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Project.DefaultEvents;
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) };

        var csv = EventLoader.Load(path);
        EventLoader.Load(path, options);
        var cached = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Hit, cached.Cache!.Outcome);
        Assert.True(cached.IsSynthetic);
        TableAssert.Same(csv, cached);
    }

    [Fact]
    public void A_changed_input_misses_the_cache_and_loads_the_new_content()
    {
        using var temp = new TempFolder();
        var path = temp.File("events.csv");
        File.Copy(TestPaths.Events("acled-2020-export-long-dates.csv"), path);
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.File("cache")) };
        var before = EventLoader.Load(path, options);

        // Same length, different bytes: one fatality count changes.
        var text = File.ReadAllText(path);
        var changed = ReplaceLastFatalities(text);
        Assert.Equal(text.Length, changed.Length);
        File.WriteAllText(path, changed);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var after = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Written, after.Cache!.Outcome);
        Assert.NotEqual(before.Cache!.InputSha256, after.Cache.InputSha256);
        Assert.Equal(4, before.Events[^1].Fatalities);
        Assert.Equal(5, after.Events[^1].Fatalities);
        TableAssert.Same(EventLoader.Load(path), after);
    }

    [Fact]
    public void Verifying_the_input_hash_notices_a_change_that_kept_size_and_time()
    {
        using var temp = new TempFolder();
        var path = temp.File("events.csv");
        File.Copy(TestPaths.Events("acled-2020-export-long-dates.csv"), path);
        var stamp = File.GetLastWriteTimeUtc(path);
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.File("cache")) { VerifyInputHash = true } };
        EventLoader.Load(path, options);

        File.WriteAllText(path, ReplaceLastFatalities(File.ReadAllText(path)));
        File.SetLastWriteTimeUtc(path, stamp);
        var after = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Written, after.Cache!.Outcome);
        TableAssert.Same(EventLoader.Load(path), after);
    }

    [Fact]
    public void A_new_loader_version_misses_the_cache_and_replaces_the_old_entry()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-bad-rows-one-per-reason.csv");
        var v1 = EventLoader.Load(path, EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) });
        var v2 = EventLoader.Load(path, EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) { LoaderVersion = EventCache.LoaderVersion + 1 } });

        Assert.Equal(EventCacheOutcome.Written, v2.Cache!.Outcome);
        Assert.NotEqual(v1.Cache!.EntryPath, v2.Cache.EntryPath);
        Assert.False(File.Exists(v1.Cache.EntryPath));
        TableAssert.Same(v1, v2);
    }

    [Fact]
    public void Both_entries_of_one_file_loaded_with_two_option_sets_stay_in_the_cache()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-2023-na-cells.csv");
        var cache = new EventCacheOptions(temp.Path);
        var na = EventLoader.Load(path, EventLoadOptions.Default with { Cache = cache });
        var none = EventLoader.Load(path, EventLoadOptions.Default with { Cache = cache, MissingValues = [] });

        Assert.True(File.Exists(na.Cache!.EntryPath), "loading with other options deleted the first entry");
        Assert.Equal(EventCacheOutcome.Hit, EventLoader.Load(path, EventLoadOptions.Default with { Cache = cache }).Cache!.Outcome);
        Assert.Equal(EventCacheOutcome.Hit, EventLoader.Load(path, EventLoadOptions.Default with { Cache = cache, MissingValues = [] }).Cache!.Outcome);
        Assert.True(File.Exists(none.Cache!.EntryPath));
    }

    [Fact]
    public void Concurrent_loads_of_one_file_with_two_option_sets_never_report_an_unusable_entry()
    {
        // Two reports run at once on a busy machine: each load may find the other's entry half written
        // (between its two atomic moves). That is not corruption: no warning, and every table is the CSV's.
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-2023-na-cells.csv");
        var reports = new System.Collections.Concurrent.ConcurrentBag<string>();
        var cache = new EventCacheOptions(temp.Path) { Report = reports.Add };
        var expected = new[] { EventLoader.Load(path), EventLoader.Load(path, EventLoadOptions.Default with { MissingValues = [] }) };

        var tables = new EventTable[64];
        Parallel.For(0, tables.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            tables[i] = EventLoader.Load(path, i % 2 == 0 ? EventLoadOptions.Default with { Cache = cache } : EventLoadOptions.Default with { Cache = cache, MissingValues = [] }));

        Assert.Empty(reports);
        for (var i = 0; i < tables.Length; i++)
        {
            TableAssert.Same(expected[i % 2], tables[i]);
        }
    }

    [Fact]
    public void Different_missing_value_markers_use_different_entries()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-2023-na-cells.csv");
        var cache = new EventCacheOptions(temp.Path);
        var na = EventLoader.Load(path, EventLoadOptions.Default with { Cache = cache });
        var none = EventLoader.Load(path, EventLoadOptions.Default with { Cache = cache, MissingValues = [] });

        Assert.Equal(EventCacheOutcome.Written, none.Cache!.Outcome);
        Assert.NotEqual(na.Cache!.EntryPath, none.Cache.EntryPath);
        TableAssert.Same(EventLoader.Load(path, EventLoadOptions.Default with { MissingValues = [] }), none);
    }

    [Fact]
    public void A_corrupt_cache_file_is_reported_and_rebuilt_never_trusted()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-bad-rows-one-per-reason.csv");
        var reports = new List<string>();
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) { Report = reports.Add } };
        var entry = EventLoader.Load(path, options).Cache!.EntryPath;

        var bytes = File.ReadAllBytes(entry);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(entry, bytes);
        var rebuilt = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Rebuilt, rebuilt.Cache!.Outcome);
        Assert.Contains("SHA-256", rebuilt.Cache.Problem, StringComparison.Ordinal);
        Assert.Single(reports);
        Assert.Contains(entry, reports[0], StringComparison.Ordinal);
        TableAssert.Same(EventLoader.Load(path), rebuilt);
        Assert.Equal(EventCacheOutcome.Hit, EventLoader.Load(path, options).Cache!.Outcome);
    }

    [Fact]
    public void A_truncated_cache_file_is_rebuilt()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-2020-export-long-dates.csv");
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) };
        var entry = EventLoader.Load(path, options).Cache!.EntryPath;

        using (var stream = new FileStream(entry, FileMode.Open))
        {
            stream.SetLength(stream.Length / 3);
        }

        var rebuilt = EventLoader.Load(path, options);
        Assert.Equal(EventCacheOutcome.Rebuilt, rebuilt.Cache!.Outcome);
        TableAssert.Same(EventLoader.Load(path), rebuilt);
    }

    [Fact]
    public void A_cache_file_whose_hash_record_is_missing_counts_as_an_interrupted_write()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-2020-export-long-dates.csv");
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) };
        var entry = EventLoader.Load(path, options).Cache!.EntryPath;
        File.Delete(entry + ".sha256");

        var rebuilt = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Rebuilt, rebuilt.Cache!.Outcome);
        Assert.Contains("interrupted", rebuilt.Cache.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cache_file_that_is_not_arrow_but_matches_its_hash_is_still_rejected()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-2020-export-long-dates.csv");
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) };
        var entry = EventLoader.Load(path, options).Cache!.EntryPath;
        var garbage = "not an arrow file at all"u8.ToArray();
        File.WriteAllBytes(entry, garbage);
        File.WriteAllText(entry + ".sha256", EventCache.HashFile(entry));

        var rebuilt = EventLoader.Load(path, options);

        Assert.Equal(EventCacheOutcome.Rebuilt, rebuilt.Cache!.Outcome);
        Assert.Contains("cannot be read", rebuilt.Cache.Problem, StringComparison.Ordinal);
        TableAssert.Same(EventLoader.Load(path), rebuilt);
    }

    [Fact]
    public void Strict_mode_throws_the_first_rejection_also_from_the_cache()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-bad-rows-one-per-reason.csv");
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.Path) };
        var lax = EventLoader.Load(path, options);

        var ex = Assert.Throws<RowRejectedException>(() => EventLoader.Load(path, options with { Strict = true }));
        Assert.Equal(lax.Rejections[0], ex.Rejection);
    }

    [Fact]
    public void A_copy_under_another_name_shares_the_entry_but_reports_its_own_path()
    {
        using var temp = new TempFolder();
        var original = TestPaths.Events("acled-bad-rows-one-per-reason.csv");
        var copy = temp.File("copy.synthetic.csv");
        File.Copy(original, copy);
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp.File("cache")) };
        EventLoader.Load(original, options);

        var fromCopy = EventLoader.Load(copy, options);

        Assert.Equal(EventCacheOutcome.Hit, fromCopy.Cache!.Outcome);
        Assert.Equal(copy, fromCopy.File);
        Assert.All(fromCopy.Rejections, r => Assert.Equal(copy, r.File));
        Assert.True(fromCopy.IsSynthetic);
        TableAssert.Same(EventLoader.Load(copy), fromCopy);
    }

    /// <summary>The fixture's last row reports 4 fatalities; make it 5 (same length, so only the bytes differ).</summary>
    private static string ReplaceLastFatalities(string csv)
    {
        const string before = "Invented clash.,4,";
        Assert.Contains(before, csv, StringComparison.Ordinal);
        return csv.Replace(before, "Invented clash.,5,", StringComparison.Ordinal);
    }
}
