namespace Pipeline.Events;

/// <summary>
/// Maps ACLED rows of every known vintage (2016 API dump, 2017 upper-case file, 2018 29-column export,
/// 2019–2022 31-column export, 2023+ exports with numeric or text <c>inter</c> codes) by header name.
/// </summary>
/// <remarks>
/// <c>time_precision</c> 1/2/3 → <see cref="DatePrecision.Day"/>/<see cref="DatePrecision.Week"/>/<see cref="DatePrecision.Month"/>.
/// <c>ally_actor_*</c> (2016–2017) is read as <c>assoc_actor_*</c>. When a <c>year</c> column is present it
/// must agree with the event date, which catches day/month swaps. Unknown extra columns are ignored.
/// </remarks>
internal sealed class AcledReader : IEventRowMapper
{
    /// <summary>Columns without which a file cannot be read as ACLED (aliases separated by '|').</summary>
    public static readonly string[] RequiredColumns = ["event_id_cnty|data_id", "event_date", "time_precision", "event_type", "actor1", "country", "fatalities"];

    private readonly int id;
    private readonly int dataId;
    private readonly int date;
    private readonly int year;
    private readonly int precision;
    private readonly int disorder;
    private readonly int type;
    private readonly int subType;
    private readonly int actor1;
    private readonly int assoc1;
    private readonly int inter1;
    private readonly int actor2;
    private readonly int assoc2;
    private readonly int inter2;
    private readonly int country;
    private readonly int admin1;
    private readonly int admin2;
    private readonly int admin3;
    private readonly int location;
    private readonly int latitude;
    private readonly int longitude;
    private readonly int geoPrecision;
    private readonly int source;
    private readonly int fatalities;

    private AcledReader(HeaderIndex h)
    {
        id = h.Find("event_id_cnty");
        dataId = h.Find("data_id");
        date = h.Find("event_date");
        year = h.Find("year");
        precision = h.Find("time_precision");
        disorder = h.Find("disorder_type");
        type = h.Find("event_type");
        subType = h.Find("sub_event_type");
        actor1 = h.Find("actor1");
        assoc1 = h.Find("assoc_actor_1", "ally_actor_1");
        inter1 = h.Find("inter1");
        actor2 = h.Find("actor2");
        assoc2 = h.Find("assoc_actor_2", "ally_actor_2");
        inter2 = h.Find("inter2");
        country = h.Find("country");
        admin1 = h.Find("admin1");
        admin2 = h.Find("admin2");
        admin3 = h.Find("admin3");
        location = h.Find("location");
        latitude = h.Find("latitude");
        longitude = h.Find("longitude");
        geoPrecision = h.Find("geo_precision");
        source = h.Find("source");
        fatalities = h.Find("fatalities");
        Layout = DescribeLayout(h);
    }

    public EventSource Source => EventSource.Acled;

    public string Layout { get; }

    /// <summary>Whether a header looks like ACLED at all (used to choose a reader before checking columns).</summary>
    public static bool Recognises(HeaderIndex h) => h.Has("event_type") || h.Has("event_id_cnty") || h.Has("event_date");

    public static AcledReader Create(HeaderIndex h, string file)
    {
        EventLoader.RequireColumns(h, RequiredColumns, file, "ACLED");
        return new AcledReader(h);
    }

    public bool IsSyntheticRow(RowContext row) =>
        row.TryCleanSpan(source, out var bytes) && System.Text.Ascii.IsValid(bytes[..Math.Min(bytes.Length, 9)])
            ? bytes.Length >= 9 && System.Text.Ascii.EqualsIgnoreCase(bytes[..9], "Synthetic"u8)
            : row.Text(source) is { } s && s.StartsWith("Synthetic", StringComparison.OrdinalIgnoreCase);

    public ConflictEvent? Map(RowContext row, out RowRejection? rejection)
    {
        if (!TryCheck(row, out var c, out rejection))
        {
            return null;
        }

        return new ConflictEvent
        {
            // TryCheck found one of the two present, and the cells have not changed since.
            Id = row.Text(id) ?? row.Text(dataId)!,
            Source = EventSource.Acled,
            Date = c.Date,
            Precision = c.Precision,
            EventType = c.EventType,
            HarmonisedType = c.HarmonisedType,
            SubEventType = row.Text(subType) ?? c.ImpliedSubType,
            DisorderType = row.Text(disorder),
            Actor1 = row.Text(actor1),
            AssocActor1 = row.Text(assoc1),
            Actor2 = row.Text(actor2),
            AssocActor2 = row.Text(assoc2),
            Inter1 = c.Inter1,
            Inter2 = c.Inter2,
            Country = row.Text(country)!,
            Admin1 = row.Text(admin1),
            Admin2 = row.Text(admin2),
            Admin3 = row.Text(admin3),
            Location = row.Text(location),
            Latitude = c.Latitude,
            Longitude = c.Longitude,
            GeoPrecision = c.GeoPrecision,
            Fatalities = c.Fatalities,
            SourceLine = row.Line,
        };
    }

