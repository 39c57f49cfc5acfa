using System.Text;

namespace Pipeline.Notebooks;

/// <summary>
/// Collects one cell's outputs in the order they happen: text written to Console.Out / Console.Error becomes a
/// stream output, flushed whenever a value is displayed so text and displays interleave as they did.
/// </summary>
internal sealed class CellCapture
{
    private readonly int _cellNumber;
    private readonly ValueFormatter _formatter;
    private readonly List<CellOutput> _outputs = [];
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private int _charts;

    public CellCapture(int cellNumber, ValueFormatter formatter)
    {
        _cellNumber = cellNumber;
        _formatter = formatter;
        Out = new StringWriter(_stdout) { NewLine = "\n" };
        Error = new StringWriter(_stderr) { NewLine = "\n" };
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_outputs)
            {
                FlushStreams();
                return _outputs.ToList();
            }
        }
    }

    /// <summary>A <c>display(...)</c> call.</summary>
    public void Display(object? value) => Add(value, executionCount: null);

    /// <summary>The cell's return value.</summary>
    public void Result(object? value, int executionCount) => Add(value, executionCount);

    public void Fail(ErrorOutput error)
    {
        lock (_outputs)
        {
            FlushStreams();
            _outputs.Add(error);
        }
    }

    private void Add(object? value, int? executionCount)
    {
        if (value is null)
        {
            return;
        }

        lock (_outputs)
        {
            FlushStreams();
            _outputs.Add(_formatter.Format(value, _cellNumber, executionCount, ref _charts));
        }
    }

    private void FlushStreams()
    {
        Flush(_stdout, StreamOutput.Stdout);
        Flush(_stderr, StreamOutput.Stderr);
    }

    private void Flush(StringBuilder buffer, string name)
    {
        string text;
        lock (buffer)
        {
            Out.Flush();
            Error.Flush();
            if (buffer.Length == 0)
            {
                return;
            }

            text = buffer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
            buffer.Clear();
        }

        if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == name)
        {
            _outputs[^1] = last with { Text = last.Text + text };
        }
        else
        {
            _outputs.Add(new StreamOutput(name, text));
        }
    }
}
