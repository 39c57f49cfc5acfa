using System.Globalization;
using System.Text.Json;
using Pipeline.Fetch;

namespace Pipeline.Tests.Fetch;

/// <summary>
/// ACLED's API shapes, served by a <see cref="LoopbackServer"/>: the OAuth token endpoint (password and
/// refresh grants), <c>api/acled/read</c> with country (A|B) / region / event_date BETWEEN / timestamp &gt; / &gt;= filters and
/// limit/page paging answering <c>{status, success, count, data}</c>, <c>api/deleted/read</c>, and 401 for a
/// missing or unknown bearer token. <see cref="Fault"/> lets a test answer any request differently first.
/// </summary>
internal sealed class FakeAcledApi : IDisposable
{
    public const string Email = "analyst.secret-mail@example.org";
    public const string Password = "pw-Very$ecret-9f3b1c";

    private readonly object gate = new();
    private readonly HashSet<string> validTokens = [];
    private readonly HashSet<string> refreshTokens = [];
    private int tokenCounter;

    public FakeAcledApi() => Server = new LoopbackServer(Handle);

    public LoopbackServer Server { get; }

    public Uri BaseUrl => Server.BaseUrl;

    /// <summary>Events served, as the API returns them (all values strings).</summary>
    public List<Dictionary<string, string>> Events { get; } = [];

    /// <summary>Deletions served by <c>api/deleted/read</c>.</summary>
    public List<(string Id, long DeletedTimestamp)> Deletions { get; } = [];

    /// <summary>When true, <c>count</c> in each page is the query's total rather than the page's row count (both are seen from ACLED).</summary>
    public bool CountIsTotal { get; set; }

    /// <summary><c>expires_in</c> of issued tokens, seconds.</summary>
    public int ExpiresIn { get; set; } = 86400;

