using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Pipeline.Events;

/// <summary>
/// The columnar cache behind <see cref="EventLoadOptions.Cache"/>: one Apache Arrow IPC file per input,
/// loader version and options, holding the loaded events column by column (text columns
/// dictionary-encoded, so each distinct value is stored and materialised once) and, in the schema
/// metadata, the rejections, warnings, unknown types and counts. Beside it a <c>.sha256</c> file holds the
/// hash of the Arrow file's bytes; an entry whose bytes do not match it is never read.
/// </summary>
/// <remarks>
/// Writes are atomic: the Arrow file goes to a temporary file that is moved into place, then the hash
/// file likewise. A crash between the two leaves an entry without a hash, which counts as unusable and is
/// rebuilt. Entries of other loader versions for the same input are deleted when a new one is written.
/// </remarks>
internal static class EventCache
{
    /// <summary>
    /// Bump whenever the loader can produce a different table from the same bytes (a new check, a changed
    /// message, a new column), so that every cache entry made by an older loader is ignored.
    /// </summary>
    public const int LoaderVersion = 1;

    private const string MetadataKey = "pipeline.events";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static readonly DictionaryType TextType = new(Int32Type.Default, StringType.Default, false);

    public static EventTable LoadOrBuild(string path, EventLoadOptions options, Func<EventTable> loadCsv)
    {
        var cache = options.Cache!;
        Directory.CreateDirectory(cache.Folder);
        var inputHash = InputHash(path, cache);
        var entry = Path.Combine(cache.Folder, $"events-{inputHash}-{OptionsKey(options)}.v{cache.LoaderVersion}.arrow");
        string? problem = null;
        if (File.Exists(entry) || File.Exists(entry + ".sha256"))
        {
            try
            {
                var cached = Read(entry, path);
                if (options.Strict && cached.Rejections.Count > 0)
                {
                    throw new RowRejectedException(cached.Rejections[0]);
                }

                return cached.With(new EventCacheResult(EventCacheOutcome.Hit, entry, inputHash, null));
            }
            catch (InvalidDataException ex)
            {
                problem = ex.Message;
                cache.Report?.Invoke($"cache entry {entry} is unusable ({problem}); rebuilding it from {path}");
                Delete(entry);
            }
        }

        var table = loadCsv();
        Write(entry, table);
        DeleteOtherVersions(cache.Folder, inputHash, entry);
        return table.With(new EventCacheResult(problem is null ? EventCacheOutcome.Written : EventCacheOutcome.Rebuilt, entry, inputHash, problem));
    }

    /// <summary>SHA-256 of the input, remembered per (full path, size, last-write time) unless told to verify.</summary>
    private static string InputHash(string path, EventCacheOptions cache)
    {
        var info = new FileInfo(path);
        var full = info.FullName;
        var memo = Path.Combine(cache.Folder, "inputs", Hex(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..24] + ".json");
        var stamp = new InputStamp(full, info.Length, info.LastWriteTimeUtc.Ticks, "");
        if (!cache.VerifyInputHash && File.Exists(memo))
        {
            try
            {
                var known = JsonSerializer.Deserialize<InputStamp>(File.ReadAllBytes(memo));
                if (known is not null && known with { Sha256 = "" } == stamp && known.Sha256.Length == 64)
                {
                    return known.Sha256;
                }
            }
            catch (JsonException)
            {
                // A damaged memo is only a missed shortcut: hash the file again below.
            }
        }

        string hash;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
        {
            hash = Hex(SHA256.HashData(stream));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(memo)!);
        WriteAtomic(memo, JsonSerializer.SerializeToUtf8Bytes(stamp with { Sha256 = hash }));
        return hash;
    }

