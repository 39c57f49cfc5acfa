namespace Pipeline.Notebooks;

/// <summary>
/// What a cell sees besides its own code: <c>display(value)</c>, as in a .NET Interactive kernel, which adds the
/// value's HTML and plain text to the cell's outputs at that point (after any text printed before it).
/// </summary>
public sealed class NotebookGlobals
{
    private readonly Action<object?> _display;

    internal NotebookGlobals(Action<object?> display) => _display = display;

    /// <summary>Shows a value in the cell's outputs (a <c>display_data</c> output); null shows nothing.</summary>
#pragma warning disable IDE1006 // The lower-case name is the kernel's; notebooks call display(...).
    public void display(object? value) => _display(value);
#pragma warning restore IDE1006

    /// <summary>The same as <see cref="display"/>.</summary>
    public void Display(object? value) => _display(value);
}