    public bool TryCount(RowContext row, out CountedEvent counted, out RowRejection? rejection)
    {
        var ok = TryCheck(row, out var c, out rejection);
        counted = ok ? new CountedEvent(c.Date, c.Date, c.Precision, c.EventType, c.HarmonisedType, c.Fatalities) : default;
        return ok;
    }

    /// <summary>The values of a row that passed every check, for <see cref="Map"/> and <see cref="TryCount"/>.</summary>
    private readonly record struct Checked(
        DateOnly Date, DatePrecision Precision, string EventType, HarmonisedEventType HarmonisedType, string? ImpliedSubType,
        string? Inter1, string? Inter2, int Fatalities, double? Latitude, double? Longitude, int? GeoPrecision);

    /// <summary>
    /// Every rule a row must pass, in the order that decides which rejection a row with several faults gets.
    /// Presence of the id and country is checked without making their strings; <see cref="Map"/> reads them after.
    /// </summary>
    private bool TryCheck(RowContext row, out Checked c, out RowRejection? rejection)
    {
        c = default;
        if (!row.Has(id) && !row.Has(dataId))
        {
            rejection = row.Reject(id >= 0 ? id : dataId, null, "event id is missing", "ACLED rows carry event_id_cnty (or data_id in old files); fix or remove the row");
            return false;
        }

        if (!row.TryCleanSpan(date, out var dateBytes) || !EventDates.TryParse(dateBytes, out var eventDate))
        {
            var dateText = row.Text(date);
            if (dateText is null)
            {
                rejection = row.Missing(date, "event_date");
                return false;
            }

            if (!EventDates.TryParse(dateText, out eventDate))
            {
                rejection = row.Reject(date, dateText, $"event_date: {EventDates.Diagnose(dateText)}", $"dates look like {EventDates.AcceptedExamples}");
                return false;
            }
        }

        if (!row.TryOptionalInt(year, "year", out var yearValue, out rejection))
        {
            return false;
        }

        if (yearValue is { } y && y != eventDate.Year)
        {
            rejection = row.Reject(year, row.Raw(year), $"year disagrees with event_date {eventDate:yyyy-MM-dd}", "a day/month swap or a hand edit; correct either cell");
            return false;
        }

        if (!row.TryInt(precision, "time_precision", out var p, out rejection, 1, 3))
        {
            return false;
        }

        var typeText = row.Text(type);
        if (typeText is null)
        {
            rejection = row.Missing(type, "event_type");
            return false;
        }

        if (!row.Has(country))
        {
            rejection = row.Missing(country, "country");
            return false;
        }

        if (!row.TryInt(fatalities, "fatalities", out var deaths, out rejection, 0))
        {
            return false;
        }

        if (!row.TryOptionalDouble(latitude, "latitude", -90, 90, out var lat, out rejection)
            || !row.TryOptionalDouble(longitude, "longitude", -180, 180, out var lon, out rejection)
            || !row.TryOptionalInt(geoPrecision, "geo_precision", out var geo, out rejection, 1, 3))
        {
            return false;
        }

        var i1 = row.Text(inter1);
        var i2 = row.Text(inter2);
        var (harmonised, impliedSubType) = EventTaxonomy.HarmoniseAcled(typeText, i1, i2);
        rejection = null;
        c = new Checked(eventDate, (DatePrecision)p, typeText, harmonised, impliedSubType, i1, i2, deaths, lat, lon, geo);
        return true;
    }

    private static string DescribeLayout(HeaderIndex h)
    {
        var upper = h.Names.Any(n => n.Length > 0 && n == n.ToUpperInvariant() && n.Any(char.IsLetter));
        var columns = h.Names.Count(n => n.Trim().Length > 0);
        if (h.Has("gwno") && upper)
        {
            return $"ACLED 2017 file, upper-case headers ({columns} columns)";
        }

        if (h.Has("gwno") || h.Has("ally_actor_1"))
        {
            return $"ACLED 2016 API dump ({columns} columns)";
        }

        if (h.Has("disorder_type"))
        {
            return $"ACLED 2023+ export ({columns} columns)";
        }

        if (h.Has("sub_event_type"))
        {
            return $"ACLED 2019–2022 export ({columns} columns)";
        }

        return $"ACLED 2018 export ({columns} columns)";
    }
}