    private static string OptionsKey(EventLoadOptions options) =>
        Hex(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', options.MissingValues))))[..8];

    private static void Write(string entry, EventTable table)
    {
        var e = table.Events;
        var n = e.Count;
        var id = new StringArray.Builder();
        var source = new Int8Array.Builder();
        var date = new Date32Array.Builder();
        var dateEnd = new Date32Array.Builder();
        var precision = new Int8Array.Builder();
        var harmonised = new Int8Array.Builder();
        var latitude = new DoubleArray.Builder();
        var longitude = new DoubleArray.Builder();
        var geo = new Int32Array.Builder();
        var fatalities = new Int32Array.Builder();
        var low = new Int32Array.Builder();
        var high = new Int32Array.Builder();
        var line = new Int64Array.Builder();
        var texts = TextColumns.Select(c => new TextColumnBuilder(n)).ToArray();
        foreach (var x in e)
        {
            id.Append(x.Id);
            source.Append((sbyte)x.Source);
            date.Append(x.Date);
            if (x.DateEnd is { } end)
            {
                dateEnd.Append(end);
            }
            else
            {
                dateEnd.AppendNull();
            }

            precision.Append((sbyte)x.Precision);
            harmonised.Append((sbyte)x.HarmonisedType);
            latitude.Append(x.Latitude);
            longitude.Append(x.Longitude);
            geo.Append(x.GeoPrecision);
            fatalities.Append(x.Fatalities);
            low.Append(x.FatalitiesLow);
            high.Append(x.FatalitiesHigh);
            line.Append(x.SourceLine);
            for (var c = 0; c < TextColumns.Length; c++)
            {
                texts[c].Append(TextColumns[c].Get(x));
            }
        }

        var header = new CacheHeader(
            table.Source.ToString(), table.Layout, table.RowsRead, table.HasSyntheticRows,
            table.UnknownEventTypes.ToDictionary(),
            [.. table.Rejections.Select(r => new CachedRejection(r.Line, r.Column, r.ColumnNumber, r.Value, r.Reason, r.Hint))],
            [.. table.Warnings.Select(w => new CachedWarning(w.Line, w.Column, w.Value, w.Message))]);

        var fields = new List<Field>
        {
            new("id", StringType.Default, false), new("source", Int8Type.Default, false), new("date", Date32Type.Default, false),
            new("date_end", Date32Type.Default, true), new("precision", Int8Type.Default, false), new("harmonised_type", Int8Type.Default, false),
            new("latitude", DoubleType.Default, true), new("longitude", DoubleType.Default, true), new("geo_precision", Int32Type.Default, true),
            new("fatalities", Int32Type.Default, false), new("fatalities_low", Int32Type.Default, true), new("fatalities_high", Int32Type.Default, true),
            new("source_line", Int64Type.Default, false),
        };
        fields.AddRange(TextColumns.Select(c => new Field(c.Name, TextType, true)));
        var schema = new Schema(fields, [new(MetadataKey, JsonSerializer.Serialize(header, Json))]);
        var arrays = new List<IArrowArray>
        {
            id.Build(), source.Build(), date.Build(), dateEnd.Build(), precision.Build(), harmonised.Build(),
            latitude.Build(), longitude.Build(), geo.Build(), fatalities.Build(), low.Build(), high.Build(), line.Build(),
        };
        arrays.AddRange(texts.Select(t => t.Build()));

        var temp = entry + "." + Path.GetRandomFileName() + ".tmp";
        try
        {
            byte[] hash;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
            {
                using (var writer = new ArrowFileWriter(stream, schema, leaveOpen: true))
                {
                    writer.WriteRecordBatch(new RecordBatch(schema, arrays, n));
                    writer.WriteEnd();
                }

                stream.Position = 0;
                hash = SHA256.HashData(stream);
            }

            File.Move(temp, entry, overwrite: true);
            WriteAtomic(entry + ".sha256", Encoding.ASCII.GetBytes(Hex(hash) + "\n"));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Reads an entry, or throws <see cref="InvalidDataException"/> saying why it cannot be trusted.</summary>
    private static EventTable Read(string entry, string path)
    {
        if (!File.Exists(entry + ".sha256"))
        {
            throw new InvalidDataException("its .sha256 file is missing (an interrupted write)");
        }

        if (!File.Exists(entry))
        {
            throw new InvalidDataException("the Arrow file is missing");
        }

        var bytes = File.ReadAllBytes(entry);
        var expected = File.ReadAllText(entry + ".sha256").Trim();
        var actual = Hex(SHA256.HashData(bytes));
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"its SHA-256 is {actual[..12]}… but {expected[..Math.Min(12, expected.Length)]}… was recorded (corrupt or truncated)");
        }

        try
        {
            return Decode(bytes, path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"the Arrow file cannot be read: {ex.GetBaseException().Message}", ex);
        }
    }

    private static EventTable Decode(byte[] bytes, string path)
    {
        using var reader = new ArrowFileReader(new MemoryStream(bytes, writable: false));
        var batch = reader.ReadNextRecordBatch() ?? throw new InvalidDataException("the Arrow file holds no record batch");
        var schema = reader.Schema;
        if (!schema.HasMetadata || !schema.Metadata.TryGetValue(MetadataKey, out var json))
        {
            throw new InvalidDataException("the Arrow file lacks the pipeline metadata");
        }

        var header = JsonSerializer.Deserialize<CacheHeader>(json, Json) ?? throw new InvalidDataException("empty pipeline metadata");
        var n = batch.Length;
        var id = (StringArray)batch.Column("id");
        var sourceArray = (Int8Array)batch.Column("source");
        var date = (Date32Array)batch.Column("date");
        var dateEnd = (Date32Array)batch.Column("date_end");
        var precisionArray = (Int8Array)batch.Column("precision");
        var harmonisedArray = (Int8Array)batch.Column("harmonised_type");
        var latitude = (DoubleArray)batch.Column("latitude");
        var longitude = (DoubleArray)batch.Column("longitude");
        var geo = (Int32Array)batch.Column("geo_precision");
        var fatalitiesArray = (Int32Array)batch.Column("fatalities");
        var low = (Int32Array)batch.Column("fatalities_low");
        var high = (Int32Array)batch.Column("fatalities_high");
        var lineArray = (Int64Array)batch.Column("source_line");
        var texts = TextColumns.Select(c => TextColumnReader.From((DictionaryArray)batch.Column(c.Name))).ToArray();
        var epoch = new DateOnly(1970, 1, 1).DayNumber;

        // Materialising a million records is allocation-bound; each processor builds one contiguous slice.
        var events = new ConflictEvent[n];
        var slices = n < 65_536 ? 1 : Environment.ProcessorCount;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var from = (int)((long)n * slice / slices);
            var to = (int)((long)n * (slice + 1) / slices);
            var dateValues = date.Values;
            var source = sourceArray.Values;
            var precision = precisionArray.Values;
            var harmonised = harmonisedArray.Values;
            var fatalities = fatalitiesArray.Values;
            var line = lineArray.Values;
            for (var i = from; i < to; i++)
            {
                events[i] = new ConflictEvent
                {
                    Id = id.GetString(i),
                    Source = (EventSource)source[i],
                    Date = DateOnly.FromDayNumber(epoch + dateValues[i]),
                    DateEnd = dateEnd.GetDateOnly(i),
                    Precision = (DatePrecision)precision[i],
                    HarmonisedType = (HarmonisedEventType)harmonised[i],
                    Latitude = latitude.GetValue(i),
                    Longitude = longitude.GetValue(i),
                    GeoPrecision = geo.GetValue(i),
                    Fatalities = fatalities[i],
                    FatalitiesLow = low.GetValue(i),
                    FatalitiesHigh = high.GetValue(i),
                    SourceLine = line[i],
                    EventType = texts[0][i] ?? throw new InvalidDataException($"row {i} has no event type"),
                    SubEventType = texts[1][i],
                    DisorderType = texts[2][i],
                    Actor1 = texts[3][i],
                    AssocActor1 = texts[4][i],
                    Actor2 = texts[5][i],
                    AssocActor2 = texts[6][i],
                    Inter1 = texts[7][i],
                    Inter2 = texts[8][i],
                    Country = texts[9][i] ?? throw new InvalidDataException($"row {i} has no country"),
                    Admin1 = texts[10][i],
                    Admin2 = texts[11][i],
                    Admin3 = texts[12][i],
                    Location = texts[13][i],
                };
            }
        });

