namespace Pipeline.Intensity;

/// <summary>How events are binned; named defaults so that notebooks and the CLI agree unless told otherwise.</summary>
public sealed record IntensityOptions
{
    /// <summary>Weekly (ISO) bins, imprecise events in a separate band.</summary>
    public static IntensityOptions Default { get; } = new();

    /// <summary>Bin width.</summary>
    public BinUnit Bin { get; init; } = BinUnit.IsoWeek;

    /// <summary>Treatment of events dated more coarsely than the bin.</summary>
    public ImprecisePolicy Imprecise { get; init; } = ImprecisePolicy.Band;
}
