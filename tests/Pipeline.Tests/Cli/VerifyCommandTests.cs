using Pipeline.Cli;
using Pipeline.Tests.Reports;

namespace Pipeline.Tests.Cli;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class VerifyCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Support.CliRun.Run(args);

    /// <summary>A report over copies of the inputs, so the test may alter them.</summary>
    private static string WriteReport(TempFolder tmp)
    {
        File.Copy(ReportRun.DefaultEvents, tmp["events.synthetic.csv"]);
        Directory.CreateDirectory(tmp["articles"]);
        foreach (var f in Directory.EnumerateFiles(ReportRun.Articles, "*.json"))
        {
            File.Copy(f, Path.Combine(tmp["articles"], Path.GetFileName(f)));
        }

        Assert.Equal(0, Run("report", "--events", tmp["events.synthetic.csv"], "--articles", tmp["articles"], "--out", tmp["out"], "--no-png").Code);
        return tmp["out/manifest.json"];
    }

    [Fact]
    public void Verify_passes_on_a_fresh_run()
    {
        using var tmp = new TempFolder();
        var (code, output, _) = Run("verify", WriteReport(tmp));
        Assert.Equal(0, code);
        Assert.Contains("all 13 outputs match", output);
    }

    [Fact]
    public void One_changed_byte_in_an_output_exits_3_naming_the_file()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);
        var csv = tmp["out/tables/event_study.csv"];
        var bytes = File.ReadAllBytes(csv);
        bytes[^2] ^= 1;
        File.WriteAllBytes(csv, bytes);
        var (code, output, _) = Run("verify", manifest);
        Assert.Equal(3, code);
        Assert.Contains("MISMATCH        output tables/event_study.csv  the file beside the manifest was changed", output);
        Assert.Contains("12 of 13 outputs match", output);
    }

    [Fact]
    public void A_deleted_output_beside_the_manifest_exits_3_naming_it()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);
        File.Delete(tmp["out/tables/claim_checks.csv"]);
        var (code, output, _) = Run("verify", manifest);
        Assert.Equal(3, code);
        Assert.Contains("tables/claim_checks.csv  listed in the manifest but no longer beside it", output);
    }

    [Fact]
    public void One_changed_byte_in_an_input_exits_3_naming_the_input()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);
        var events = tmp["events.synthetic.csv"];
        var bytes = File.ReadAllBytes(events);
        var at = Array.LastIndexOf(bytes, (byte)'2');
        bytes[at] = (byte)'3';
        File.WriteAllBytes(events, bytes);
        var (code, output, _) = Run("verify", manifest);
        Assert.Equal(3, code);
        Assert.Contains("MISMATCH        input  ../events.synthetic.csv", output); // inputs are recorded relative to the manifest's folder
    }

    [Fact]
    public void A_missing_input_is_reported()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);
        File.Delete(tmp["events.synthetic.csv"]);
        var (code, output, error) = Run("verify", manifest);
        Assert.Equal(3, code);
        Assert.Contains("MISSING INPUT", output);
        Assert.Contains("re-run failed", error);
    }

    [Fact]
    public void A_missing_manifest_is_an_input_error()
    {
        var (code, _, error) = Run("verify", "no/such/manifest.json");
        Assert.Equal(1, code);
        Assert.Contains("manifest not found", error);
    }
}
