using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Pipeline.Text;

namespace Pipeline.Events;

/// <summary>
/// The columnar cache behind <see cref="EventLoadOptions.Cache"/>: one Apache Arrow IPC stream file per input,
/// loader version and options, holding the loaded events column by column (text columns
/// dictionary-encoded, so each distinct value is stored and materialised once) and, in the schema
/// metadata, the rejections, warnings, unknown types and counts. Beside it a <c>.sha256</c> file holds the
/// hash of the Arrow file's bytes; an entry whose bytes do not match it is never read.
/// </summary>
/// <remarks>
/// Writes are atomic: the Arrow file goes to a temporary file that is moved into place, then the hash
/// file likewise. A crash between the two leaves an entry without a hash, which counts as unusable and is
/// rebuilt. Entries of other loader versions for the same input are deleted when a new one is written, and
/// the entries of a file's earlier content when it is found changed. Only a folder tagged with
/// <see cref="TagFile"/> by this cache (or empty, then tagged) is used, so nothing it did not write is ever
/// deleted or overwritten.
/// </remarks>
internal static class EventCache
{
    /// <summary>
    /// Bump whenever the loader can produce a different table from the same bytes (a new check, a changed
    /// message, a new column), so that every cache entry made by an older loader is ignored.
    /// </summary>
    public const int LoaderVersion = 2;

    private const string MetadataKey = "pipeline.events";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static readonly DictionaryType TextType = new(Int32Type.Default, StringType.Default, false);

    /// <summary>The tag that marks a folder as this cache's (the Cache Directory Tagging convention, so backup tools skip it too).</summary>
    internal const string TagFile = "CACHEDIR.TAG";

    private const string TagSignature = "Signature: 8a477f597d28d172789f06886806bc55";

    private const string TagText = TagSignature + "\n# This folder is the Pipeline events cache (see README.md, \"The events cache\"); delete it at any time.\n";

    /// <summary>
    /// How long before the hashing a file's last write must lie for its remembered hash to be trusted without
    /// hashing it again: a file changed twice within its file system's timestamp granularity can keep the same
    /// size and last-write time, so a hash taken right after a write is checked once more on the next load.
    /// </summary>
    internal static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    public static EventTable LoadOrBuild(string path, EventLoadOptions options, Func<EventTable> loadCsv)
    {
        var cache = options.Cache!;
        if (ClaimFolder(cache.Folder) is { } refusal)
        {
            cache.Report?.Invoke($"the events cache is not used: {refusal}");
            return loadCsv().With(new EventCacheResult(EventCacheOutcome.Unused, cache.Folder, "", refusal));
        }

        string inputHash;
        try
        {
            inputHash = InputHash(path, cache);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = $"cannot write in the cache folder {cache.Folder}: {ex.Message}";
            cache.Report?.Invoke($"the events cache is not used: {problem}");
            return loadCsv().With(new EventCacheResult(EventCacheOutcome.Unused, cache.Folder, "", problem));
        }

        var entry = Path.Combine(cache.Folder, $"events-{inputHash}-{OptionsKey(path, options)}.v{cache.LoaderVersion}.arrows");
        string? rebuilt = null;
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
            catch (IncompleteEntryException ex)
            {
                // Half an entry is what another process's write looks like between its two moves (or what a crash
                // left): rebuild and overwrite it atomically, but neither warn nor delete the other writer's files.
                rebuilt = ex.Message;
            }
            catch (InvalidDataException ex)
            {
                rebuilt = ex.Message;
                cache.Report?.Invoke($"cache entry {entry} is unusable ({rebuilt}); rebuilding it from {path}");
                Delete(entry);
            }
        }

        var table = loadCsv();
        try
        {
            Write(entry, table);
            DeleteOtherVersions(cache.Folder, inputHash, entry);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk or a read-only folder costs the next load its shortcut, never this load its table.
            var problem = $"cannot write the cache entry {entry}: {ex.Message}";
            cache.Report?.Invoke($"the events cache is not used: {problem}");
            return table.With(new EventCacheResult(EventCacheOutcome.Unused, entry, inputHash, problem));
        }

