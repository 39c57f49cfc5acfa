using Pipeline.Events;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>Writes fetched records as an RFC 4180 CSV (UTF-8, LF), atomically, in the column order given.</summary>
internal static class EventCsv
{
    public static void Write(string path, IReadOnlyList<string> columns, IEnumerable<IReadOnlyDictionary<string, string>> records) =>
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, Rfc4180Writer.Utf8NoBom, leaveOpen: true);
            using var csv = new Rfc4180Writer(text);
            csv.WriteRecord(columns);
            var fields = new string[columns.Count];
            foreach (var record in records)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    fields[i] = record.GetValueOrDefault(columns[i]) ?? "";
                }

                csv.WriteRecord(fields);
            }
        });

    /// <summary>The preferred columns first, then every other field name in first-seen order.</summary>
    public static List<string> Columns(IEnumerable<string> preferred, IEnumerable<IReadOnlyDictionary<string, string>> records)
    {
        var columns = new List<string>(preferred);
        var seen = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            foreach (var name in record.Keys)
            {
                if (seen.Add(name))
                {
                    columns.Add(name);
                }
            }
        }

        return columns;
    }
}
