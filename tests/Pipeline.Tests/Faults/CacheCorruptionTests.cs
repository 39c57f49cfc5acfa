using Pipeline.Events;
using Pipeline.Fetch;
using Pipeline.Tests.Fetch;
using Pipeline.Tests.Performance;

namespace Pipeline.Tests.Faults;

/// <summary>
/// Both caches with a truncated or one-byte-altered file, at seeded positions, in the data and in the
/// index/sidecar files: the result always equals a fresh load, and the damaged entry is reported and rebuilt.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Fault)]
[Trait(TestCategory.Trait, TestCategory.Network)]
public sealed class CacheCorruptionTests
{
    private const int Seed = 8;

    /// <summary>A seeded damage: truncate to a length, or flip (XOR 0xFF) one byte.</summary>
    private sealed record Damage(string File, bool Truncate, long At)
    {
        public void Apply(string path)
        {
            if (Truncate)
            {
                using var s = new FileStream(path, FileMode.Open);
                s.SetLength(At);
                return;
            }

            var bytes = System.IO.File.ReadAllBytes(path);
            bytes[At] ^= 0xFF;
            System.IO.File.WriteAllBytes(path, bytes);
        }

        public override string ToString() => Truncate ? $"{File} truncated to {At} bytes" : $"{File} byte {At} flipped";
    }

    /// <summary>Truncations and flips at seeded positions in a file of <paramref name="length"/> bytes (first and last byte always among the flips).</summary>
    private static IEnumerable<Damage> Damages(string name, long length, int flips, int truncations, Random random)
    {
        yield return new Damage(name, false, 0);
        yield return new Damage(name, false, length - 1);
        for (var i = 2; i < flips; i++)
        {
            yield return new Damage(name, false, random.NextInt64(length));
        }

        yield return new Damage(name, true, 0);
        for (var i = 1; i < truncations; i++)
        {
            yield return new Damage(name, true, random.NextInt64(1, length));
        }
    }