        return table.With(new EventCacheResult(rebuilt is null ? EventCacheOutcome.Written : EventCacheOutcome.Rebuilt, entry, inputHash, rebuilt));
    }

    /// <summary>
    /// Makes sure the folder is the cache's own: created (and tagged) when missing, tagged when empty, used
    /// when it holds the tag. A folder that holds other files and no tag is refused (the reason is returned),
    /// so the cache never deletes or overwrites a file it did not write.
    /// </summary>
    internal static string? ClaimFolder(string folder)
    {
        var tag = Path.Combine(folder, TagFile);
        try
        {
            if (File.Exists(tag))
            {
                var text = File.ReadAllText(tag);
                return text.StartsWith(TagSignature, StringComparison.Ordinal) && text.Contains("Pipeline events cache", StringComparison.Ordinal)
                    ? null
                    : $"{tag} was not written by this tool (it does not name the Pipeline events cache); choose another cache folder, or turn the cache off";
            }

            // Another process claiming the same new folder at this moment leaves only its tag's temporary file:
            // that is this cache's own write in flight, not a foreign file.
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(e => !Path.GetFileName(e).StartsWith(TagFile + ".", StringComparison.Ordinal)))
            {
                return $"{folder} holds files this tool did not write (it has no {TagFile}); choose an empty or new folder for the cache, or turn the cache off";
            }

            Directory.CreateDirectory(folder);
            WriteAtomic(tag, Encoding.ASCII.GetBytes(TagText));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot create or read the cache folder {folder}: {ex.Message}";
        }
    }

    /// <summary>
    /// SHA-256 of the input, remembered per (full path, size, last-write time) unless told to verify. A changed
    /// file is hashed again, and the entries of its earlier content are deleted so the folder does not grow with
    /// every edit. A remembered hash taken within <see cref="RacyWindow"/> of the file's last write is not trusted.
    /// </summary>
    private static string InputHash(string path, EventCacheOptions cache)
    {
        var info = new FileInfo(path);
        var full = info.FullName;
        var memo = Path.Combine(cache.Folder, "inputs", Sha256Hex.Of(full)[..24] + ".json");
        var stamp = new InputStamp(full, info.Length, info.LastWriteTimeUtc.Ticks, "", 0);
        string? earlier = null;
        if (File.Exists(memo))
        {
            try
            {
                var known = JsonSerializer.Deserialize<InputStamp>(File.ReadAllBytes(memo));
                if (known is not null && known.Sha256.Length == 64)
                {
                    var settled = known.HashedUtcTicks - known.LastWriteUtcTicks >= RacyWindow.Ticks;
                    if (!cache.VerifyInputHash && settled && known with { Sha256 = "", HashedUtcTicks = 0 } == stamp)
                    {
                        return known.Sha256;
                    }

                    earlier = known.Sha256;
                }
            }
            catch (JsonException)
            {
                // A damaged memo is only a missed shortcut: hash the file again below.
            }
        }

        var hashedAt = DateTime.UtcNow.Ticks;
        string hash;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
        {
            hash = Sha256Hex.Of(stream);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(memo)!);
        WriteAtomic(memo, JsonSerializer.SerializeToUtf8Bytes(stamp with { Sha256 = hash, HashedUtcTicks = hashedAt }));
        if (earlier is not null && !string.Equals(earlier, hash, StringComparison.Ordinal))
        {
            DeleteEntriesOf(cache.Folder, earlier);
        }

        return hash;
    }

    /// <summary>
    /// What besides the bytes changes what a load returns: the reader the file's name picks (the same bytes named
    /// <c>.csv</c> are refused when they are a workbook, and load when named <c>.xlsx</c>), the missing-value
    /// markers, and the size limits when not the defaults.
    /// </summary>
    private static string OptionsKey(string path, EventLoadOptions options)
    {
        var key = (ExcelEventReader.Handles(path) ? "excel\u001d" : "csv\u001d") + string.Join('\u001f', options.MissingValues);
        if (options.MaxRecordBytes != EventLoadOptions.DefaultMaxRecordBytes || options.MaxColumns != EventLoadOptions.DefaultMaxColumns)
        {
            key += $"\u001e{options.MaxRecordBytes}/{options.MaxColumns}";
        }

        return Sha256Hex.Of(key)[..8];
    }

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
            [.. table.Rejections.Select(r => new CachedRejection(r.Line, r.SpansLines ? r.LastLine : null, r.Column, r.ColumnNumber, r.Value, r.Reason, r.Hint))],
            [.. table.Warnings.Select(w => new CachedWarning(w.Line, w.Column, w.Value, w.Message, w.Kind))],
            table.DataLines?.First,
            table.DataLines?.Last);

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
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true))
            {
                writer.WriteRecordBatch(new RecordBatch(schema, arrays, n));
                writer.WriteEnd();
            }

            var hash = HashFile(temp);
            File.Move(temp, entry, overwrite: true);
            WriteAtomic(entry + ".sha256", Encoding.ASCII.GetBytes(hash + "\n"));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Reads an entry, or throws <see cref="InvalidDataException"/> saying why it cannot be trusted (<see cref="IncompleteEntryException"/> when half of it is missing).</summary>
    private static EventTable Read(string entry, string path)
    {
        if (!File.Exists(entry + ".sha256"))
        {
            throw new IncompleteEntryException("its .sha256 file is missing (an interrupted write, or another process is writing it)");
        }

        if (!File.Exists(entry))
        {
            throw new IncompleteEntryException("the Arrow file is missing (another process may be replacing it)");
        }

        var expected = File.ReadAllText(entry + ".sha256").Trim();
        var (bytes, actual) = ReadAndHash(entry);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new InvalidDataException("its SHA-256 does not match the one recorded when it was written (corrupt or truncated)");
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
        // The stream format read from memory: the arrays below are views of `bytes`, nothing is copied.
        using var reader = new ArrowStreamReader(bytes.AsMemory());
        var batch = reader.ReadNextRecordBatch() ?? throw new InvalidDataException("the Arrow data holds no record batch");
        if (reader.ReadNextRecordBatch() is not null)
        {
            throw new InvalidDataException("the Arrow data holds more than one record batch");
        }

        var schema = reader.Schema;
        if (!schema.HasMetadata || !schema.Metadata.TryGetValue(MetadataKey, out var json))
        {
            throw new InvalidDataException("the Arrow data lacks the pipeline metadata");
        }

        var header = JsonSerializer.Deserialize<CacheHeader>(json, Json) ?? throw new InvalidDataException("empty pipeline metadata");
        var n = batch.Length;
        var rejections = header.Rejections.Select(r => new RowRejection(path, r.Line, r.Column, r.ColumnNumber, r.Value, r.Reason, r.Hint) { LastLine = r.LastLine ?? r.Line }).ToList();
        var warnings = header.Warnings.Select(w => new RowWarning(path, w.Line, w.Column, w.Value, w.Message, w.Kind)).ToList();
        var dataLines = header.FirstDataLine is { } firstLine && header.LastDataLine is { } lastLine ? new LineRange(firstLine, lastLine) : null;
        if (header.RowsRead != n + rejections.Count)
        {
            throw new InvalidDataException($"the metadata counts {header.RowsRead} rows but the entry holds {n} events and {rejections.Count} rejections");
        }

        var date = (Date32Array)batch.Column("date");
        var epoch = new DateOnly(1970, 1, 1).DayNumber;
        var days = new int[n];
        var dateValues = date.Values;
        for (var i = 0; i < n; i++)
        {
            days[i] = epoch + dateValues[i];
        }

        var text = new Dictionary<EventTextField, Lazy<(string?[] Values, int[] Codes)>>();
        foreach (var (name, field, _) in TextColumns)
        {
            var column = (DictionaryArray)batch.Column(name);
            CheckIndices(column);
            text[field] = new(() => DecodeText(column), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        foreach (var required in new[] { EventTextField.EventType, EventTextField.Country })
        {
            if (batch.Column(TextColumns.First(c => c.Field == required).Name).NullCount is var nulls and > 0)
            {
                throw new InvalidDataException($"{nulls} rows have no {required}");
            }
        }

        var columns = new EventColumns(
            days,
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(((Int8Array)batch.Column("precision")).Values).ToArray(),
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(((Int8Array)batch.Column("harmonised_type")).Values).ToArray(),
            ((Int32Array)batch.Column("fatalities")).Values.ToArray(),
            text);
        ConflictEvent[] Materialise() => Materialize(batch, columns);
        var source = Enum.Parse<EventSource>(header.Source);
        var synthetic = EventLoader.NameSaysSynthetic(path) || header.SyntheticRows;
        var unknown = new SortedDictionary<string, int>(header.UnknownEventTypes, StringComparer.Ordinal);
        var hasRangesOrBands = batch.Column("date_end").NullCount != n || batch.Column("fatalities_low").NullCount != n || batch.Column("fatalities_high").NullCount != n;
        return hasRangesOrBands
            ? new EventTable(path, source, header.Layout, Materialise(), rejections, header.RowsRead, synthetic, unknown, warnings) { HasSyntheticRows = header.SyntheticRows, DataLines = dataLines }
            : new EventTable(path, source, header.Layout, new ColumnarEvents(columns, Materialise), rejections, header.RowsRead, synthetic, unknown, warnings) { HasSyntheticRows = header.SyntheticRows, DataLines = dataLines };
    }

    /// <summary>Builds the records; materialising a million of them is allocation-bound, so each processor builds one slice.</summary>
    private static ConflictEvent[] Materialize(RecordBatch batch, EventColumns columns)
    {
        var n = batch.Length;
        var id = (StringArray)batch.Column("id");
        var sourceArray = (Int8Array)batch.Column("source");
        var dateEnd = (Date32Array)batch.Column("date_end");
        var harmonisedArray = (Int8Array)batch.Column("harmonised_type");
        var latitude = (DoubleArray)batch.Column("latitude");
        var longitude = (DoubleArray)batch.Column("longitude");
        var geo = (Int32Array)batch.Column("geo_precision");
        var low = (Int32Array)batch.Column("fatalities_low");
        var high = (Int32Array)batch.Column("fatalities_high");
        var lineArray = (Int64Array)batch.Column("source_line");
        var t = TextColumns.Select(c => columns.Decoded(c.Field)).ToArray();
        var events = new ConflictEvent[n];
        var slices = n < 65_536 ? 1 : Environment.ProcessorCount;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var from = (int)((long)n * slice / slices);
            var to = (int)((long)n * (slice + 1) / slices);
            var days = columns.DayNumbers;
            var precision = columns.Precision;
            var fatalities = columns.Fatalities;
            var source = sourceArray.Values;
            var harmonised = harmonisedArray.Values;
            var line = lineArray.Values;
            for (var i = from; i < to; i++)
            {
                events[i] = new ConflictEvent
                {
                    Id = id.GetString(i),
                    Source = (EventSource)source[i],
                    Date = DateOnly.FromDayNumber(days[i]),
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
                    EventType = t[0].Values[t[0].Codes[i]] ?? throw new InvalidDataException($"row {i} has no event type"),
                    SubEventType = t[1].Values[t[1].Codes[i]],
                    DisorderType = t[2].Values[t[2].Codes[i]],
                    Actor1 = t[3].Values[t[3].Codes[i]],
                    AssocActor1 = t[4].Values[t[4].Codes[i]],
                    Actor2 = t[5].Values[t[5].Codes[i]],
                    AssocActor2 = t[6].Values[t[6].Codes[i]],
                    Inter1 = t[7].Values[t[7].Codes[i]],
                    Inter2 = t[8].Values[t[8].Codes[i]],
                    Country = t[9].Values[t[9].Codes[i]] ?? throw new InvalidDataException($"row {i} has no country"),
                    Admin1 = t[10].Values[t[10].Codes[i]],
                    Admin2 = t[11].Values[t[11].Codes[i]],
                    Admin3 = t[12].Values[t[12].Codes[i]],
                    Location = t[13].Values[t[13].Codes[i]],
                };
            }
        });
        return events;
    }

    /// <summary>
    /// Reads a file and hashes it, the two halves on two threads: the content hash is the SHA-256 of the
    /// halves' SHA-256 digests (split at length / 2), which halves the time of checking a large entry.
    /// </summary>
    /// <remarks>
    /// The same hash as <see cref="ReadAndHash"/>, read in 1 MiB pieces instead of into one array: an entry just
    /// written is hashed without holding its bytes a second time (the peak memory of a first, cache-writing load).
    /// </remarks>
    internal static string HashFile(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        var half = length / 2;
        var digests = new byte[64];
        Parallel.For(0, 2, part =>
        {
            var (offset, end) = part == 0 ? (0L, half) : (half, length);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 20];
            while (offset < end)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - offset)), offset);
                if (n == 0)
                {
                    throw new InvalidDataException("the entry ended while it was being read");
                }

                sha.AppendData(buffer, 0, n);
                offset += n;
            }

            sha.GetHashAndReset(digests.AsSpan(part * 32, 32));
        });
        return "sha256-halves:" + Sha256Hex.Of(digests);
    }

    private static (byte[] Bytes, string Hash) ReadAndHash(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > System.Array.MaxLength)
        {
            throw new InvalidDataException($"the entry is {length} bytes, more than one array can hold");
        }

        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        var half = bytes.Length / 2;
        var digests = new byte[64];
        Parallel.For(0, 2, part =>
        {
            var (offset, count) = part == 0 ? (0, half) : (half, bytes.Length - half);
            var span = bytes.AsSpan(offset, count);
            var read = 0;
            while (read < count)
            {
                var n = RandomAccess.Read(handle, span[read..], offset + read);
                if (n == 0)
                {
                    throw new InvalidDataException("the entry ended while it was being read");
                }

                read += n;
            }

            SHA256.HashData(span, digests.AsSpan(part * 32, 32));
        });
        return (bytes, "sha256-halves:" + Sha256Hex.Of(digests));
    }

    /// <summary>
    /// Deletes the entries an older or newer loader version wrote for this input. Entries of the same version with
    /// other options (another reader kind, strict or not) are kept: they are valid, and deleting them would let two
    /// processes loading one file with different options delete each other's entries mid-read.
    /// </summary>
    private static void DeleteOtherVersions(string folder, string inputHash, string keep)
    {
        var version = keep[keep.LastIndexOf(".v", StringComparison.Ordinal)..];
        foreach (var old in Directory.EnumerateFiles(folder, $"events-{inputHash}-*.arrows"))
        {
            if (!old.EndsWith(version, StringComparison.Ordinal))
            {
                Delete(old);
            }
        }
    }

    /// <summary>Deletes every entry of a file's earlier content (whatever version or options wrote it).</summary>
    private static void DeleteEntriesOf(string folder, string inputHash)
    {
        foreach (var old in Directory.EnumerateFiles(folder, $"events-{inputHash}-*.arrows"))
        {
            Delete(old);
        }
    }

    /// <summary>Half of an entry is on disk (its Arrow file or its hash file is missing): not corrupt, just not (yet) whole.</summary>
    private sealed class IncompleteEntryException(string message) : Exception(message);

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

    /// <summary>The text columns, in the order <see cref="Decode"/> reads them.</summary>
    private static readonly (string Name, EventTextField Field, Func<ConflictEvent, string?> Get)[] TextColumns =
    [
        ("event_type", EventTextField.EventType, e => e.EventType), ("sub_event_type", EventTextField.SubEventType, e => e.SubEventType),
        ("disorder_type", EventTextField.DisorderType, e => e.DisorderType), ("actor1", EventTextField.Actor1, e => e.Actor1),
        ("assoc_actor_1", EventTextField.AssocActor1, e => e.AssocActor1), ("actor2", EventTextField.Actor2, e => e.Actor2),
        ("assoc_actor_2", EventTextField.AssocActor2, e => e.AssocActor2), ("inter1", EventTextField.Inter1, e => e.Inter1),
        ("inter2", EventTextField.Inter2, e => e.Inter2), ("country", EventTextField.Country, e => e.Country),
        ("admin1", EventTextField.Admin1, e => e.Admin1), ("admin2", EventTextField.Admin2, e => e.Admin2),
        ("admin3", EventTextField.Admin3, e => e.Admin3), ("location", EventTextField.Location, e => e.Location),
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
    /// A dictionary-encoded column as its distinct values, decoded once into strings behind a null at index 0,
    /// and a plain code array (0 = no value), so a row costs two array reads and no bitmap test.
    /// </summary>
    /// <summary>
    /// Every index must lie inside its dictionary, checked when the entry is read (not when a column is first
    /// decoded), so an entry is either wholly trusted or rebuilt. Null slots hold 0, as the builder writes them.
    /// </summary>
    private static void CheckIndices(DictionaryArray array)
    {
        var length = array.Dictionary.Length;
        var raw = ((Int32Array)array.Indices).Values;
        var outside = false;
        foreach (var code in raw)
        {
            outside |= (uint)code >= (uint)length;
        }

        if (outside && length > 0)
        {
            throw new InvalidDataException($"a dictionary index of a text column lies outside its dictionary ({length} values)");
        }
    }

    private static (string?[] Values, int[] Codes) DecodeText(DictionaryArray array)
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
            var bit = i + indices.Offset;
            if (!allValid && (bitmap[bit >> 3] & (1 << (bit & 7))) == 0)
            {
                continue;
            }

            codes[i] = raw[i] + 1;
        }

        return (values, codes);
    }

    private sealed record InputStamp(string Path, long Length, long LastWriteUtcTicks, string Sha256, long HashedUtcTicks);

    private sealed record CachedRejection(long Line, long? LastLine, string? Column, int? ColumnNumber, string? Value, string Reason, string Hint);

    private sealed record CachedWarning(long Line, string? Column, string? Value, string Message, RowWarningKind Kind);

    private sealed record CacheHeader(
        string Source,
        string Layout,
        long RowsRead,
        bool SyntheticRows,
        Dictionary<string, int> UnknownEventTypes,
        List<CachedRejection> Rejections,
        List<CachedWarning> Warnings,
        long? FirstDataLine,
        long? LastDataLine);
}
