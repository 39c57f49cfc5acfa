using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using Pipeline.Text;

namespace Pipeline.Bench;

/// <summary>
/// <c>Pipeline.Bench csv-writers ROUNDS FILE…</c>: the hand-written CSV writer the project used until 2026-12 against
/// the library's <see cref="Rfc4180Writer"/>, now CsvHelper's <see cref="CsvWriter"/> (LF line ends, quoting when
/// needed, no injection escaping, no field-count check), on CSV files the tool wrote (a report's <c>tables/*.csv</c>,
/// the synthetic events file). Each file is read once into cells; then both writers write every file into memory,
/// alternately, <c>rounds</c> times in this one process; the bytes are compared with the file's own and the medians
/// of the per-round times reported with their ratio.
/// </summary>
internal static class CsvWriterComparison
{
    public static int Run(IReadOnlyList<string> files, int rounds, TextWriter output)
    {
        var inputs = files.Select(f => (File: f, Bytes: File.ReadAllBytes(f), Records: Read(f))).ToList();
        var cells = inputs.Sum(i => i.Records.Sum(r => r.Length));
        output.WriteLine($"{inputs.Count} files, {inputs.Sum(i => i.Records.Count):N0} records, {cells:N0} cells, {inputs.Sum(i => i.Bytes.Length) / 1e6:0.0} MB; {rounds} rounds, alternating");
        var differing = 0;
        foreach (var (file, bytes, records) in inputs)
        {
            var ours = Ours(records);
            var theirs = Theirs(records);
            var same = ours.AsSpan().SequenceEqual(bytes) && theirs.AsSpan().SequenceEqual(bytes);
            if (!same)
            {
                differing++;
                output.WriteLine($"  {Path.GetFileName(file)}: hand-written {(ours.AsSpan().SequenceEqual(bytes) ? "same" : "DIFFERENT")} bytes, CsvHelper {(theirs.AsSpan().SequenceEqual(bytes) ? "same" : "DIFFERENT")} bytes (first difference at {FirstDifference(theirs, bytes)})");
            }
        }

        output.WriteLine(differing == 0 ? $"bytes: all {inputs.Count} files identical (hand-written = Rfc4180Writer = the file)" : $"bytes: {differing} of {inputs.Count} files differ");
        var oursTimes = new List<double>();
        var theirsTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which goes first so neither always runs on a warmer cache.
            var order = round % 2 == 0 ? new[] { true, false } : [false, true];
            foreach (var useOurs in order)
            {
                var sw = Stopwatch.StartNew();
                long total = 0;
                foreach (var input in inputs)
                {
                    total += (useOurs ? Ours(input.Records) : Theirs(input.Records)).Length;
                }

                (useOurs ? oursTimes : theirsTimes).Add(sw.Elapsed.TotalMilliseconds);
                GC.KeepAlive(total);
            }
        }

        var o = Median(oursTimes);
        var t = Median(theirsTimes);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hand-written: median {o:0.00} ms ({string.Join(" / ", oursTimes.Select(x => x.ToString("0.0", CultureInfo.InvariantCulture)))})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rfc4180Writer (CsvHelper CsvWriter): median {t:0.00} ms ({string.Join(" / ", theirsTimes.Select(x => x.ToString("0.0", CultureInfo.InvariantCulture)))})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CsvHelper / hand-written: {t / o:0.00}×"));
        return 0;
    }

    private static List<string[]> Read(string file)
    {
        using var reader = CsvReader.FromFile(file, CsvReaderOptions.Default with { HasHeader = false, FieldCountMismatch = CsvFieldCountHandling.Allow });
        var records = new List<string[]>();
        while (reader.Read())
        {
            var r = new string[reader.FieldCount];
            for (var i = 0; i < r.Length; i++)
            {
                r[i] = reader.GetString(i);
            }

            records.Add(r);
        }

        return records;
    }

    /// <summary>The hand-written writer the library used until 2026-12, kept here as the reference.</summary>
    private static byte[] Ours(List<string[]> records)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, Rfc4180Writer.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true))
        {
            foreach (var r in records)
            {
                for (var i = 0; i < r.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Write(',');
                    }

                    var field = r[i];
                    if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
                    {
                        text.Write(field);
                    }
                    else
                    {
                        text.Write('"');
                        text.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                        text.Write('"');
                    }
                }

                text.Write('\n');
            }
        }

        return stream.ToArray();
    }

    /// <summary>The library's <see cref="Rfc4180Writer"/>: CsvHelper's <see cref="CsvWriter"/> over the same text writer.</summary>
    private static byte[] Theirs(List<string[]> records)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, Rfc4180Writer.Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true))
        using (var csv = new Rfc4180Writer(text))
        {
            foreach (var r in records)
            {
                csv.WriteRecord(r);
            }
        }

        return stream.ToArray();
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Length == b.Length ? -1 : n;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }
}
