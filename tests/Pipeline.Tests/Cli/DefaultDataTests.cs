using Pipeline.Cli;
using Pipeline.Events;
using Pipeline.Synthetic;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cli;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class DefaultDataTests
{
    private static string DefaultFile => TestPaths.Project.DefaultEvents;

    [Fact]
    public void Default_file_loads_completely_and_is_marked_synthetic()
    {
        var t = EventLoader.Load(DefaultFile, EventLoadOptions.Default with { Strict = true });
        Assert.True(t.IsSynthetic);
        Assert.Equal(14203, t.Loaded);
        Assert.Equal((new DateOnly(2011, 1, 1), new DateOnly(2020, 6, 30)), t.DateSpan);
        Assert.Empty(t.UnknownEventTypes);
    }

    [Fact]
    public void Inspect_on_the_default_file_shows_the_synthetic_banner()
    {
        var o = new StringWriter();
        Assert.Equal(0, CliApp.Run(["inspect", DefaultFile], o, new StringWriter()));
        Assert.StartsWith("*** SYNTHETIC DATA", o.ToString());
    }

    [Fact]
    public void Synth_command_rewrites_the_committed_default_file_byte_for_byte()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(dir.FullName, "nested", "out.csv");
            Assert.Equal(0, CliApp.Run(["synth", "--out", path], new StringWriter(), new StringWriter()));
            Assert.Equal(File.ReadAllBytes(DefaultFile), File.ReadAllBytes(path));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
