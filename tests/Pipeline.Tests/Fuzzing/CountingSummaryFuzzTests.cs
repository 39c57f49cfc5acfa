using Pipeline.Events;
using Pipeline.Tests.Events;

namespace Pipeline.Tests.Fuzzing;

/// <summary>
/// The counting path of <c>inspect</c> (<see cref="EventSummary.Load"/>) against the loaded table's summary on
/// the reader fuzzer's damaged files (truncation, flipped bytes, dropped quotes and delimiters, NULs, invalid
/// UTF-8, lone CRs, duplicated lines): the same JSON, byte for byte, or the same file-level error, on every case.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public sealed class CountingSummaryFuzzTests
{
    private const int DefaultCases = 600;
    private const int DefaultSeed = 20261202;

    [Fact]
    public void Counted_summary_equals_the_loaded_tables_on_every_damaged_file()
    {
        var bases = EventReaderFuzzTests.Bases();
        using var tmp = new TempFolder();
        var first = FuzzFiles.FirstSeed(DefaultSeed);
        var differing = new List<string>();
        var loaded = 0;
        for (var seed = first; seed < first + FuzzFiles.Cases(DefaultCases); seed++)
        {
            var fuzz = FuzzCase.Make(bases, seed);
            var path = tmp[$"case-{seed}.csv"];
            File.WriteAllBytes(path, fuzz.Bytes);
            foreach (var strict in new[] { false, true })
            {
                var (fromTable, counted) = CountingSummaryTests.BothPaths(path, EventLoadOptions.Uncached with { Strict = strict });
                loaded += fromTable.StartsWith('{') ? 1 : 0;
                if (fromTable != counted)
                {
                    differing.Add($"seed {seed} ({fuzz.Describe()}), strict {strict}");
                }
            }

            File.Delete(path);
        }

        Assert.True(differing.Count == 0, $"{differing.Count} cases differ: {string.Join("; ", differing.Take(10))}");
        Assert.True(loaded > DefaultCases / 4, $"only {loaded} cases gave a summary; the comparison must cover loaded files, not only file errors");
    }
}
