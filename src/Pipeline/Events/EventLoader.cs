using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace Pipeline.Events;

/// <summary>
/// Reads an ACLED or UCDP GED CSV file into an <see cref="EventTable"/>: streamed record by record
/// (CsvHelper 34), columns found by header name, the layout recognised from the header, and every record
/// either loaded or rejected with its location. File-level problems throw <see cref="EventFileException"/>.
/// </summary>
public static class EventLoader
{
    /// <summary>Loads one file with <see cref="EventLoadOptions.Default"/> (lax: rejections are collected).</summary>
    public static EventTable Load(string path) => Load(path, EventLoadOptions.Default);

    /// <summary>Loads one file.</summary>
    /// <exception cref="EventFileException">The file cannot be read as event data at all.</exception>
    /// <exception cref="RowRejectedException">Strict mode, at the first row that cannot be loaded.</exception>
    public static EventTable Load(string path, EventLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        CheckFileIsReadable(path);
        return options.Cache is null ? LoadFile(path, options) : EventCache.LoadOrBuild(path, options, () => LoadFile(path, options));
    }

    /// <summary>Whether the file name marks the data as synthetic.</summary>
    internal static bool NameSaysSynthetic(string path) => Path.GetFileName(path).Contains("synthetic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Spreadsheets go to the Excel reader, everything else is read as CSV.</summary>
    private static EventTable LoadFile(string path, EventLoadOptions options) =>
        ExcelEventReader.Handles(path) ? ExcelEventReader.Load(path, options) : LoadCsv(path, options);

    /// <summary>
    /// The reader throws <see cref="CsvFormatException"/> only for a record past <see cref="EventLoadOptions.MaxRecordBytes"/>
    /// (malformed quoting is reported per record instead), so this is the file-level error for that limit.
    /// </summary>
    private static EventFileException RecordTooLong(string path, EventLoadOptions options, long linesRead)
    {
        var limit = options.MaxRecordBytes >= 1 << 20 && options.MaxRecordBytes % (1 << 20) == 0
            ? $"{options.MaxRecordBytes >> 20} MiB"
            : $"{options.MaxRecordBytes:N0} bytes";
        return new EventFileException(
            path,
            $"the record that starts on this line is longer than the {limit} limit for one record",
            "this is nearly always a quote opened and never closed, which would make the rest of the file one field: close the quote on this line. "
            + "If the file really has fields this long, raise EventLoadOptions.MaxRecordBytes",
            line: linesRead + 1);
    }

    private static EventTable LoadCsv(string path, EventLoadOptions options) =>
        ReadCsv(path, options, new EventTableBuilder(path, options) { LinesAreText = true }, (builder, mapper, warnings) => builder.Build(mapper, warnings));

    /// <summary>
    /// The summary of an uncached CSV file, counted as it is read: every row is checked by the same mappers,
    /// rules and accounting as <see cref="Load(string, EventLoadOptions)"/>, but no <see cref="ConflictEvent"/> is
    /// built or kept, so the summary equals <see cref="EventSummary.From"/> of the loaded table at a fraction of the
    /// memory. See <see cref="EventSummary.Load"/>, which chooses this path.
    /// </summary>
    internal static EventSummary SummariseCsv(string path, EventLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        CheckFileIsReadable(path);
        return ReadCsv(path, options, new EventTableBuilder(path, options) { LinesAreText = true, CountOnly = true }, (builder, mapper, warnings) => builder.BuildSummary(mapper, warnings));
    }

    private static T ReadCsv<T>(string path, EventLoadOptions options, EventTableBuilder builder, Func<EventTableBuilder, IEventRowMapper, IReadOnlyList<RowWarning>, T> build)
    {
        FileSignature.ThrowIfNotCsvText(path);
        HeaderIndex? header = null;
        var csvOptions = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            MaxRecordSize = options.MaxRecordBytes,
            PoolStrings = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = m => builder.Reject(Malformed(path, m, header)),
        };

        using var reader = OpenReader(path, csvOptions);
        try
        {
            header = ReadHeader(reader, path, options);
            var (mapper, warnings) = ReadRecords(reader, header, path, options, builder);
            return build(builder, mapper, warnings);
        }
        catch (CsvFormatException)
        {
            throw RecordTooLong(path, options, reader.LineNumber);
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions is [CsvFormatException])
        {
            throw RecordTooLong(path, options, reader.LineNumber);
        }
    }

