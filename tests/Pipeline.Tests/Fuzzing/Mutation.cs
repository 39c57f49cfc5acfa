using System.Text;

namespace Pipeline.Tests.Fuzzing;

/// <summary>
/// One way of damaging a valid file, named so that a failing case says what was done to it. Every
/// operator is a pure function of the input bytes and the random stream, so a (base file, seed) pair
/// reproduces its mutated file exactly.
/// </summary>
internal sealed record Mutation(string Name, Func<byte[], Random, byte[]> Apply, bool KeepsRecordBoundaries = false)
{
    private static readonly string[] Garbage =
    [
        "NA", "-1", "1e309", "NaN", "99999999999999999999", "2020-02-30", "31 Febtember 2020", "0x1F", "\u202E", "\t", "  ",
        "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "\u00A0", "\uFEFF", "-0", "+5", "1,5", "3.",
    ];

    /// <summary>The operators drawn from for each case (a case applies one to four of them in a row).</summary>
    public static IReadOnlyList<Mutation> All { get; } =
    [
        new("truncate", (b, r) => b[..r.Next(b.Length + 1)]),
        new("flip-byte", FlipByte),
        new("flip-safe-byte", FlipSafeByte, KeepsRecordBoundaries: true),
        new("drop-comma", (b, r) => Remove(b, r, (byte)',')),
        new("duplicate-comma", (b, r) => Duplicate(b, r, (byte)',')),
        new("drop-quote", (b, r) => Remove(b, r, (byte)'"')),
        new("duplicate-quote", (b, r) => Duplicate(b, r, (byte)'"')),
        new("insert-quote", (b, r) => Insert(b, r, "\""u8)),
        new("insert-nul", (b, r) => InsertOutsideStructure(b, r, [0]), KeepsRecordBoundaries: true),
        new("insert-invalid-utf8", (b, r) => InsertOutsideStructure(b, r, [0xC3, 0x28]), KeepsRecordBoundaries: true),
        new("insert-lone-continuation", (b, r) => InsertOutsideStructure(b, r, [0x80]), KeepsRecordBoundaries: true),
        new("insert-overlong-utf8", (b, r) => InsertOutsideStructure(b, r, [0xC0, 0xAF]), KeepsRecordBoundaries: true),
        new("drop-line-break", (b, r) => Remove(b, r, (byte)'\n')),
        new("duplicate-line", DuplicateLine),
        new("cr-only-line-ends", (b, _) => CrOnly(b)),
        new("insert-bom-mid-file", (b, r) => InsertOutsideStructure(b, r, [0xEF, 0xBB, 0xBF]), KeepsRecordBoundaries: true),
        new("swap-two-bytes", SwapBytes),
        new("insert-field-garbage", (b, r) => InsertOutsideStructure(b, r, Encoding.UTF8.GetBytes(Garbage[r.Next(Garbage.Length)])), KeepsRecordBoundaries: true),
    ];

    private static byte[] FlipByte(byte[] b, Random r)
    {
        if (b.Length == 0)
        {
            return b;
        }

        var copy = (byte[])b.Clone();
        copy[r.Next(copy.Length)] ^= (byte)r.Next(1, 256);
        return copy;
    }

    /// <summary>Flips a byte that is not a quote or line break, nor next to a quote, into another such byte (record boundaries stay put).</summary>
    private static byte[] FlipSafeByte(byte[] b, Random r)
    {
        // Not next to a quote either: changing the byte before an opening quote makes that quote a stray one.
        var positions = Enumerable.Range(0, b.Length)
            .Where(i => !IsStructural(b[i]) && (i == 0 || b[i - 1] != '"') && (i + 1 == b.Length || b[i + 1] != '"'))
            .ToArray();
        if (positions.Length == 0)
        {
            return b;
        }

        var copy = (byte[])b.Clone();
        var at = positions[r.Next(positions.Length)];
        byte value;
        do
        {
            value = (byte)r.Next(256);
        }
        while (IsStructural(value) || value == copy[at]);
        copy[at] = value;
        return copy;
    }

    /// <summary>Quote and line-break bytes decide where records begin and end.</summary>
    public static bool IsStructural(byte value) => value is (byte)'"' or (byte)'\r' or (byte)'\n';

    /// <summary>Removes one occurrence of <paramref name="target"/>, chosen at random (unchanged when there is none).</summary>
    public static byte[] Remove(byte[] b, Random r, byte target)
    {
        var positions = Enumerable.Range(0, b.Length).Where(i => b[i] == target).ToArray();
        return positions.Length == 0 ? b : RemoveAt(b, positions[r.Next(positions.Length)]);
    }

    private static byte[] RemoveAt(byte[] b, int at) => [.. b.AsSpan(0, at), .. b.AsSpan(at + 1)];

    /// <summary>Doubles one occurrence of <paramref name="target"/>, chosen at random (inserts one when there is none).</summary>
    public static byte[] Duplicate(byte[] b, Random r, byte target)
    {
        var positions = Enumerable.Range(0, b.Length).Where(i => b[i] == target).ToArray();
        return positions.Length == 0 ? Insert(b, r, [target]) : InsertAt(b, positions[r.Next(positions.Length)], [target]);
    }

    private static byte[] Insert(byte[] b, Random r, ReadOnlySpan<byte> what) => InsertAt(b, r.Next(b.Length + 1), what);

    /// <summary>Inserts bytes inside a record: never between CR and LF, never after the final line break.</summary>
    private static byte[] InsertOutsideStructure(byte[] b, Random r, ReadOnlySpan<byte> what)
    {
        // Bytes after the final line break would start a record of their own; between CR and LF they
        // would split one line break into two.
        var end = b.Length;
        while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r'))
        {
            end--;
        }

        var at = Math.Min(r.Next(b.Length + 1), end);
        if (at > 0 && at < b.Length && b[at - 1] == '\r' && b[at] == '\n')
        {
            at--;
        }

        // Nor next to a quote: text before an opening quote or after a closing one changes how the field is read.
        while (at > 0 && (b[at - 1] == '"' || (at < b.Length && b[at] == '"')))
        {
            at--;
        }

        return InsertAt(b, at, what);
    }

    private static byte[] InsertAt(byte[] b, int at, ReadOnlySpan<byte> what) => [.. b.AsSpan(0, at), .. what, .. b.AsSpan(at)];

    private static byte[] DuplicateLine(byte[] b, Random r)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < b.Length; i++)
        {
            if (b[i] == '\n' && i + 1 < b.Length)
            {
                starts.Add(i + 1);
            }
        }

        var k = r.Next(starts.Count);
        var start = starts[k];
        var end = k + 1 < starts.Count ? starts[k + 1] : b.Length;
        return InsertAt(b, end, b.AsSpan(start, end - start));
    }

    private static byte[] CrOnly(byte[] b)
    {
        var text = new List<byte>(b.Length);
        for (var i = 0; i < b.Length; i++)
        {
            if (b[i] == '\r' && i + 1 < b.Length && b[i + 1] == '\n')
            {
                continue;
            }

            text.Add(b[i] == '\n' ? (byte)'\r' : b[i]);
        }

        return [.. text];
    }

    private static byte[] SwapBytes(byte[] b, Random r)
    {
        if (b.Length < 2)
        {
            return b;
        }

        var copy = (byte[])b.Clone();
        var i = r.Next(copy.Length);
        var j = r.Next(copy.Length);
        (copy[i], copy[j]) = (copy[j], copy[i]);
        return copy;
    }
}
