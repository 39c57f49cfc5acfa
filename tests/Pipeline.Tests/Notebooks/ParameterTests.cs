using Pipeline.Notebooks;
using static Pipeline.Tests.Notebooks.NotebookTestSupport;

namespace Pipeline.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class ParameterTests
{
    [KernelFact]
    public async Task Defaults_run_without_an_injected_cell()
    {
        var r = await Run("parameters.ipynb");
        Assert.Equal("hello x2 ratio=0.5 loud=False day=2020-01-03 seed=42\n", Stdout(Cell(r, 3)));
        Assert.DoesNotContain(r.Notebook.Cells, c => c.HasTag("injected-parameters"));
        Assert.Equal(["greeting", "count", "ratio", "loud", "day", "seed"], r.Parameters.Select(p => p.Name));
        Assert.Equal("2020-01-03", r.Parameters.Single(p => p.Name == "day").Value);
    }

    [KernelFact]
    public async Task Overrides_change_the_output_and_go_in_an_injected_cell_after_parameters()
    {
        var r = await Run("parameters.ipynb", ("greeting", "say \"hi\"\\n"), ("count", "7"), ("ratio", "2"), ("loud", "true"), ("day", "2021-12-31"), ("seed", "18446744073709551615"));
        Assert.True(r.Succeeded, r.Failure?.ToString());
        var injected = Cell(r, 3);
        Assert.Equal(["injected-parameters"], injected.Tags);
        Assert.Equal("csharp", injected.Language);
        Assert.Equal(
            "// Parameters\nvar greeting = \"say \\\"hi\\\"\\\\n\";\nint count = 7;\ndouble ratio = 2.0;\nbool loud = true;\nvar day = new DateOnly(2021, 12, 31);\nulong seed = 18446744073709551615UL;",
            injected.Source);
        Assert.Equal("SAY \"HI\"\\N X7 RATIO=2 LOUD=TRUE DAY=2021-12-31 SEED=18446744073709551615\n", Stdout(Cell(r, 4)));
        Assert.Equal("say \"hi\"\\n", r.Parameters[0].Value);
        Assert.True(Cell(r, 2).HasTag("parameters"));
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public async Task Unknown_parameter_is_an_error_listing_the_known_ones()
    {
        var ex = await Assert.ThrowsAsync<NotebookInputException>(() => Run("parameters.ipynb", ("window", "4")));
        Assert.Contains("unknown parameter 'window'", ex.Message);
        Assert.Contains("greeting, count, ratio, loud, day, seed", ex.Message);
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public async Task Value_of_the_wrong_type_is_an_error_naming_the_parameter_and_type()
    {
        var ex = await Assert.ThrowsAsync<NotebookInputException>(() => Run("parameters.ipynb", ("count", "many")));
        Assert.Equal("parameter 'count' is an int (default 2); 'many' is not one", ex.Message);
        ex = await Assert.ThrowsAsync<NotebookInputException>(() => Run("parameters.ipynb", ("day", "03/01/2020")));
        Assert.Contains("a date (yyyy-MM-dd)", ex.Message);
    }

    [Trait(TestCategory.Trait, TestCategory.Unit)]
    [Fact]
    public async Task Parameters_to_a_notebook_without_a_parameters_cell_are_an_error()
    {
        var ex = await Assert.ThrowsAsync<NotebookInputException>(() => Run("shared-state.ipynb", ("x", "1")));
        Assert.Contains("no cell tagged 'parameters'", ex.Message);
    }

    [KernelFact]
    public async Task A_new_injection_replaces_an_injected_cell_already_in_the_file()
    {
        var kept = await Run("already-injected.ipynb");
        Assert.Equal("from an earlier run\n", Stdout(Cell(kept, 3)));
        Assert.Equal("from an earlier run", kept.Parameters.Single().Value);

        var replaced = await Run("already-injected.ipynb", ("greeting", "new"));
        Assert.Equal(3, replaced.Notebook.Cells.Count);
        Assert.Single(replaced.Notebook.Cells, c => c.HasTag("injected-parameters"));
        Assert.Equal("// Parameters\nvar greeting = \"new\";", Cell(replaced, 2).Source);
        Assert.Equal("new\n", Stdout(Cell(replaced, 3)));
    }
}
