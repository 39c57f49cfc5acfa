using System.Text;
using Pipeline.Events;

namespace Pipeline.Tests.Fuzzing;

/// <summary>
/// Whole-file hostile inputs that mutation rarely reaches: 0 bytes, only a BOM, lone-CR line ends, NULs, a
/// 10 MB field, 100,000 columns, an unclosed quote at the top of a large file. Each ends in rows or one
/// clear error, and the two size limits (<see cref="EventLoadOptions.MaxRecordBytes"/>, 1 MiB, and
/// <see cref="EventLoadOptions.MaxColumns"/>, 1,000) keep memory bounded whatever the file holds.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public sealed class HostileFileTests
{
    private const string Header = "event_id_cnty,event_date,time_precision,event_type,actor1,country,notes,fatalities\n";
    private const string GoodRow = "LBY2,2019-04-05,1,Battles,Actor A,Libya,ok,2\n";

    /// <summary>Name, file bytes, and what must happen: rows loaded (≥ 0) or a file-level error mentioning a phrase.</summary>
    public static TheoryData<string> Cases => new(HostileFiles.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, (Func<byte[]> Bytes, int? Loaded, string? Error)> HostileFiles = new()
    {
        ["zero-bytes"] = (() => [], null, "empty (0 bytes)"),
        ["bom-only"] = (() => [0xEF, 0xBB, 0xBF], null, "only a UTF-8 byte order mark"),
        ["bom-and-newlines"] = (() => [0xEF, 0xBB, 0xBF, (byte)'\n', (byte)'\n'], null, "no header row"),
        ["nul-only"] = (() => new byte[4096], null, "4,096 of the first 4,096 bytes are NUL, so this is not CSV text"),
        ["lone-cr-line-ends"] = (() => Encoding.UTF8.GetBytes((Header + GoodRow + GoodRow.Replace("LBY2", "LBY3", StringComparison.Ordinal)).Replace('\n', '\r')), 2, null),
        ["nul-inside-a-field"] = (() => Encoding.UTF8.GetBytes(Header + "LBY2,2019-04-05,1,Battles,Act\0or A,Libya,ok,2\n"), 1, null),
        ["10-mb-unquoted-field"] = (() => Encoding.UTF8.GetBytes(Header + GoodRow + "LBY1,2019-04-04,1,Battles,Actor A,Libya," + new string('a', 10_000_000) + ",5\n" + GoodRow), null, "longer than the 1 MiB limit"),
        ["10-mb-quoted-field"] = (() => Encoding.UTF8.GetBytes(Header + GoodRow + "LBY1,2019-04-04,1,Battles,Actor A,Libya,\"" + new string('a', 10_000_000) + "\",5\n"), null, "longer than the 1 MiB limit"),
        ["unclosed-quote-then-200k-rows"] = (() => Encoding.UTF8.GetBytes(Header + "LBY1,2019-04-04,1,Battles,Actor A,Libya,\"oops,5\n" + string.Concat(Enumerable.Repeat(GoodRow, 200_000))), null, "quote opened and never closed"),
        ["100k-column-header"] = (() => Encoding.UTF8.GetBytes(string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"c{i}")) + "\n" + string.Join(',', Enumerable.Repeat("1", 100_000)) + "\n"), null, "100,000 columns"),
        ["100k-empty-header-names"] = (() => Encoding.UTF8.GetBytes(Header.TrimEnd('\n') + new string(',', 100_000) + "\n" + GoodRow), null, "100,008 columns"),
        ["100k-fields-in-a-row"] = (() => Encoding.UTF8.GetBytes(Header + "LBY2,2019-04-05,1,Battles,Actor A,Libya,ok,2" + string.Concat(Enumerable.Repeat(",x", 100_000)) + "\n" + GoodRow), 1, null),
        ["100k-empty-trailing-fields"] = (() => Encoding.UTF8.GetBytes(Header + GoodRow.TrimEnd('\n') + new string(',', 100_000) + "\n"), 1, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_file_ends_in_rows_or_one_clear_error(string name)
    {
        var (bytes, loaded, error) = HostileFiles[name];
        using var tmp = new TempFolder();
        var path = tmp[name + ".csv"];
        File.WriteAllBytes(path, bytes());
        var result = EventReaderCheck.Check(path);
        Assert.True(result.Failure is null, result.Failure);
        if (error is not null)
        {
            var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(path));
            Assert.Contains(error, ex.Message, StringComparison.Ordinal);
            Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
        }
        else
        {
            var table = EventLoader.Load(path);
            Assert.Equal(loaded, table.Loaded);
            Assert.Equal(table.RowsRead, table.Loaded + table.Rejected);
        }
    }

    [Fact]
    public void A_record_past_the_limit_names_the_line_it_starts_on()
    {
        using var tmp = new TempFolder();
        var path = tmp["long.csv"];
        File.WriteAllText(path, Header + GoodRow + GoodRow + "LBY9,2019-04-04,1,Battles,Actor A,Libya,\"never closed,5\n" + string.Concat(Enumerable.Repeat(GoodRow, 40_000)));
        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(path));
        Assert.Equal(4, ex.Line);

        // Raising the limit lets the same record through, as one malformed record reported with its line.
        var table = EventLoader.Load(path, EventLoadOptions.Default with { MaxRecordBytes = 8 << 20 });
        Assert.Equal(2, table.Loaded);
        var rejection = Assert.Single(table.Rejections);
        Assert.Equal(new LineRange(4, 40004), rejection.Lines);
        Assert.StartsWith("lines 4–40004, the rest of the file, were read as one record because the quote opened in line 4, column 41 (field 7, 'notes') is never closed", rejection.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wider_header_loads_when_the_column_limit_is_raised()
    {
        using var tmp = new TempFolder();
        var path = tmp["wide.csv"];
        File.WriteAllText(path, Header.TrimEnd('\n') + new string(',', 2_000) + "\n" + GoodRow.TrimEnd('\n') + new string(',', 2_000) + "\n");
        Assert.Throws<EventFileException>(() => EventLoader.Load(path));
        Assert.Equal(1, EventLoader.Load(path, EventLoadOptions.Default with { MaxColumns = 5_000 }).Loaded);
    }

    [Theory]
    [InlineData("10-mb-unquoted-field")]
    [InlineData("10-mb-quoted-field")]
    [InlineData("unclosed-quote-then-200k-rows")]
    [InlineData("100k-column-header")]
    public void Memory_stays_bounded_by_the_limits_not_by_the_file(string name)
    {
        using var tmp = new TempFolder();
        var path = tmp[name + ".csv"];
        var bytes = HostileFiles[name].Bytes();
        File.WriteAllBytes(path, bytes);

        // One thread, so this thread's allocation counter sees all of the load's allocations.
        var options = EventLoadOptions.Default with { MaxDegreeOfParallelism = 1 };
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<EventFileException>(() => EventLoader.Load(path, options));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Bound: a small multiple of the 1 MiB record limit (a header just under it can still hold 100,000
        // names, about 8 MB as strings). Reading a 10 MB file's content would cost 20 MB as a string alone.
        const long bound = 12L << 20;
        Reliability.Record(
            ReliabilityArea.Fuzzing,
            $"memory bound: {name}",
            $"{bytes.Length / 1_000_000.0:0.0} MB file, limits 1 MiB per record and 1,000 columns",
            "1 file",
            allocated <= bound ? "clear file-level error; the load allocates under 12 MiB (a multiple of the record limit, not of the file's size)" : $"allocated {allocated:N0} bytes, over the 12 MiB bound");
        Console.WriteLine($"{name}: {allocated:N0} bytes allocated");
        Assert.True(allocated <= bound, $"{name}: the failed load allocated {allocated:N0} bytes; bound {bound:N0}");
    }
}
