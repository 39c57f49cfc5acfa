using Pipeline.Events;

namespace Pipeline.Tests.Properties;

/// <summary>The load step both CSV round-trip properties share: load, account for every written row, note what went wrong.</summary>
internal static class RoundTripLoad
{
    /// <summary>
    /// Loads a written file. Adds its rejections to <paramref name="rejected"/> and any row not read exactly
    /// once to <paramref name="unaccounted"/>; notes a load error, the first rejections and a layout described
    /// otherwise than <paramref name="layoutPrefix"/>. Null when the file did not load at all.
    /// </summary>
    public static EventTable? Load(string path, int written, string layoutPrefix, string where, Failures failures, ref int rejected, ref long unaccounted)
    {
        EventTable table;
        try
        {
            table = EventLoader.Load(path, EventLoadOptions.Default);
        }
        catch (Exception ex) when (ex is EventFileException or InvalidOperationException)
        {
            failures.Add($"{where}: load threw {ex.Message}");
            unaccounted += written;
            return null;
        }

        rejected += table.Rejections.Count;
        unaccounted += Math.Abs(table.RowsRead - written) + Math.Abs(table.Loaded + table.Rejected - written);
        foreach (var r in table.Rejections.Take(2))
        {
            failures.Add($"{where}: rejected line {r.Line} column {r.Column}: {r.Reason}; value {AwkwardText.Show(r.Value)}");
        }

        if (!table.Layout.StartsWith(layoutPrefix, StringComparison.Ordinal))
        {
            failures.Add($"{where}: layout described as '{table.Layout}', expected '{layoutPrefix} …'");
        }

        return table;
    }
}
