namespace Pipeline.Intensity;

/// <summary>
/// Counts and fatalities per bin over a contiguous run of bins, empty bins present as zeros (a chart must
/// not hide a quiet month). Precisely dated events and, under the band policy, imprecise ones are kept
/// apart so nothing uncertain is mixed into the main line unannounced.
/// </summary>
public sealed class IntensitySeries
{
    /// <summary>Creates a series; all arrays must have one value per bin.</summary>
    public IntensitySeries(
        string name,
        BinUnit bin,
        ImprecisePolicy policy,
        IReadOnlyList<DateOnly> binStarts,
        IReadOnlyList<double> events,
        IReadOnlyList<double> fatalities,
        IReadOnlyList<double> impreciseEvents,
        IReadOnlyList<double> impreciseFatalities,
        IReadOnlyList<double>? fatalitiesLow,
        IReadOnlyList<double>? fatalitiesHigh)
    {
        var n = binStarts.Count;
        if (events.Count != n || fatalities.Count != n || impreciseEvents.Count != n || impreciseFatalities.Count != n
            || (fatalitiesLow is not null && fatalitiesLow.Count != n) || (fatalitiesHigh is not null && fatalitiesHigh.Count != n))
        {
            throw new ArgumentException("every series must have one value per bin");
        }

        Name = name;
        Bin = bin;
        Policy = policy;
        BinStarts = binStarts;
        Events = events;
        Fatalities = fatalities;
        ImpreciseEvents = impreciseEvents;
        ImpreciseFatalities = impreciseFatalities;
        FatalitiesLow = fatalitiesLow;
        FatalitiesHigh = fatalitiesHigh;
    }

    /// <summary>What the series counts (e.g. "all events", "Battles", "Tripoli").</summary>
    public string Name { get; }

    /// <summary>Bin width.</summary>
    public BinUnit Bin { get; }

    /// <summary>How imprecise events were handled.</summary>
    public ImprecisePolicy Policy { get; }

    /// <summary>First day of each bin.</summary>
    public IReadOnlyList<DateOnly> BinStarts { get; }

    /// <summary>Events per bin (precise ones; under <see cref="ImprecisePolicy.Spread"/>, all, fractionally).</summary>
    public IReadOnlyList<double> Events { get; }

    /// <summary>Fatalities per bin, matching <see cref="Events"/>.</summary>
    public IReadOnlyList<double> Fatalities { get; }

    /// <summary>Imprecise events per bin (band policy); zeros under spread.</summary>
    public IReadOnlyList<double> ImpreciseEvents { get; }

    /// <summary>Fatalities of imprecise events per bin (band policy).</summary>
    public IReadOnlyList<double> ImpreciseFatalities { get; }

    /// <summary>Sum of UCDP low estimates per bin (all events, precise and imprecise); null when no event had one.</summary>
    public IReadOnlyList<double>? FatalitiesLow { get; }

    /// <summary>Sum of UCDP high estimates per bin; null when no event had one.</summary>
    public IReadOnlyList<double>? FatalitiesHigh { get; }

    /// <summary>Number of bins.</summary>
    public int Count => BinStarts.Count;

    /// <summary>All events counted, precise and imprecise.</summary>
    public double TotalEvents => Events.Sum() + ImpreciseEvents.Sum();

    /// <summary>All fatalities counted, precise and imprecise.</summary>
    public double TotalFatalities => Fatalities.Sum() + ImpreciseFatalities.Sum();

    /// <summary>The index of the bin holding <paramref name="date"/>, or −1 when it is outside the series.</summary>
    public int IndexOf(DateOnly date)
    {
        if (Count == 0 || date < BinStarts[0] || date >= Bins.Next(BinStarts[^1], Bin))
        {
            return -1;
        }

        return Bins.Offset(BinStarts[0], date, Bin);
    }

    /// <summary>Events per bin, precise plus imprecise (what the charts and tables show). The event study counts <see cref="Events"/> alone and reports the imprecise ones as a band (see <see cref="EventStudy"/>).</summary>
    public double[] AllEvents() => Events.Zip(ImpreciseEvents, (a, b) => a + b).ToArray();

    /// <summary>Fatalities per bin, precise plus imprecise.</summary>
    public double[] AllFatalities() => Fatalities.Zip(ImpreciseFatalities, (a, b) => a + b).ToArray();
}
