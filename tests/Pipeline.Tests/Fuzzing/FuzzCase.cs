namespace Pipeline.Tests.Fuzzing;

/// <summary>How one reader handled one mutated file.</summary>
internal enum FuzzOutcome
{
    /// <summary>A table came back: every record loaded or rejected with a location.</summary>
    Loaded,

    /// <summary>One clear file-level error (file named, problem and hint given).</summary>
    FileError,

    /// <summary>Anything else: an unhandled exception, a broken invariant or an unlocated rejection.</summary>
    Failure,
}

/// <summary>One mutated input: which base file, which seed, what was done, and the bytes.</summary>
internal sealed record FuzzCase(string BaseName, int Seed, IReadOnlyList<string> Mutations, byte[] Bytes, bool KeepsRecordBoundaries)
{
    /// <summary>A file name that says what the case is: base, seed and operators.</summary>
    public string Describe() => $"{Path.GetFileNameWithoutExtension(BaseName)}.seed{Seed}.{string.Join('+', Mutations)}";

    /// <summary>
    /// Builds case <paramref name="seed"/> from one of <paramref name="bases"/>: the seed alone decides the base
    /// file, how many operators (1–4) and which, so a printed seed reproduces the file byte for byte.
    /// </summary>
    public static FuzzCase Make(IReadOnlyList<(string Name, byte[] Bytes)> bases, int seed)
    {
        var random = new Random(seed);
        var (name, bytes) = bases[random.Next(bases.Count)];
        var count = random.Next(1, 5);
        var names = new List<string>();
        var keeps = true;
        for (var i = 0; i < count; i++)
        {
            var mutation = Mutation.All[random.Next(Mutation.All.Count)];
            bytes = mutation.Apply(bytes, random);
            names.Add(mutation.Name);
            keeps &= mutation.KeepsRecordBoundaries;
        }

        return new FuzzCase(name, seed, names, bytes, keeps);
    }
}
