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
