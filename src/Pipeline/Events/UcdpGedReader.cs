namespace Pipeline.Events;

/// <summary>
/// Maps UCDP GED rows (country downloads with <c>best_est</c>/<c>low_est</c>/<c>high_est</c> and
/// <c>MM/DD/YYYY HH:MM:SS</c> dates, and the bulk CSV with <c>best</c>/<c>low</c>/<c>high</c> and ISO dates)
/// onto the same <see cref="ConflictEvent"/> as ACLED.
/// </summary>
/// <remarks>
/// <para><b>Date precision</b> (<c>date_prec</c>, UCDP GED codebook): 1 exact day → Day; 2 a 2–6 day range →
/// Week; 3 only the week → Week; 4 an 8–30 day range or only the month → Month; 5 only the year or a longer
/// range → Year. Any other code (one real Egypt row has 0) is taken from the span <c>date_end − date_start</c>:
/// 0 days → Day, ≤ 6 → Week, ≤ 31 → Month, else Year.</para>
/// <para><b>Violence type</b> (<c>type_of_violence</c>): see <see cref="EventTaxonomy.TryHarmoniseUcdp"/>;
/// the original name (State-based / Non-state conflict / One-sided violence) is kept as the event type.</para>
/// <para><b>Actors</b>: <c>side_a</c> → actor 1, <c>side_b</c> → actor 2. <b>Fatalities</b>: best estimate,
/// with low and high kept as a band. Rows where best lies outside low..high (UCDP publishes a few) are kept and reported as warnings.</para>
/// </remarks>
internal sealed class UcdpGedReader : IEventRowMapper
{
    /// <summary>Columns without which a file cannot be read as UCDP GED (aliases separated by '|').</summary>
    public static readonly string[] RequiredColumns = ["id", "type_of_violence", "date_prec", "date_start", "date_end", "country", "side_a", "side_b", "best_est|best"];

    private readonly int id;
    private readonly int violence;
    private readonly int datePrec;
    private readonly int dateStart;
    private readonly int dateEnd;
    private readonly int country;
    private readonly int sideA;
    private readonly int sideB;
    private readonly int admin1;
    private readonly int admin2;
    private readonly int location;
    private readonly int latitude;
    private readonly int longitude;
    private readonly int wherePrec;
    private readonly int best;
    private readonly int low;
    private readonly int high;

    private UcdpGedReader(HeaderIndex h)
    {
        id = h.Find("id");
        violence = h.Find("type_of_violence");
        datePrec = h.Find("date_prec");
        dateStart = h.Find("date_start");
        dateEnd = h.Find("date_end");
        country = h.Find("country");
        sideA = h.Find("side_a");
        sideB = h.Find("side_b");
        admin1 = h.Find("adm_1");
        admin2 = h.Find("adm_2");
        location = h.Find("where_coordinates");
        latitude = h.Find("latitude");
        longitude = h.Find("longitude");
        wherePrec = h.Find("where_prec");
        best = h.Find("best_est", "best");
        low = h.Find("low_est", "low");
        high = h.Find("high_est", "high");
        Layout = h.Has("best_est")
            ? $"UCDP GED country download ({h.Names.Count(n => n.Trim().Length > 0)} columns)"
            : $"UCDP GED bulk CSV ({h.Names.Count(n => n.Trim().Length > 0)} columns)";
    }

    public EventSource Source => EventSource.UcdpGed;

    public string Layout { get; }

    public static bool Recognises(HeaderIndex h) => h.Has("type_of_violence") || h.Has("date_prec") || h.Has("side_a");

    public static UcdpGedReader Create(HeaderIndex h, string file)
    {
        EventLoader.RequireColumns(h, RequiredColumns, file, "UCDP GED");
        return new UcdpGedReader(h);
    }

    public bool IsSyntheticRow(RowContext row) => false;

    public ConflictEvent? Map(RowContext row, out RowRejection? rejection)
    {
        if (!TryCheck(row, out var c, out rejection))
        {
            return null;
        }

        return new ConflictEvent
        {
            // TryCheck found both present, and the cells have not changed since.
            Id = row.Text(id)!,
            Source = EventSource.UcdpGed,
            Date = c.Start,
            DateEnd = c.End == c.Start ? null : c.End,
            Precision = c.Precision,
            EventType = c.TypeName,
            HarmonisedType = c.HarmonisedType,
            SubEventType = c.SubType,
            Actor1 = row.Text(sideA),
            Actor2 = row.Text(sideB),
            Country = row.Text(country)!,
            Admin1 = row.Text(admin1),
            Admin2 = row.Text(admin2),
            Location = row.Text(location),
            Latitude = c.Latitude,
            Longitude = c.Longitude,
            GeoPrecision = c.GeoPrecision,
            Fatalities = c.Best,
            FatalitiesLow = c.Low,
            FatalitiesHigh = c.High,
            SourceLine = row.Line,
        };
    }