    /// <summary>Answers a request before the normal API logic when it returns non-null.</summary>
    public Func<RecordedRequest, Reply?>? Fault { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    public IReadOnlyList<RecordedRequest> Reads => Requests.Where(r => r.Path == "/api/acled/read").ToList();

    public IReadOnlyList<RecordedRequest> TokenRequests => Requests.Where(r => r.Path == "/oauth/token").ToList();

    /// <summary>Every access and refresh token issued, to check none was written to disk.</summary>
    public List<string> IssuedSecrets { get; } = [];

    public static Func<string, string?> Environment(string? email = Email, string? password = Password) => name => name switch
    {
        "ACLED_EMAIL" => email,
        "ACLED_PASSWORD" => password,
        _ => null,
    };

    /// <summary>An event with every 2023-export field, as the API sends it.</summary>
    public static Dictionary<string, string> Event(string id, string date, int fatalities, long timestamp, string country = "Libya", string type = "Battles") => new()
    {
        ["event_id_cnty"] = id,
        ["event_date"] = date,
        ["year"] = date[..4],
        ["time_precision"] = "1",
        ["disorder_type"] = "Political violence",
        ["event_type"] = type,
        ["sub_event_type"] = type == "Battles" ? "Armed clash" : "Shelling/artillery/missile attack",
        ["actor1"] = "Military Forces of Libya (2014-) Haftar Faction",
        ["assoc_actor_1"] = "",
        ["inter1"] = "1",
        ["actor2"] = "Military Forces of Libya (2016-) Government of National Accord",
        ["assoc_actor_2"] = "",
        ["inter2"] = "1",
        ["interaction"] = "11",
        ["civilian_targeting"] = "",
        ["iso"] = "434",
        ["region"] = "Northern Africa",
        ["country"] = country,
        ["admin1"] = "Tripoli",
        ["admin2"] = "Tripoli",
        ["admin3"] = "",
        ["location"] = "Tripoli",
        ["latitude"] = "32.8872",
        ["longitude"] = "13.1913",
        ["geo_precision"] = "1",
        ["source"] = "Libya Observer",
        ["source_scale"] = "National",
        ["notes"] = $"On {date}, clashes, \"heavy\" shelling; notes with a comma.",
        ["fatalities"] = fatalities.ToString(CultureInfo.InvariantCulture),
        ["tags"] = "",
        ["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
    };

    public void Dispose() => Server.Dispose();

    private Reply Handle(RecordedRequest r)
    {
        if (Fault?.Invoke(r) is { } fault)
        {
            return fault;
        }

        return r.Path switch
        {
            "/oauth/token" => Token(r),
            "/api/acled/read" => Authorised(r) ?? Read(r),
            "/api/deleted/read" => Authorised(r) ?? Deleted(r),
            _ => Reply.Json(404, "{\"message\":\"no such endpoint\"}"),
        };
    }

    private Reply Token(RecordedRequest r)
    {
        lock (gate)
        {
            var grant = r.Form["grant_type"];
            var ok = grant switch
            {
                "password" => r.Form["username"] == Email && r.Form["password"] == Password && r.Form["client_id"] == "acled" && r.Form["scope"] == "authenticated",
                "refresh_token" => r.Form["refresh_token"] is { } t && refreshTokens.Remove(t),
                _ => false,
            };
            if (!ok)
            {
                return Reply.Json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The user credentials were incorrect.\",\"message\":\"The user credentials were incorrect.\"}");
            }

            var n = ++tokenCounter;
            var access = $"access-tok{n}-7d1e";
            var refresh = $"refresh-tok{n}-a9c2";
            validTokens.Add(access);
            refreshTokens.Add(refresh);
            IssuedSecrets.Add(access);
            IssuedSecrets.Add(refresh);
            return Reply.Json(200, JsonSerializer.Serialize(new { token_type = "Bearer", expires_in = ExpiresIn, access_token = access, refresh_token = refresh }));
        }
    }

    /// <summary>Revokes every access token, so the next read gets a 401.</summary>
    public void RevokeAccessTokens()
    {
        lock (gate)
        {
            validTokens.Clear();
        }
    }

    private Reply? Authorised(RecordedRequest r)
    {
        lock (gate)
        {
            var auth = r.Authorization ?? "";
            return auth.StartsWith("Bearer ", StringComparison.Ordinal) && validTokens.Contains(auth["Bearer ".Length..])
                ? null
                : Reply.Json(401, "{\"status\":401,\"success\":false,\"error\":{\"message\":\"Access denied: invalid or expired token\"}}");
        }
    }

    private Reply Read(RecordedRequest r)
    {
        IEnumerable<Dictionary<string, string>> rows;
        lock (gate)
        {
            rows = Events.ToList();
        }

        if (r.Param("country") is { Length: > 0 } country)
        {
            var names = country.Split('|');
            rows = rows.Where(e => names.Contains(e["country"]));
        }

        if (r.Param("region") is { Length: > 0 } region)
        {
            var name = AcledRegions.All[int.Parse(region, CultureInfo.InvariantCulture)].Name;
            rows = rows.Where(e => e["region"] == name);
        }

        if (r.Param("event_date") is { Length: > 0 } range)
        {
            Assert.Equal("BETWEEN", r.Param("event_date_where"));
            var parts = range.Split('|');
            rows = rows.Where(e => string.CompareOrdinal(e["event_date"], parts[0]) >= 0 && string.CompareOrdinal(e["event_date"], parts[1]) <= 0);
        }

        if (r.Param("timestamp") is { Length: > 0 } ts)
        {
            var threshold = long.Parse(ts, CultureInfo.InvariantCulture);
            rows = r.Param("timestamp_where") switch
            {
                ">" => rows.Where(e => long.Parse(e["timestamp"], CultureInfo.InvariantCulture) > threshold),
                ">=" => rows.Where(e => long.Parse(e["timestamp"], CultureInfo.InvariantCulture) >= threshold),
                var other => throw new InvalidOperationException($"unexpected timestamp_where '{other}'"),
            };
        }

        return Page(r, rows.OrderByDescending(e => e["event_date"], StringComparer.Ordinal).ThenBy(e => e["event_id_cnty"], StringComparer.Ordinal).Cast<object>().ToList());
    }

    private Reply Deleted(RecordedRequest r)
    {
        List<(string Id, long DeletedTimestamp)> all;
        lock (gate)
        {
            all = Deletions.ToList();
        }

        Assert.Equal(">=", r.Param("deleted_timestamp_where"));
        var since = long.Parse(r.Param("deleted_timestamp"), CultureInfo.InvariantCulture);
        return Page(r, all.Where(d => d.DeletedTimestamp >= since).Select(d => (object)new Dictionary<string, string> { ["event_id_cnty"] = d.Id, ["deleted_timestamp"] = d.DeletedTimestamp.ToString(CultureInfo.InvariantCulture) }).ToList());
    }

    private Reply Page(RecordedRequest r, List<object> rows)
    {
        Assert.Equal("json", r.Param("_format"));
        var limit = int.Parse(r.Param("limit"), CultureInfo.InvariantCulture);
        var page = int.Parse(r.Param("page"), CultureInfo.InvariantCulture);
        var slice = rows.Skip((page - 1) * limit).Take(limit).ToList();
        return Reply.Json(200, JsonSerializer.Serialize(new { status = 200, success = true, last_update = 0, count = CountIsTotal ? rows.Count : slice.Count, messages = Array.Empty<string>(), data = slice, filename = "acled" }));
    }
}
