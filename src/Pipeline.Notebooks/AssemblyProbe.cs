using System.Reflection;
using System.Runtime.Loader;

namespace Pipeline.Notebooks;

/// <summary>
/// Loads <c>#r</c>'d assemblies into the default load context, so a type from a DLL the host already has (the
/// library, when the CLI runs a notebook) is the host's own type, and lets dependencies sitting beside those DLLs
/// resolve while a run lasts. Dispose to stop probing.
/// </summary>
internal sealed class AssemblyProbe : IDisposable
{
    private readonly List<string> _folders = [];

    public AssemblyProbe() => AssemblyLoadContext.Default.Resolving += Resolve;

    /// <summary>The loaded assembly for a referenced DLL: an already loaded one of the same name, else the file.</summary>
    /// <exception cref="NotebookInputException">The file is not a .NET assembly or conflicts with a loaded version.</exception>
    public Assembly Load(string dllPath, int cellNumber)
    {
        var folder = Path.GetDirectoryName(dllPath)!;
        if (!_folders.Contains(folder, StringComparer.Ordinal))
        {
            _folders.Add(folder);
        }

        AssemblyName name;
        try
        {
            name = AssemblyName.GetAssemblyName(dllPath);
        }
        catch (BadImageFormatException)
        {
            throw new NotebookInputException($"#r \"{dllPath}\": not a .NET assembly", cellNumber);
        }

        try
        {
            // By name first: the host's copy (or the trusted platform one) wins; only an assembly the process
            // does not know is loaded from the referenced file, through Resolve below.
            return AssemblyLoadContext.Default.LoadFromAssemblyName(name);
        }
        catch (Exception ex) when (ex is FileLoadException or FileNotFoundException)
        {
            throw new NotebookInputException($"#r \"{dllPath}\": cannot load {name.FullName}: {ex.Message}", cellNumber);
        }
    }

    public void Dispose() => AssemblyLoadContext.Default.Resolving -= Resolve;

    private Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        foreach (var folder in _folders)
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            if (File.Exists(candidate))
            {
                return context.LoadFromAssemblyPath(candidate);
            }
        }

        return null;
    }
}
