using Pipeline.Rendering;

namespace Pipeline.Tests.Browser;

/// <summary>These tests set PIPELINE_CHROMIUM for the whole process, so they run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

[Collection(ProcessEnvironmentCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class ChromiumDiscoveryTests
{
    [Fact]
    public void FindChromium_takes_PIPELINE_CHROMIUM_when_it_names_an_existing_file()
    {
        using var pages = new TempPages();
        var fake = pages.Write("my-chromium", "not really a browser");

        using (new EnvironmentVariable(PngRenderer.ChromiumVariable, fake))
        {
            Assert.Equal(fake, PngRenderer.FindChromium());
        }
    }

    [Fact]
    public void FindChromium_does_not_fall_back_when_PIPELINE_CHROMIUM_names_a_missing_file()
    {
        using (new EnvironmentVariable(PngRenderer.ChromiumVariable, "/nonexistent/chromium"))
        {
            Assert.Null(PngRenderer.FindChromium());
        }
    }

    [Fact]
    public void FindChromium_looks_at_the_debian_paths_when_no_variable_is_set()
    {
        static string? NoVariable(string name) => null;

        var found = PngRenderer.FindChromium(NoVariable);

        Assert.Equal(PngRenderer.WellKnownChromiumPaths.FirstOrDefault(File.Exists), found);
    }

    [Fact]
    public async Task RenderAsync_without_chromium_throws_ChromiumNotFoundException_saying_how_to_get_pngs()
    {
        using var pages = new TempPages();
        var html = pages.Write("page.html", """<div id="a">a</div>""");
        var png = pages.PathOf("charts/a.png");

        using (new EnvironmentVariable(PngRenderer.ChromiumVariable, "/nonexistent/chromium"))
        {
            var e = await Assert.ThrowsAsync<ChromiumNotFoundException>(() =>
                PngRenderer.RenderAsync(html, [("a", png)], PngOptions.Default, CancellationToken.None));

            Assert.Equal(["/nonexistent/chromium"], e.Searched);
            Assert.Contains("apt-get install chromium", e.Message);
            Assert.Contains("or write the report without PNGs", e.Message); // the library names no CLI flag
            Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(pages.PathOf("charts")));
    }

    /// <summary>Sets a process environment variable and restores its previous value on dispose.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
