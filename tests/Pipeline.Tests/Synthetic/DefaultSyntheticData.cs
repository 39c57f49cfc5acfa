using System.Text;
using Pipeline.Synthetic;

namespace Pipeline.Tests.Synthetic;

/// <summary>One generation with default options, shared by the tests that only read it.</summary>
public sealed class DefaultSyntheticData
{
    public DefaultSyntheticData()
    {
        using var stream = new MemoryStream();
        Summary = SyntheticAcledGenerator.Write(stream, new SyntheticOptions());
        Bytes = stream.ToArray();
        var records = Rfc4180TestReader.Parse(Encoding.UTF8.GetString(Bytes));
        Header = records[0];
        Rows = records.Skip(1).ToList();
    }

    public byte[] Bytes { get; }

    public SyntheticSummary Summary { get; }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public int Column(string name) => Array.IndexOf(Header, name);

    public IEnumerable<string> Values(string name)
    {
        int index = Column(name);
        return Rows.Select(r => r[index]);
    }
}