        var rejections = header.Rejections.Select(r => new RowRejection(path, r.Line, r.Column, r.ColumnNumber, r.Value, r.Reason, r.Hint)).ToList();
        var warnings = header.Warnings.Select(w => new RowWarning(path, w.Line, w.Column, w.Value, w.Message)).ToList();
        if (header.RowsRead != n + rejections.Count)
        {
            throw new InvalidDataException($"the metadata counts {header.RowsRead} rows but the entry holds {n} events and {rejections.Count} rejections");
        }

        return new EventTable(
            path, Enum.Parse<EventSource>(header.Source), header.Layout, events, rejections, header.RowsRead,
            EventLoader.NameSaysSynthetic(path) || header.SyntheticRows,
            new SortedDictionary<string, int>(header.UnknownEventTypes, StringComparer.Ordinal), warnings)
        { HasSyntheticRows = header.SyntheticRows };
    }

    private static void DeleteOtherVersions(string folder, string inputHash, string keep)
    {
        foreach (var old in Directory.EnumerateFiles(folder, $"events-{inputHash}-*.arrow"))
        {
            if (!string.Equals(old, keep, StringComparison.Ordinal))
            {
                Delete(old);
            }
        }
    }

    private static void Delete(string entry)
    {
        File.Delete(entry + ".sha256");
        File.Delete(entry);
    }

    private static void WriteAtomic(string path, byte[] bytes)
    {
        var temp = path + "." + Path.GetRandomFileName() + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>The text columns, in the order <see cref="Decode"/> reads them.</summary>
    private static readonly (string Name, Func<ConflictEvent, string?> Get)[] TextColumns =
    [
        ("event_type", e => e.EventType), ("sub_event_type", e => e.SubEventType), ("disorder_type", e => e.DisorderType),
        ("actor1", e => e.Actor1), ("assoc_actor_1", e => e.AssocActor1), ("actor2", e => e.Actor2), ("assoc_actor_2", e => e.AssocActor2),
        ("inter1", e => e.Inter1), ("inter2", e => e.Inter2), ("country", e => e.Country), ("admin1", e => e.Admin1),
        ("admin2", e => e.Admin2), ("admin3", e => e.Admin3), ("location", e => e.Location),
    ];

    /// <summary>Dictionary-encodes one text column: each distinct value once, an index per row (null for no value).</summary>
    private sealed class TextColumnBuilder(int capacity)
    {
        private readonly Dictionary<string, int> codes = new(StringComparer.Ordinal);
        private readonly StringArray.Builder values = new();
        private readonly Int32Array.Builder indices = new Int32Array.Builder().Reserve(capacity);

        public void Append(string? value)
        {
            if (value is null)
            {
                indices.AppendNull();
                return;
            }

            if (!codes.TryGetValue(value, out var code))
            {
                code = codes.Count;
                codes.Add(value, code);
                values.Append(value);
            }

            indices.Append(code);
        }

        public DictionaryArray Build() => new(TextType, indices.Build(), values.Build());
    }

    /// <summary>
    /// A dictionary-encoded column with its distinct values decoded once into strings, and its indices
    /// copied into a plain array where 0 means "no value" (so a row costs two array reads, no bitmap test).
    /// </summary>
    private sealed class TextColumnReader
    {
        private readonly string?[] values;
        private readonly int[] codes;

        private TextColumnReader(string?[] values, int[] codes)
        {
            this.values = values;
            this.codes = codes;
        }

        public string? this[int row] => values[codes[row]];

        public static TextColumnReader From(DictionaryArray array)
        {
            var dictionary = (StringArray)array.Dictionary;
            var values = new string?[dictionary.Length + 1];
            for (var i = 0; i < dictionary.Length; i++)
            {
                values[i + 1] = dictionary.GetString(i) ?? "";
            }

            var indices = (Int32Array)array.Indices;
            var raw = indices.Values;
            var codes = new int[raw.Length];
            var bitmap = indices.NullBitmapBuffer.Span;
            var allValid = indices.NullCount == 0 || bitmap.IsEmpty;
            for (var i = 0; i < raw.Length; i++)
            {
                if (!allValid && (bitmap[(i + indices.Offset) >> 3] & (1 << ((i + indices.Offset) & 7))) == 0)
                {
                    continue;
                }

                var code = raw[i];
                if ((uint)code >= (uint)dictionary.Length)
                {
                    throw new InvalidDataException($"a dictionary index ({code}) lies outside its dictionary ({dictionary.Length} values)");
                }

                codes[i] = code + 1;
            }

            return new TextColumnReader(values, codes);
        }
    }

    private sealed record InputStamp(string Path, long Length, long LastWriteUtcTicks, string Sha256);

    private sealed record CachedRejection(long Line, string? Column, int? ColumnNumber, string? Value, string Reason, string Hint);

    private sealed record CachedWarning(long Line, string? Column, string? Value, string Message);

    private sealed record CacheHeader(
        string Source,
        string Layout,
        long RowsRead,
        bool SyntheticRows,
        Dictionary<string, int> UnknownEventTypes,
        List<CachedRejection> Rejections,
        List<CachedWarning> Warnings);
}