    private static (IEventRowMapper Mapper, IReadOnlyList<RowWarning> Warnings) ReadRecords(CsvReader reader, HeaderIndex header, string path, EventLoadOptions options, EventTableBuilder builder)
    {
        var mapper = EventTableBuilder.ChooseMapper(header, path);
        var workers = Workers(path, options);
        if (workers <= 1)
        {
            var row = new RowContext(new CsvRecordCells(reader), path, header, options);
            while (reader.Read())
            {
                row.BeginRecord(reader.LineNumber);
                builder.Covered(row.Line, row.LastLine);
                if (CheckShape(reader, row, header) is { } rejection)
                {
                    builder.Reject(rejection);
                    continue;
                }

                builder.Map(mapper, row);
            }

            return (mapper, row.Warnings);
        }

        // Records are mapped on several threads and come back in file order. Malformed records never
        // reach a worker: the reader reports them (in order, from the thread that scans) and skips them,
        // so their rejections are merged back into place by line number at the end.
        var rowRejections = new List<RowRejection>();
        var warnings = new List<RowWarning>();
        var contexts = new System.Collections.Concurrent.ConcurrentDictionary<CsvReader, RowContext>();
        var outcomes = reader.ParallelEnumerate(
            r => MapRecord(r, contexts.GetOrAdd(r, x => new RowContext(new CsvRecordCells(x), path, header, options) { HoldWarnings = true }), header, mapper, builder),
            workers);
        foreach (var outcome in outcomes)
        {
            builder.Covered(outcome.Line, outcome.LastLine);
            if (outcome.Loaded is { } loaded)
            {
                builder.Keep(loaded);
            }
            else
            {
                rowRejections.Add(outcome.Rejection!);
            }

            if (outcome.Warnings is { } w)
            {
                warnings.AddRange(w);
            }
        }

        builder.MergeRejections(rowRejections);
        return (mapper, warnings);
    }

    /// <summary>
    /// Files below this size are read on one thread: starting workers costs more than it saves there.
    /// </summary>
    internal const long ParallelThresholdBytes = 4 << 20;

    private static int Workers(string path, EventLoadOptions options)
    {
        if (options.Strict)
        {
            // The first rejection in file order must be the one thrown.
            return 1;
        }

        var wanted = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        return wanted > 1 && new FileInfo(path).Length >= ParallelThresholdBytes ? wanted : 1;
    }

    /// <summary>Checks and maps (or only counts, see <see cref="EventTableBuilder.TryRead"/>) the reader's current record; runs on worker threads in parallel loading.</summary>
    private static RowOutcome MapRecord(CsvReader reader, RowContext row, HeaderIndex header, IEventRowMapper mapper, EventTableBuilder builder)
    {
        row.BeginRecord(reader.LineNumber);
        var rejection = CheckShape(reader, row, header);
        LoadedRow loaded = default;
        var ok = rejection is null && builder.TryRead(mapper, row, out loaded, out rejection);
        var warnings = row.HoldWarnings ? row.TakePending() : null;
        return ok
            ? new RowOutcome(loaded, null, warnings, row.Line, row.LastLine)
            : new RowOutcome(null, rejection, warnings, row.Line, row.LastLine);
    }

    /// <summary>What became of one record (a loaded row or a rejection) and its physical lines.</summary>
    private readonly record struct RowOutcome(LoadedRow? Loaded, RowRejection? Rejection, RowWarning[]? Warnings, long Line, long LastLine);

