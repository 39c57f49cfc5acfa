using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Pipeline.Tests.Faults;

/// <summary>The built <c>pipeline</c> CLI (copied into the test output folder) run as a child process.</summary>
internal sealed class ChildCli : IDisposable
{
    private const int SigStop = 19;

    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private ChildCli(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "Pipeline.Cli.dll");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>dotnet Pipeline.Cli.dll ARGS</c> in <paramref name="workingDirectory"/> (output redirected, no terminal).</summary>
    public static ChildCli Start(string workingDirectory, params string[] args) => Start(new Dictionary<string, string>(), workingDirectory, args);

    /// <summary>As <see cref="Start(string, string[])"/>, with <paramref name="environment"/> added to the child's environment.</summary>
    public static ChildCli Start(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(CliDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return new ChildCli(Process.Start(info)!);
    }

    /// <summary>Runs to the end (at most ten minutes, a safety net against a hang) and returns exit code and output.</summary>
    public static (int Code, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        using var child = Start(workingDirectory, args);
        return child.Wait();
    }

    public (int Code, string Out, string Err) Wait()
    {
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pipeline {string.Join(' ', process.StartInfo.ArgumentList)} did not finish in ten minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Freezes the process (SIGSTOP) so that what is on disk can be inspected before it is killed.</summary>
    public bool Freeze() => !process.HasExited && Kill(process.Id, SigStop) == 0;

    /// <summary>Kills the process and its children (Chromium) and waits for them.</summary>
    public void KillTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        // SIGKILL cannot be caught, so this returns as soon as the process is reaped; the limit is only a safety net.
        process.WaitForExit(TimeSpan.FromMinutes(2));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillTree();
        }

        process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>A tmpfs mounted for one test (root only), unmounted on dispose.</summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs with <paramref name="options"/> (e.g. <c>size=256k</c>, <c>ro</c>) on a new folder, or returns null with the reason.</summary>
    public static TmpfsMount? TryMount(string folder, string options, out string why)
    {
        Directory.CreateDirectory(folder);
        var (code, output) = Exec("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder);
        why = code == 0 ? "" : $"mount -t tmpfs -o {options} failed (exit {code}): {output.Trim()}";
        return code == 0 ? new TmpfsMount(folder) : null;
    }

    public void Dispose()
    {
        if (Exec("umount", Path).Code != 0)
        {
            Exec("umount", "-l", Path);
        }
    }

    public static (int Code, string Output) Exec(string file, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            using var p = Process.Start(info)!;
            var err = p.StandardError.ReadToEndAsync();
            var o = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, o + err.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}

/// <summary>Hashes of every file under a folder, by relative path: what "the bytes are unchanged" compares.</summary>
internal static class Snapshot
{
    /// <summary>Like <see cref="Of"/>, without top-level hidden entries (a run's staging folder and journal inside the output folder).</summary>
    public static SortedDictionary<string, string> Visible(string folder) =>
        new(Of(folder).Where(kv => !kv.Key.StartsWith('.')).ToDictionary(), StringComparer.Ordinal);

    public static SortedDictionary<string, string> Of(string folder)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return result;
        }

        foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(folder, f).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(f)));
        }

        return result;
    }

    public static string File(string path) => Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(path)));
}

/// <summary>Whether the tests run as root (mount works, chmod does not stop writes).</summary>
internal static class Privilege
{
    public static bool IsRoot => Environment.UserName == "root" || TmpfsMount.Exec("id", "-u").Output.Trim() == "0";
}

/// <summary>Small nbformat 4.5 C# notebooks for the fault tests: a tagged parameters cell, then one code cell.</summary>
internal static class TestNotebook
{
    /// <summary>The notebook's JSON: cell c1 (tagged <c>parameters</c>) holds <paramref name="parameters"/>, cell c2 <paramref name="code"/>.</summary>
    public static string Json(string parameters, string code)
    {
        var doc = new Dictionary<string, object>
        {
            ["cells"] = new[] { Cell("c1", parameters, isParameters: true), Cell("c2", code, isParameters: false) },
            ["metadata"] = new Dictionary<string, object>
            {
                ["kernelspec"] = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" },
                ["language_info"] = new { name = "csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }

    private static Dictionary<string, object> Cell(string id, string source, bool isParameters) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null!,
        ["id"] = id,
        ["metadata"] = isParameters
            ? new Dictionary<string, object> { ["dotnet_interactive"] = new { language = "csharp" }, ["tags"] = new[] { "parameters" } }
            : new Dictionary<string, object> { ["dotnet_interactive"] = new { language = "csharp" } },
        ["outputs"] = Array.Empty<object>(),
        ["source"] = source,
    };
}