    [Fact]
    public void Event_cache_rebuilds_every_truncated_or_altered_entry_and_sidecar()
    {
        using var temp = new TempFolder();
        var path = TestPaths.Events("acled-bad-rows-one-per-reason.csv");
        var reports = new List<string>();
        var options = EventLoadOptions.Default with { Cache = new EventCacheOptions(temp["cache"]) { Report = reports.Add } };
        var fresh = EventLoader.Load(path);
        var entry = EventLoader.Load(path, options).Cache!.EntryPath;
        var pristine = new Dictionary<string, byte[]> { [entry] = File.ReadAllBytes(entry), [entry + ".sha256"] = File.ReadAllBytes(entry + ".sha256") };
        var random = new Random(Seed);
        var damages = Damages("arrow", pristine[entry].Length, 8, 4, random)
            .Concat(Damages("sha256", pristine[entry + ".sha256"].Length, 4, 2, random)).ToList();

        var failures = new List<string>();
        foreach (var damage in damages)
        {
            foreach (var (file, bytes) in pristine)
            {
                File.WriteAllBytes(file, bytes);
            }

            reports.Clear();
            damage.Apply(damage.File == "arrow" ? entry : entry + ".sha256");
            var loaded = EventLoader.Load(path, options);
            try
            {
                Assert.Equal(EventCacheOutcome.Rebuilt, loaded.Cache!.Outcome);
                Assert.Contains(entry, Assert.Single(reports), StringComparison.Ordinal);
                TableAssert.Same(fresh, loaded);
                Assert.Equal(pristine[entry], File.ReadAllBytes(entry));
                Assert.Equal(EventCacheOutcome.Hit, EventLoader.Load(path, options).Cache!.Outcome);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                failures.Add($"{damage}: {ex.Message}");
            }
        }

        Reliability.Record(ReliabilityArea.Faults, "event cache: truncated or altered entry", "Arrow entry and its .sha256 sidecar (acled-bad-rows-one-per-reason.csv)",
            $"{damages.Count} damages: {damages.Count(d => !d.Truncate)} one-byte flips, {damages.Count(d => d.Truncate)} truncations (seed {Seed})",
            $"{damages.Count - failures.Count}/{damages.Count} reported, rebuilt and equal to a fresh load");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Page_cache_refetches_every_truncated_or_altered_page_and_index()
    {
        using var api = new FakeAcledApi();
        using var http = new HttpClient();
        using var temp = new TempFolder();
        for (var i = 1; i <= 7; i++)
        {
            api.Events.Add(FakeAcledApi.Event($"LBY{i}", $"2020-0{i}-15", i % 3, 1600000000 + i));
        }

        var progress = new List<string>();
        var query = new AcledQuery("Libya", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));
        var options = new AcledFetchOptions
        {
            BaseUrl = api.BaseUrl,
            PageSize = 2,
            MaxPagesPerRange = 50,
            Http = new HttpFetchOptions { MaxAttempts = 2, FirstDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxTotalDelay = TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromMinutes(5) },
            Environment = FakeAcledApi.Environment(),
            Progress = line => { lock (progress) { progress.Add(line); } },
        };
        var outDir = temp["fetch"];
        var fresh = await new AcledFetcher(http, options).FetchAsync(query, outDir, FetchMode.Cached, CancellationToken.None);
        var freshCsv = File.ReadAllBytes(fresh.CsvPath);
        var cacheDir = Path.Combine(outDir, "cache");
        var pristine = Directory.EnumerateFiles(cacheDir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        var pages = pristine.Keys.Where(f => f.EndsWith(".json", StringComparison.Ordinal) && f.Contains("pages", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, pages.Count); // 7 rows in pages of 2, then an empty page
        var index = Path.Combine(cacheDir, PageCache.IndexFileName);
        var random = new Random(Seed);
        var damages = pages.Select((p, i) => (File: p, Damage: i % 2 == 0
                ? new Damage($"page {i + 1}", false, random.NextInt64(pristine[p].Length))
                : new Damage($"page {i + 1}", true, random.NextInt64(pristine[p].Length))))
            .Concat(Damages("index.json", pristine[index].Length, 6, 3, random).Select(d => (File: index, Damage: d)))
            .Concat(Damages("index.json.sha256", pristine[index + PageCache.HashSuffix].Length, 3, 2, random).Select(d => (File: index + PageCache.HashSuffix, Damage: d)))
            .ToList();

        var failures = new List<string>();
        foreach (var (file, damage) in damages)
        {
            foreach (var (f, bytes) in pristine)
            {
                File.WriteAllBytes(f, bytes);
            }

            File.Delete(fresh.CsvPath);
            progress.Clear();
            damage.Apply(file);
            var reads = api.Reads.Count;
            try
            {
                var again = await new AcledFetcher(http, options).FetchAsync(query, outDir, FetchMode.Cached, CancellationToken.None);
                Assert.Equal(freshCsv, File.ReadAllBytes(again.CsvPath));
                Assert.True(api.Reads.Count > reads, "nothing was fetched again");
                Assert.Contains(progress, l => l.StartsWith("cache: ", StringComparison.Ordinal)
                    && (l.Contains("SHA-256", StringComparison.Ordinal) || l.Contains("not valid JSON", StringComparison.Ordinal) || l.Contains("missing", StringComparison.Ordinal)));
                if (file != index && file != index + PageCache.HashSuffix)
                {
                    Assert.Equal(1, again.PagesRepaired);
                    Assert.Equal(pristine[file], File.ReadAllBytes(file));
                }

                // Rebuilt: a second run is served wholly from the cache again.
                var reads2 = api.Reads.Count;
                await new AcledFetcher(http, options).FetchAsync(query, outDir, FetchMode.Cached, CancellationToken.None);
                Assert.Equal(reads2, api.Reads.Count);
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException or FetchException)
            {
                failures.Add($"{damage}: {ex.Message}");
            }
        }

        Reliability.Record(ReliabilityArea.Faults, "fetch page cache: truncated or altered page or index", "ACLED pages, index.json and index.json.sha256 against the loopback API (5 pages)",
            $"{damages.Count} damages: {damages.Count(d => !d.Damage.Truncate)} one-byte flips, {damages.Count(d => d.Damage.Truncate)} truncations (seed {Seed})",
            $"{damages.Count - failures.Count}/{damages.Count} reported, fetched again and equal to a fresh fetch");
        Assert.Empty(failures);
    }
}
