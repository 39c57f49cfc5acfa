using System.IO.Compression;

namespace Pipeline.Events;

/// <summary>
/// Recognises, from its first bytes, a file given as CSV that is something else: a zip archive (an Excel
/// workbook or another), gzip, PDF, an Excel 97–2003 workbook, UTF-16 text without a byte order mark, or
/// binary data. Each is named with what to do, and no byte of it is ever shown: read as CSV, such a file
/// would only give a header error full of NULs and advice about Latin-1.
/// </summary>
/// <remarks>
/// Excel workbooks named <c>.csv</c> are refused rather than read as workbooks: the file's extension chooses
/// the reader in one place (<see cref="EventLoader"/>), so what a manifest or a report says was read as CSV
/// was read as CSV; the message says to rename it, which loads it. UTF-16 with a byte order mark is read
/// (the CSV reader transcodes it); without one, guessing the encoding would be silently fixing the file.
/// </remarks>
internal static class FileSignature
{
    /// <summary>Bytes looked at: enough for the signatures and for a fair count of NULs.</summary>
    private const int ProbeBytes = 4096;

    /// <summary>Throws the file-level error naming what the file is, when its first bytes show it is not CSV text.</summary>
    public static void ThrowIfNotCsvText(string path)
    {
        Span<byte> head = stackalloc byte[ProbeBytes];
        int n;
        try
        {
            using var stream = File.OpenRead(path);
            n = stream.ReadAtLeast(head, ProbeBytes, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Opening the file for reading reports these with the path.
            return;
        }

        if (Recognise(path, head[..n]) is { } problem)
        {
            throw problem;
        }
    }

    private static EventFileException? Recognise(string path, ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
        {
            return Zip(path);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return new EventFileException(
                path,
                "this file is gzip-compressed, not CSV text",
                $"decompress it first, e.g. gunzip -c '{path}' > '{Sibling(path, ".decompressed.csv")}', and pass the file that gives");
        }

        if (head.StartsWith("%PDF"u8))
        {
            return new EventFileException(
                path,
                "this file is a PDF document, not CSV text",
                "a table in a PDF cannot be loaded: download the events as CSV (ACLED's export tool or API, UCDP's download page)");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return new EventFileException(
                path,
                "this file is an Excel 97–2003 workbook (.xls) or another old Microsoft Office document, not CSV text",
                $"if it is a workbook, rename it to .xls and pass that, which loads it (mv '{path}' '{Path.ChangeExtension(path, ".xls")}'), or save it from Excel as 'CSV UTF-8'");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // UTF-16 (or UTF-32) with a byte order mark: the CSV reader transcodes it.
            return null;
        }

        if (Utf16WithoutMark(head) is { } endian)
        {
            return new EventFileException(
                path,
                $"this file is UTF-16 ({endian}) text without a byte order mark, not UTF-8",
                $"save it again as UTF-8 (in Excel: 'CSV UTF-8'), or convert it: iconv -f UTF-16{(endian == "little-endian" ? "LE" : "BE")} -t UTF-8 '{path}' > '{Sibling(path, ".utf8.csv")}'");
        }

        var nuls = head.Count((byte)0);
        if (nuls >= 16 && nuls * 10 >= head.Length)
        {
            return new EventFileException(
                path,
                $"{nuls:N0} of the first {head.Length:N0} bytes are NUL, so this is not CSV text",
                "it may be a damaged or unfinished download, or a file of another kind under a .csv name: download or export it again");
        }

        return null;
    }

    /// <summary>
    /// "little-endian" or "big-endian" when nearly every other byte is NUL (ASCII text in UTF-16), else null.
    /// A few NULs in UTF-8 text (a damaged cell) never look like this.
    /// </summary>
    private static string? Utf16WithoutMark(ReadOnlySpan<byte> head)
    {
        var pairs = head.Length / 2;
        if (pairs < 4)
        {
            return null;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }

        return oddNul * 10 >= pairs * 9 && evenNul * 10 <= pairs ? "little-endian"
            : evenNul * 10 >= pairs * 9 && oddNul * 10 <= pairs ? "big-endian"
            : null;
    }

    /// <summary>A zip archive: an Excel workbook when it holds <c>xl/workbook.xml</c>; otherwise say what it holds.</summary>
    private static EventFileException Zip(string path)
    {
        List<string> entries;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            entries = [.. zip.Entries.Select(e => e.FullName)];
        }
        catch (InvalidDataException)
        {
            return new EventFileException(
                path,
                "this file is a zip archive (an Excel workbook, or another archive), not CSV text, and the archive is damaged",
                "the download may be incomplete: download or export it again; an Excel workbook must be named .xlsx");
        }

        if (entries.Contains("xl/workbook.xml", StringComparer.OrdinalIgnoreCase))
        {
            return new EventFileException(
                path,
                "this file is an Excel workbook (.xlsx, a zip archive), not CSV text",
                $"rename it to .xlsx and pass that, which loads it (mv '{path}' '{Path.ChangeExtension(path, ".xlsx")}'), or save it from Excel as 'CSV UTF-8'");
        }

        var shown = entries.Take(3).Select(HeaderIndex.Show);
        return new EventFileException(
            path,
            "this file is a zip archive, not CSV text",
            $"unzip it (unzip '{path}') and pass the CSV file inside; it holds {entries.Count} file{(entries.Count == 1 ? "" : "s")}{(entries.Count > 0 ? ": " + string.Join(", ", shown) + (entries.Count > 3 ? ", …" : "") : "")}");
    }

    private static string Sibling(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + suffix);
}
