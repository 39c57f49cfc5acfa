using System.Globalization;
using System.IO.Compression;
using Pipeline.Cli;
using Pipeline.Events;

namespace Pipeline.Tests.Fetch;

/// <summary>Tests that set process environment variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariablesCollection
{
    public const string Name = "environment variables";
}

/// <summary><c>pipeline fetch</c> end to end against loopback servers, then <c>pipeline report</c> on the result.</summary>
[Collection(EnvironmentVariablesCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Network)]
public sealed class FetchCommandTests : IDisposable
{
    private readonly FakeAcledApi api = new();
    private readonly string dir = Directory.CreateTempSubdirectory("pipeline-fetch-cli-").FullName;
    private readonly Dictionary<string, string?> saved = [];

    public FetchCommandTests()
    {
        foreach (var name in new[] { "ACLED_EMAIL", "ACLED_PASSWORD", "UCDP_TOKEN" })
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
        }

        SetCredentials(FakeAcledApi.Email, FakeAcledApi.Password);
        var start = new DateOnly(2019, 1, 5);
        for (var i = 0; i < 120; i++)
        {
            var d = start.AddDays(i * 4);
            api.Events.Add(FakeAcledApi.Event($"LBY{1000 + i}", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i % 4, 1600000000 + i, type: i % 3 == 0 ? "Explosions/Remote violence" : "Battles"));
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        api.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    private static void SetCredentials(string? email, string? password)
    {
        Environment.SetEnvironmentVariable("ACLED_EMAIL", email);
        Environment.SetEnvironmentVariable("ACLED_PASSWORD", password);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string[] AcledArgs(params string[] extra) =>
        ["fetch", "acled", "--country", "Libya", "--from", "2019-01-01", "--to", "2020-06-30", "--out", Path.Combine(dir, "raw"), "--base-url", api.BaseUrl.AbsoluteUri, "--page-size", "50", .. extra];

    [Fact]
    public void Fetched_csv_becomes_a_report()
    {
        var (code, output, err) = Run(AcledArgs());

        Assert.True(code == 0, err);
        var csv = output.Trim();
        Assert.Equal(Path.Combine(dir, "raw", "acled_libya_2019-01-01_2020-06-30.csv"), csv);
        Assert.Contains("fetch: 120 events; ", err);
        Assert.Contains("fetch: ACLED Libya 2019-01-01..2019-12-31 page 1: 50 rows", err);
        Assert.Equal(0, EventLoader.Load(csv).Rejected);

        var report = Path.Combine(dir, "report");
        var (reportCode, _, reportErr) = Run("report", "--events", csv, "--articles", Support.TestPaths.Project.Articles, "--out", report, "--no-png", "--window", "2");

        Assert.True(reportCode == 0, reportErr);
        var manifest = Pipeline.Reports.Manifest.Read(Path.Combine(report, "manifest.json"));
        Assert.Contains(manifest.Inputs, i => Path.GetFullPath(Path.Combine(report, i.Path)) == Path.GetFullPath(Pipeline.Fetch.FetchProvenance.PathFor(csv)));
    }

    [Fact]
    public void A_misspelt_country_exits_1_with_a_suggestion_and_no_request()
    {
        var (code, output, err) = Run("fetch", "acled", "--country", "Lybia", "--from", "2019-01-01", "--to", "2020-06-30", "--out", Path.Combine(dir, "raw"), "--base-url", api.BaseUrl.AbsoluteUri);

        Assert.Equal(CliApp.InputError, code);
        Assert.Equal("", output);
        Assert.Contains("did you mean \"Libya\"?", err);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void Repeated_country_options_make_one_request_set_for_all()
    {
        var (code, output, err) = Run("fetch", "acled", "--country", "Libya", "--country", "Egypt", "--from", "2020-01-01", "--to", "2020-06-30", "--out", Path.Combine(dir, "raw"), "--base-url", api.BaseUrl.AbsoluteUri, "--page-size", "50");

        Assert.True(code == 0, err);
        Assert.EndsWith("acled_libya-egypt_2020-01-01_2020-06-30.csv", output.Trim(), StringComparison.Ordinal);
        Assert.All(api.Reads, r => Assert.Equal("Libya|Egypt", r.Param("country")));
    }

    [Fact]
    public void Second_run_prints_the_same_path_from_the_cache()
    {
        Run(AcledArgs());
        var requests = api.Requests.Count;
        SetCredentials(null, null);

        var (code, output, err) = Run(AcledArgs());

        Assert.Equal(0, code);
        Assert.Equal(requests, api.Requests.Count);
        Assert.Contains("0 responses downloaded, 5 from cache", err);
        Assert.EndsWith(".csv", output.Trim());
    }

    [Fact]
    public void Rejected_credentials_exit_1_with_one_line_on_stderr()
    {
        SetCredentials(FakeAcledApi.Email, "not-the-password");

        var (code, output, err) = Run(AcledArgs());

        Assert.Equal(CliApp.InputError, code);
        Assert.Equal("", output);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ACLED rejected the sign-in", line);
        Assert.Contains("The user credentials were incorrect.", line);
        Assert.DoesNotContain(FakeAcledApi.Email, err);
    }

    [Fact]
    public void Missing_credentials_exit_1()
    {
        SetCredentials(null, null);

        var (code, _, err) = Run(AcledArgs());

        Assert.Equal(CliApp.InputError, code);
        Assert.StartsWith("error: ACLED credentials are missing: ACLED_EMAIL and ACLED_PASSWORD are not set", err);
    }

    [Theory]
    [InlineData("--from", "2019-13-01", "--from '2019-13-01' is not a date in the form yyyy-MM-dd")]
    [InlineData("--base-url", "ftp://example.org", "--base-url 'ftp://example.org' is not an absolute http(s) URL")]
    public void Bad_arguments_exit_1_with_the_reason(string option, string value, string message)
    {
        var args = AcledArgs().ToList();
        args[args.IndexOf(option) + 1] = value;

        var (code, _, err) = Run([.. args]);

        Assert.Equal(CliApp.InputError, code);
        Assert.Contains(message, err);
    }

    [Fact]
    public void Refresh_and_update_together_are_refused()
    {
        var (code, _, err) = Run(AcledArgs("--refresh", "--update"));

        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("--refresh and --update exclude each other", err);
    }

    [Fact]
    public void Update_reports_added_changed_deleted_counts()
    {
        Run(AcledArgs());
        api.Events.Add(FakeAcledApi.Event("LBY5000", "2020-06-01", 2, 1700000000));
        api.Deletions.Add(("LBY1000", 1700000001));

        var (code, _, err) = Run(AcledArgs("--update"));

        Assert.Equal(0, code);
        Assert.Contains("update since timestamp 1600000119: 1 added, 0 changed, 1 deleted", err);
        Assert.Contains("previous file kept as ", err);
    }

    [Fact]
    public void Ucdp_archive_fetch_prints_the_csv_path()
    {
        var zip = File.ReadAllBytes(MakeArchive());
        using var server = new LoopbackServer(r => new Reply(200, zip, new Dictionary<string, string> { ["Content-Type"] = "application/zip" }));

        var (code, output, err) = Run("fetch", "ucdp", "--country", "Libya", "--version", "25.1", "--out", Path.Combine(dir, "ucdp"), "--base-url", server.BaseUrl.AbsoluteUri);

        Assert.True(code == 0, err);
        Assert.Equal(3, EventLoader.Load(output.Trim()).Loaded);
    }

    [Fact]
    public void Ucdp_fetch_keeps_several_countries_between_from_and_to()
    {
        var zip = File.ReadAllBytes(MakeArchive());
        using var server = new LoopbackServer(r => new Reply(200, zip, new Dictionary<string, string> { ["Content-Type"] = "application/zip" }));

        var (code, output, err) = Run("fetch", "ucdp", "--country", "Libya|Egypt", "--version", "25.1", "--from", "2019-04-10", "--to", "2019-06-01", "--out", Path.Combine(dir, "ucdp"), "--base-url", server.BaseUrl.AbsoluteUri);

        Assert.True(code == 0, err);
        Assert.EndsWith("ucdp_ged_25.1_libya-egypt_2019-04-10_2019-06-01.csv", output.Trim(), StringComparison.Ordinal);
        Assert.Equal(["900002", "900003"], EventLoader.Load(output.Trim()).Events.Select(e => e.Id));

        var (bad, _, badErr) = Run("fetch", "ucdp", "--country", "Libya", "--version", "25.1", "--from", "2019-06-01", "--to", "2019-04-10", "--out", Path.Combine(dir, "ucdp"), "--base-url", server.BaseUrl.AbsoluteUri);
        Assert.Equal(CliApp.InputError, bad);
        Assert.Contains("error: --to 2019-04-10 is before --from 2019-06-01", badErr);
    }

    [Fact]
    public void Ucdp_api_without_token_exits_1()
    {
        Environment.SetEnvironmentVariable("UCDP_TOKEN", null);
        using var server = new LoopbackServer(r => Reply.Json(500, "{}"));

        var (code, _, err) = Run("fetch", "ucdp", "--country", "Libya", "--version", "25.1", "--source", "api", "--out", Path.Combine(dir, "ucdp"), "--base-url", server.BaseUrl.AbsoluteUri);

        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("UCDP_TOKEN is not set", err);
        Assert.Contains("or use --source archive, which needs none", err); // the library's parameter, shown as the CLI's option
        Assert.Empty(server.Requests);
    }

    private string MakeArchive()
    {
        var path = Path.Combine(dir, "ged251-csv.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        zip.CreateEntryFromFile(Support.TestPaths.Fixture("fetch", "ged-bulk-sample.csv"), "GEDEvent_v25_1.csv");
        return path;
    }
}