    /// <summary>
    /// Throws the file-level error for columns a layout cannot do without, listing what is missing, what
    /// was found, and the nearest found name for each missing one.
    /// </summary>
    internal static void RequireColumns(HeaderIndex header, IEnumerable<string> required, string file, string format)
    {
        var missing = required.Where(r => header.Find(r.Split('|')) < 0).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var suggestions = missing
            .Select(m => (m, near: m.Split('|').Select(header.Nearest).FirstOrDefault(n => n is not null)))
            .Where(x => x.near is not null)
            .Select(x => $"'{x.near}' for '{x.m}'")
            .ToList();
        var hint = $"found columns: {string.Join(", ", header.Names.Where(n => n.Length > 0).Select(HeaderIndex.Show))}."
            + (suggestions.Count > 0 ? $" Did you mean {string.Join(", ", suggestions)}? Rename the column in the header." : " Export the file again with these columns.");
        throw new EventFileException(file, $"missing required {format} column{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing.Select(m => m.Replace("|", " or ", StringComparison.Ordinal)))}", hint, line: 1);
    }

    private static void CheckFileIsReadable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new EventFileException(path, "this is a folder, not a file", "pass the path of a .csv file");
        }

        if (!File.Exists(path))
        {
            throw new EventFileException(path, "file not found", $"check the path (working folder is {Environment.CurrentDirectory}); the default data is in data/events/");
        }

        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw new EventFileException(path, "the file is empty (0 bytes)", "the download or export did not finish; fetch or export it again");
        }

        if (length <= 3)
        {
            Span<byte> start = stackalloc byte[3];
            using var s = File.OpenRead(path);
            var n = s.ReadAtLeast(start, (int)length, throwOnEndOfStream: false);
            if (start[..n].SequenceEqual("\uFEFF"u8[..n]) && n == 3)
            {
                throw new EventFileException(path, "the file holds only a UTF-8 byte order mark and no data", "the export did not finish; export it again");
            }
        }
    }

    private static CsvReader OpenReader(string path, CsvReaderOptions options)
    {
        try
        {
            return CsvReader.FromFile(path, options);
        }
        catch (IOException ex)
        {
            throw new EventFileException(path, $"cannot open the file: {ex.Message}", "check that it exists and is readable");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new EventFileException(path, $"no permission to read the file: {ex.Message}", "check the file's permissions");
        }
    }

    private static HeaderIndex ReadHeader(CsvReader reader, string path, EventLoadOptions options)
    {
        var names = reader.Headers;
        if (names.Count == 0 || names.All(n => n.Trim().Length == 0))
        {
            throw new EventFileException(path, "the file has no header row", "the first line must name the columns, e.g. event_id_cnty,event_date,…", line: 1);
        }

        CheckColumnCount(names.Count, path, options);

        var separator = reader.Separator;
        if (separator != ',')
        {
            var name = separator switch { ';' => "semicolon (;)", '\t' => "tab", '|' => "pipe (|)", _ => $"'{separator}'" };
            throw new EventFileException(path, $"the file is delimited by {name}, not by commas", "ACLED and UCDP files are comma-separated; re-export as CSV with comma separators (spreadsheets in some locales use ';')", line: 1);
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Contains('\uFFFD', StringComparison.Ordinal))
            {
                throw new EventFileException(path, "the header is not valid UTF-8", "the file looks like Latin-1/Windows-1252; re-save it as UTF-8", line: 1, column: names[i]);
            }
        }

        return new HeaderIndex(names);
    }

    /// <summary>Throws the file-level error for a header wider than <see cref="EventLoadOptions.MaxColumns"/>.</summary>
    internal static void CheckColumnCount(int count, string path, EventLoadOptions options)
    {
        if (count > options.MaxColumns)
        {
            throw new EventFileException(
                path,
                $"the header has {count:N0} columns, more than the limit of {options.MaxColumns:N0}",
                "ACLED exports have at most 31 columns and UCDP GED 49: this is not an events file, or its delimiter or line ends are damaged. "
                + "If it really is this wide, raise EventLoadOptions.MaxColumns",
                line: 1);
        }
    }

    /// <summary>Checks encoding and field count before any value is read.</summary>
    private static RowRejection? CheckShape(CsvReader reader, RowContext row, HeaderIndex header)
    {
        if (!Utf8.IsValid(reader.RawRecord))
        {
            var column = 0;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!Utf8.IsValid(reader.GetRawSpan(i)))
                {
                    column = i;
                    break;
                }
            }

            return row.Reject(column, reader.GetString(column), "invalid UTF-8 bytes", "the file is not UTF-8 (perhaps Latin-1/Windows-1252); re-save it as UTF-8");
        }

        var count = reader.FieldCount;
        if (count < header.Count)
        {
            return row.Reject(count, null, $"row has {count} fields but the header has {header.Count}", row.RunawayQuoteHint() ?? $"the row ends before column '{header.Names[count]}'; a line break or a quote may be missing");
        }

        for (var i = header.Count; i < count; i++)
        {
            if (!reader.IsEmpty(i))
            {
                return ExtraField(row, count, header.Count, i, reader.GetString(i), "an unquoted comma inside a value splits it; quote values that contain commas");
            }
        }

        return null;
    }

    /// <summary>The rejection for a non-empty field beyond the header's last column (trailing empty ones are accepted).</summary>
    internal static RowRejection ExtraField(RowContext row, int fieldCount, int headerCount, int index, string value, string hint) =>
        new(row.File, row.Line, null, index + 1, value, $"row has {fieldCount} fields but the header has {headerCount}, and field {index + 1} is not empty", row.RunawayQuoteHint() ?? hint)
        {
            LastLine = row.LastLine,
        };

    /// <summary>
    /// The rejection for a record the reader could not split. A quote left open reads the lines after it into
    /// the record (up to where a quote closes it, or to the end of the file), so such a rejection spans those
    /// lines and its hint names them and the quote: they are this one rejected record, not lost.
    /// </summary>
    private static RowRejection Malformed(string path, CsvMalformedRecord m, HeaderIndex? header)
    {
        var first = m.LineNumber;
        var last = first + LineBreaks(m.RawRecord);
        var unterminated = m.Reason == CsvMalformedReason.UnterminatedQuote;
        var quote = unterminated || last > first ? RunawayQuote.Find(Encoding.UTF8.GetBytes(m.RawRecord), first) : null;
        var column = quote is { } q && header is not null && q.Field < header.Count ? header.Names[q.Field] : null;
        var columnNumber = quote is { } p ? p.Field + 1 : (int?)null;
        if (unterminated)
        {
            return new RowRejection(
                path, first, column, columnNumber, Preview(m.RawRecord),
                $"malformed CSV quoting ({Describe(m.Reason)}, so the rest of the file was read as one record)",
                quote?.Explain(first, last, header?.Names)
                    ?? "close the quote opened on this line (a quote inside a value is written twice: \"\"); nothing after it could be loaded")
            {
                LastLine = last,
            };
        }

        if (quote is { } runaway && last > first)
        {
            return new RowRejection(
                path, first, column, columnNumber, Preview(m.RawRecord),
                $"malformed CSV quoting (a quoted field ran across lines, then {Describe(m.Reason)})",
                runaway.Explain(first, last, header?.Names))
            {
                LastLine = last,
            };
        }

        return new RowRejection(
            path, first, null, null, Preview(m.RawRecord), $"malformed CSV quoting ({Describe(m.Reason)})",
            "a quote inside an unquoted field or text after a closing quote; quote the whole field and double inner quotes (\"\")")
        {
            LastLine = last,
        };
    }

    private static long LineBreaks(string text)
    {
        long n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                n++;
            }
        }

        // A final line break ends the record's last line rather than starting another.
        return text.Length > 0 && text[^1] is '\n' or '\r' ? n - 1 : n;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "stray quote in an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        CsvMalformedReason.LineBreakInQuotes => "line break inside quotes",
        CsvMalformedReason.FieldCountMismatch => "field count differs",
        _ => reason.ToString(),
    };

    private static string Preview(string raw) => raw.Length <= 120 ? raw : string.Concat(raw.AsSpan(0, 117), "...");
}