    public bool TryCount(RowContext row, out CountedEvent counted, out RowRejection? rejection)
    {
        var ok = TryCheck(row, out var c, out rejection);
        counted = ok ? new CountedEvent(c.Start, c.End, c.Precision, c.TypeName, c.HarmonisedType, c.Best) : default;
        return ok;
    }

    /// <summary>The values of a row that passed every check, for <see cref="Map"/> and <see cref="TryCount"/>.</summary>
    private readonly record struct Checked(
        DateOnly Start, DateOnly End, DatePrecision Precision, string TypeName, HarmonisedEventType HarmonisedType, string SubType,
        int Best, int? Low, int? High, double? Latitude, double? Longitude, int? GeoPrecision);

    /// <summary>
    /// Every rule a row must pass, in the order that decides which rejection a row with several faults gets,
    /// and the warning for a best estimate outside its band. Presence of the id and country is checked without
    /// making their strings; <see cref="Map"/> reads them after.
    /// </summary>
    private bool TryCheck(RowContext row, out Checked c, out RowRejection? rejection)
    {
        c = default;
        if (!row.Has(id))
        {
            rejection = row.Missing(id, "id");
            return false;
        }

        if (!TryDate(row, dateStart, "date_start", out var start, out rejection) || !TryDate(row, dateEnd, "date_end", out var end, out rejection))
        {
            return false;
        }

        if (end < start)
        {
            rejection = row.Reject(dateEnd, row.Raw(dateEnd), $"date_end is before date_start {start:yyyy-MM-dd}", "swap the two dates or correct the end date");
            return false;
        }

        if (!row.TryInt(datePrec, "date_prec", out var prec, out rejection, 0, 9)
            || !row.TryInt(violence, "type_of_violence", out var tov, out rejection))
        {
            return false;
        }

        if (!EventTaxonomy.TryHarmoniseUcdp(tov, out var harmonised, out var subType, out var typeName))
        {
            rejection = row.Reject(violence, row.Raw(violence), "type_of_violence is not 1, 2 or 3", "UCDP codes 1 state-based, 2 non-state, 3 one-sided violence");
            return false;
        }

        if (!row.Has(country))
        {
            rejection = row.Missing(country, "country");
            return false;
        }

        if (!row.TryInt(best, "best estimate", out var bestValue, out rejection, 0)
            || !row.TryOptionalInt(low, "low estimate", out var lowValue, out rejection, 0)
            || !row.TryOptionalInt(high, "high estimate", out var highValue, out rejection, 0))
        {
            return false;
        }

        if ((lowValue is { } lo && lo > bestValue) || (highValue is { } hi && hi < bestValue))
        {
            // UCDP itself publishes a few such rows; keep them as published and say so.
            row.Warn(best, $"best estimate {bestValue} lies outside low..high ({lowValue}..{highValue}); kept as published by UCDP");
        }

        if (!row.TryOptionalDouble(latitude, "latitude", -90, 90, out var lat, out rejection)
            || !row.TryOptionalDouble(longitude, "longitude", -180, 180, out var lon, out rejection)
            || !row.TryOptionalInt(wherePrec, "where_prec", out var geo, out rejection, 1, 7))
        {
            return false;
        }

        rejection = null;
        c = new Checked(start, end, MapPrecision(prec, start, end), typeName, harmonised, subType, bestValue, lowValue, highValue, lat, lon, geo);
        return true;
    }

    /// <summary>The documented <c>date_prec</c> mapping (see the type's remarks).</summary>
    internal static DatePrecision MapPrecision(int datePrec, DateOnly start, DateOnly end) => datePrec switch
    {
        1 => DatePrecision.Day,
        2 or 3 => DatePrecision.Week,
        4 => DatePrecision.Month,
        5 => DatePrecision.Year,
        _ => (end.DayNumber - start.DayNumber) switch
        {
            0 => DatePrecision.Day,
            <= 6 => DatePrecision.Week,
            <= 31 => DatePrecision.Month,
            _ => DatePrecision.Year,
        },
    };

    private static bool TryDate(RowContext row, int column, string name, out DateOnly date, out RowRejection? rejection)
    {
        rejection = null;
        var text = row.Text(column);
        if (text is null)
        {
            date = default;
            rejection = row.Missing(column, name);
            return false;
        }

        if (!EventDates.TryParse(text, out date))
        {
            rejection = row.Reject(column, text, $"{name}: {EventDates.Diagnose(text)}", $"dates look like {EventDates.AcceptedExamples}");
            return false;
        }

        return true;
    }
}
