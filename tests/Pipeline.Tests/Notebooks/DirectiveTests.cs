using Pipeline.Notebooks;
using static Pipeline.Tests.Notebooks.NotebookTestSupport;

namespace Pipeline.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class DirectiveTests
{
    [Fact]
    public async Task Missing_dll_is_an_input_error_naming_the_resolved_path()
    {
        var ex = await Assert.ThrowsAsync<NotebookInputException>(() => Run("missing-dll.ipynb"));
        var expected = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Fixture("missing-dll.ipynb"))!, "no", "such", "Library.dll"));
        Assert.Contains($"file not found: {expected}", ex.Message);
        Assert.StartsWith("cell 1, line 1: #r \"no/such/Library.dll\"", ex.Message);
        Assert.Equal((1, 1), (ex.CellNumber, ex.Line));
    }

    [Fact]
    public async Task Missing_nuget_package_is_an_input_error_naming_it_and_saying_to_restore()
    {
        var ex = await Assert.ThrowsAsync<NotebookInputException>(() => Run("missing-nuget.ipynb"));
        Assert.Contains("NuGet package NoSuch.Package 1.0.0 is not in the local package folder", ex.Message);
        Assert.Contains("dotnet restore", ex.Message);
        Assert.Contains("<PackageReference Include=\"NoSuch.Package\" Version=\"1.0.0\" />", ex.Message);
    }

    [Fact]
    public async Task Nuget_packages_folder_comes_from_the_options()
    {
        using var empty = new TempFolder();
        var runner = new NotebookRunner(new NotebookRunOptions { NuGetPackagesFolder = empty.Path });
        var ex = await Assert.ThrowsAsync<NotebookInputException>(() => runner.RunFileAsync(Fixture("nuget-from-cache.ipynb")));
        Assert.Contains($"NuGet package CsvHelper 34.0.0 is not in the local package folder {empty.Path}", ex.Message);
    }

    [Fact]
    public async Task Unsupported_magic_command_is_an_input_error_before_any_cell_runs()
    {
        var ex = await Assert.ThrowsAsync<NotebookInputException>(() => Run("magic-command.ipynb"));
        Assert.StartsWith("cell 2, line 1: '#!time' is not supported by the headless runner", ex.Message);
    }

    [Fact]
    public async Task Preprocessor_directives_are_code_and_line_numbers_survive_blanked_r_lines()
    {
        var doc = NotebookFile.Parse("""
            #!csharp

            #r "nuget: CsvHelper, 34.0.0"
            #nullable enable
            string? s = null;
            var n = s!.Length;
            """, NotebookFormat.Dib);
        var r = await new NotebookRunner().RunAsync(doc, Fixture("directives.dib"));
        Assert.Equal("System.NullReferenceException", r.Failure!.ErrorType);
        Assert.Equal(4, r.Failure.Line);
    }

    [Fact]
    public async Task Non_csharp_cell_is_an_input_error()
    {
        var doc = NotebookFile.Parse("#!fsharp\n\nlet x = 1", NotebookFormat.Dib);
        var ex = await Assert.ThrowsAsync<NotebookInputException>(() => new NotebookRunner().RunAsync(doc, Fixture("fsharp.dib")));
        Assert.Contains("'fsharp'", ex.Message);
    }
}
