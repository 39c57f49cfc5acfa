using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Pipeline.Notebooks;

/// <summary>
/// The <c>#r</c> lines of a code cell, resolved before anything runs, and the code left to compile. Directive lines
/// become empty lines so line numbers in errors still match the cell as written.
/// </summary>
/// <param name="Code">The cell's code with directive lines blanked.</param>
/// <param name="References">DLL paths the cell adds, in order.</param>
internal sealed partial record CellDirectives(string Code, IReadOnlyList<string> References)
{
    /// <summary>C# preprocessor directives, which are code, not magic commands.</summary>
    private static readonly FrozenSet<string> CSharpDirectives = new[]
    {
        "if", "elif", "else", "endif", "region", "endregion", "nullable", "pragma", "define", "undef", "line", "error", "warning",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Reads a cell's directives; <paramref name="notebookFolder"/> anchors relative <c>#r</c> paths, as in Jupyter.</summary>
    /// <exception cref="NotebookInputException">A missing DLL, an unrestored package, or an unsupported magic command.</exception>
    public static CellDirectives Resolve(string source, int cellNumber, string notebookFolder, NuGetCache nuget)
    {
        var lines = source.Split('\n');
        var references = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (!trimmed.StartsWith('#'))
            {
                continue;
            }

            var r = Reference().Match(trimmed);
            if (r.Success)
            {
                var target = r.Groups[1].Value;
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    references.AddRange(nuget.Resolve(target["nuget:".Length..], cellNumber, i + 1));
                }
                else
                {
                    references.Add(DllPath(target, notebookFolder, cellNumber, i + 1));
                }

                lines[i] = "";
                continue;
            }

            var word = Word().Match(trimmed);
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) || !word.Success || !CSharpDirectives.Contains(word.Groups[1].Value))
            {
                var name = trimmed.Split(' ', 2)[0];
                throw new NotebookInputException(
                    $"'{name}' is not supported by the headless runner; it understands #r \"path.dll\" and #r \"nuget: Name, Version\" (other magic commands need a .NET Interactive kernel)",
                    cellNumber,
                    i + 1);
            }
        }

        return new CellDirectives(string.Join('\n', lines), references);
    }

    private static string DllPath(string target, string notebookFolder, int cellNumber, int line)
    {
        var full = Path.GetFullPath(Path.Combine(notebookFolder, target));
        if (!File.Exists(full))
        {
            var hint = full.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "; run `dotnet build` at the repository root first"
                : "";
            throw new NotebookInputException($"#r \"{target}\": file not found: {full} (paths are relative to the notebook's folder {notebookFolder}){hint}", cellNumber, line);
        }

        return full;
    }

    [GeneratedRegex("""^#r\s+"([^"]*)"\s*(?://.*)?$""")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^#\s*([A-Za-z]+)")]
    private static partial Regex Word();
}
