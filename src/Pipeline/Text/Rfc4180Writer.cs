using System.Text;
using CsvHelper;

namespace Pipeline.Text;

/// <summary>
/// The project's one CSV writer (report tables, the synthetic and fetched event files): CsvHelper's
/// <see cref="CsvWriter"/> with the settings that pin the bytes — RFC 4180 quoting only when needed (a field holding a
/// comma, quote, CR or LF; quotes doubled), LF line ends, no byte-order mark, no formula escaping (<c>CsvTable</c>
/// neutralises formulas itself) and no field-count check. Disposing flushes into the text writer, which the caller
/// owns.
/// </summary>
/// <remarks>
/// Until 2026-12 this was a hand-written writer. Measured against it in one run (<c>Pipeline.Bench csv-writers</c>, on
/// every table of a default and a UCDP + ACLED report and the 14,203-row synthetic events file; see
/// <c>tests/Pipeline.Bench/results.md</c>), CsvHelper's writer gives byte-identical files and is not slower, so the
/// issue's "CsvHelper's writer unless a measured reason says otherwise" holds. The one difference: a record whose only
/// field is empty is written as <c>""</c> rather than as an empty line (which a reader would skip); no file the tool
/// writes has one-column records.
/// </remarks>
internal sealed class Rfc4180Writer : IDisposable
{
    /// <summary>The settings every CSV of the project is written with.</summary>
    internal static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.None,
        ValidateFieldCount = false,
        WriteByteOrderMark = false,
    };

    private readonly CsvWriter writer;

    /// <summary>Writes to <paramref name="writer"/>; the caller owns it and flushes it after disposing this.</summary>
    public Rfc4180Writer(TextWriter writer) => this.writer = CsvWriter.Create(writer, Options, leaveOpen: true);

    /// <summary>The UTF-8 encoding without byte-order mark that the synthetic file uses.</summary>
    public static Encoding Utf8NoBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes one record followed by a single LF.</summary>
    public void WriteRecord(IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            writer.WriteField(fields[i]);
        }

        writer.EndRecord();
    }

    /// <summary>Writes what is buffered into the text writer (without flushing the text writer).</summary>
    public void Dispose() => writer.Dispose();
}
