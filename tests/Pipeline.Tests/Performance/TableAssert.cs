using Pipeline.Events;

namespace Pipeline.Tests.Performance;

/// <summary>Asserts that two loads of the same input gave the same table, field by field.</summary>
internal static class TableAssert
{
    public static void Same(EventTable expected, EventTable actual)
    {
        Assert.Equal(expected.File, actual.File);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Layout, actual.Layout);
        Assert.Equal(expected.RowsRead, actual.RowsRead);
        Assert.Equal(expected.Loaded, actual.Loaded);
        Assert.Equal(expected.Rejected, actual.Rejected);
        Assert.Equal(expected.IsSynthetic, actual.IsSynthetic);
        Assert.Equal(expected.UnknownEventTypes.OrderBy(p => p.Key, StringComparer.Ordinal), actual.UnknownEventTypes.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Rejections, actual.Rejections);
        Assert.Equal(expected.Warnings, actual.Warnings);
        for (var i = 0; i < expected.Events.Count; i++)
        {
            Assert.Equal(expected.Events[i], actual.Events[i]);
        }
    }
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pipeline-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
