namespace Pipeline.Synthetic;

/// <summary>
/// Libya's 22 districts with approximate coordinates of a main town, weighted so that events cluster
/// where ACLED's Libya data cluster (Tripoli, Benghazi, the coast) rather than uniformly.
/// </summary>
internal static class LibyaGeography
{
    /// <summary>ISO 3166-1 numeric code, written in the numeric <c>iso</c> column.</summary>
    public const int IsoNumeric = 434;

    /// <summary>ISO 3166-1 alpha-3 code, the prefix of ACLED's <c>event_id_cnty</c>.</summary>
    public const string IsoAlpha3 = "LBY";

    /// <summary>ACLED's region for Libya.</summary>
    public const string Region = "Northern Africa";

    /// <summary>Districts and their weights (per cent, roughly).</summary>
    public static readonly WeightedTable<Admin1Place> Places = new(
        (new("Tripoli", "Tripoli", 328872, 131913), 28),
        (new("Benghazi", "Benghazi", 321167, 200667), 16),
        (new("Misrata", "Misrata", 323754, 150925), 6),
        (new("Al Jfara", "Al Aziziyah", 325300, 130200), 7),
        (new("Az Zawiyah", "Az Zawiyah", 327571, 127276), 4),
        (new("Sirt", "Sirt", 312089, 165887), 6),
        (new("Al Jufrah", "Hun", 291268, 159477), 2),
        (new("Sabha", "Sabha", 270377, 144283), 4),
        (new("Murzuq", "Murzuq", 259155, 139184), 2),
        (new("Darnah", "Darnah", 327648, 226392), 4),
        (new("Al Jabal al Akhdar", "Al Bayda", 327627, 217551), 2),
        (new("Al Marj", "Al Marj", 324929, 208305), 1),
        (new("Al Wahat", "Ajdabiya", 307554, 202263), 3),
        (new("Al Kufrah", "Al Kufrah", 241997, 232905), 1),
        (new("Nalut", "Nalut", 318685, 109812), 1),
        (new("Al Jabal al Gharbi", "Gharyan", 321722, 130203), 3),
        (new("Al Murgub", "Tarhuna", 324350, 136332), 3),
        (new("An Nuqat al Khams", "Zuwarah", 329312, 120820), 2),
        (new("Wadi al Hayat", "Ubari", 265903, 127751), 1),
        (new("Wadi ash Shati", "Brak", 275496, 142714), 1),
        (new("Ghat", "Ghat", 249647, 101728), 1),
        (new("Al Butnan", "Tobruk", 320836, 239764), 2));
}
