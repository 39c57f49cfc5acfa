using System.Text;
using Pipeline.Events;
using Pipeline.Bench;

namespace Pipeline.Tests.Performance;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class ParallelLoadingTests
{
    [Fact]
    public void Loading_on_all_cores_gives_the_table_one_thread_gives_with_every_rejection_in_file_order()
    {
        using var temp = new TempFolder();
        var path = temp.File("acled-scale.csv");
        WriteScaleFileWithBrokenRecords(path, rows: 12_000);
        Assert.True(new FileInfo(path).Length >= EventLoader.ParallelThresholdBytes, "the file must be large enough for parallel loading");

        var single = EventLoader.Load(path, EventLoadOptions.Default with { MaxDegreeOfParallelism = 1 });
        var parallel = EventLoader.Load(path, EventLoadOptions.Default with { MaxDegreeOfParallelism = 2 });
        var four = EventLoader.Load(path, EventLoadOptions.Default with { MaxDegreeOfParallelism = 4 });

        TableAssert.Same(single, parallel);
        TableAssert.Same(single, four);
        Assert.Contains(single.Rejections, r => r.Reason.StartsWith("malformed CSV quoting", StringComparison.Ordinal));
        Assert.Contains(single.Rejections, r => r.Reason == "invalid UTF-8 bytes");
        Assert.Contains(single.Rejections, r => r.Reason.StartsWith("event_date:", StringComparison.Ordinal));
        Assert.Equal(single.Rejections.OrderBy(r => r.Line).Select(r => r.Line), single.Rejections.Select(r => r.Line));
    }

    [Fact]
    public void Strict_mode_on_a_large_file_throws_the_first_bad_row_in_file_order()
    {
        using var temp = new TempFolder();
        var path = temp.File("acled-scale.csv");
        WriteScaleFileWithBrokenRecords(path, rows: 12_000);
        var first = EventLoader.Load(path).Rejections[0];

        var ex = Assert.Throws<RowRejectedException>(() => EventLoader.Load(path, EventLoadOptions.Default with { Strict = true }));

        Assert.Equal(first, ex.Rejection);
    }

    [Fact]
    public void The_scale_generator_is_deterministic_and_spoils_the_share_of_rows_it_reports()
    {
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        var options = new AcledScaleOptions { Rows = 5_000, BadRowsPerMille = 10 };
        var bad = AcledScaleGenerator.Write(a, options);
        AcledScaleGenerator.Write(b, options);

        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.InRange(bad, 20, 90);
        using var temp = new TempFolder();
        var path = temp.File("scale.csv");
        File.WriteAllBytes(path, a.ToArray());
        var table = EventLoader.Load(path);
        Assert.Equal(5_000, table.RowsRead);
        Assert.Equal(bad, table.Rejected);
        Assert.True(table.IsSynthetic);
    }

    /// <summary>A generated file with a stray quote, an unclosed quote, a Latin-1 byte and an impossible date spliced in.</summary>
    internal static void WriteScaleFileWithBrokenRecords(string path, int rows)
    {
        using var generated = new MemoryStream();
        AcledScaleGenerator.Write(generated, new AcledScaleOptions { Rows = rows, BadRowsPerMille = 3 });
        var lines = Encoding.UTF8.GetString(generated.ToArray()).Split('\n').ToList();
        var template = lines[1];
        lines.Insert(2000, template.Replace("Synthetic (Pipeline generator)", "Synthetic \"Pipeline\" generator", StringComparison.Ordinal));
        lines.Insert(5000, template.Replace("SYNTHETIC: On", "SYNTHETIC: \"On\" x", StringComparison.Ordinal));
        lines.Insert(7000, template.Replace(",Libya,", ",Liby\u0001a,", StringComparison.Ordinal));
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var marker = Array.IndexOf(bytes, (byte)1);
        bytes[marker] = 0xE9; // a Latin-1 'é', invalid as UTF-8
        File.WriteAllBytes(path, bytes);
    }
}
