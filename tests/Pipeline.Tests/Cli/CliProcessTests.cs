using System.Diagnostics;
using Pipeline.Cli;
using Pipeline.Synthetic;
using Pipeline.Tests.Faults;

namespace Pipeline.Tests.Cli;

/// <summary>
/// The command as a separate process, the way a user runs it: the examples its help shows, <c>verify</c> of a
/// tree copied to another place and run from an unrelated folder, and the packed .NET tool named <c>pipeline</c>.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Process)]
public class CliProcessTests
{
    /// <summary>A folder laid out as the repository's data (the default events file and the article catalog), nothing else.</summary>
    private static string CopyData(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "data", "events"));
        File.Copy(TestPaths.Project.DefaultEvents, Path.Combine(root, "data", "events", SyntheticAcledGenerator.DefaultFileName));
        Directory.CreateDirectory(Path.Combine(root, "data", "articles"));
        foreach (var f in Directory.EnumerateFiles(TestPaths.Project.Articles, "*.json"))
        {
            File.Copy(f, Path.Combine(root, "data", "articles", Path.GetFileName(f)));
        }

        return root;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Every_help_example_that_needs_no_network_and_no_file_of_yours_runs_from_a_copy_of_the_data()
    {
        using var tmp = new TempFolder();
        var root = CopyData(tmp["root"]);
        var ran = new List<string>();
        foreach (var (path, examples) in CliExamples.ByCommand)
        {
            foreach (var example in examples.Where(e => !e.Network))
            {
                var args = CliExamples.Split(example.Arguments);

                // Examples that read a file the user brings (an article, a draft, downloads), start the kernel or the
                // benchmark engines are parsed (UsageTests) but not run here.
                if (args[0] is "run" or "bench" or "mentions" || args.Any(a => a.EndsWith(".csv", StringComparison.Ordinal) && !a.StartsWith("data/", StringComparison.Ordinal) && !a.StartsWith("out/", StringComparison.Ordinal))
                    || args.Contains("out/reproduce.manifest.json"))
                {
                    continue;
                }

                var (code, output, error) = ChildCli.Run(root, [.. args]);
                Assert.True(code == 0, $"{path}: pipeline {example.Arguments} exited {code}\n{output}\n{error}");
                ran.Add(example.Arguments);
            }
        }

        // The report and verify examples ran (verify after report: the dictionary lists the root's examples first).
        Assert.Contains("report --no-png", ran);
        Assert.Contains("verify out/manifest.json", ran);
        Assert.Contains(ran, a => a.StartsWith("inspect ", StringComparison.Ordinal));
        Assert.Contains(ran, a => a.StartsWith("synth", StringComparison.Ordinal));
        Assert.True(ran.Count >= 10, string.Join("\n", ran));
    }

    [Fact]
    public void Verify_of_a_tree_copied_elsewhere_passes_from_an_unrelated_folder_and_a_missing_input_there_is_exit_1()
    {
        using var tmp = new TempFolder();
        var first = CopyData(tmp["first"]);
        var report = ChildCli.Run(first, "report", "--no-png");
        Assert.True(report.Code == 0, report.Err);
        var manifestText = File.ReadAllText(Path.Combine(first, "out", "manifest.json"));
        Assert.DoesNotContain(first, manifestText, StringComparison.Ordinal);
        Assert.Contains("\"folder\": \"..\"", manifestText, StringComparison.Ordinal); // the run's folder, relative to the manifest

        // Copied to another place (another machine, another user), the original removed, verified from elsewhere.
        var second = tmp["elsewhere/copy"];
        CopyTree(first, second);
        Directory.Delete(first, recursive: true);
        Directory.CreateDirectory(tmp["unrelated"]);
        var verify = ChildCli.Run(tmp["unrelated"], "verify", Path.Combine(second, "out", "manifest.json"));
        Assert.True(verify.Code == 0, verify.Out + verify.Err);
        Assert.Contains("all 13 outputs match", verify.Out, StringComparison.Ordinal);

        // A relative manifest path from another folder works the same.
        var relative = ChildCli.Run(tmp["elsewhere"], "verify", "copy/out/manifest.json");
        Assert.Equal(0, relative.Code);

        // An input gone: the check cannot run (1), naming the file and the folder its paths are relative to.
        File.Delete(Path.Combine(second, "data", "events", SyntheticAcledGenerator.DefaultFileName));
        var missing = ChildCli.Run(tmp["unrelated"], "verify", Path.Combine(second, "out", "manifest.json"));
        Assert.Equal(CliApp.InputError, missing.Code);
        Assert.Contains($"../data/events/{SyntheticAcledGenerator.DefaultFileName} not found at {Path.Combine(second, "data", "events", SyntheticAcledGenerator.DefaultFileName)}", missing.Err, StringComparison.Ordinal);
        Assert.Contains($"relative to its own folder ({Path.Combine(second, "out")})", missing.Err, StringComparison.Ordinal);

        // A changed output is not reproduced (3).
        File.Copy(TestPaths.Project.DefaultEvents, Path.Combine(second, "data", "events", SyntheticAcledGenerator.DefaultFileName));
        File.AppendAllText(Path.Combine(second, "out", "tables", "claim_checks.csv"), "x");
        Assert.Equal(CliApp.NotReproduced, ChildCli.Run(tmp["unrelated"], "verify", Path.Combine(second, "out", "manifest.json")).Code);
    }

    private static (int Code, string Output) Dotnet(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + "\n" + stderr.Result);
    }

    [Fact]
    public void Packed_as_a_dotnet_tool_it_installs_into_a_tool_path_and_answers_as_pipeline()
    {
        using var tmp = new TempFolder();

        // Packs what the tests were built from (no second build): bin/Debug or bin/Release, as this test assembly.
        var configuration = AppContext.BaseDirectory.Replace('\\', '/').Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var pack = Dotnet(TestPaths.RepoRoot, "pack", Path.Combine("src", "Pipeline.Cli"), "-c", configuration, "--no-build", "-o", tmp["packages"]);
        Assert.True(pack.Code == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(tmp["packages"], "Pipeline.Cli.*.nupkg"));

        var install = Dotnet(tmp.Path, "tool", "install", "Pipeline.Cli", "--tool-path", tmp["tools"], "--add-source", tmp["packages"], "--version", Path.GetFileNameWithoutExtension(package)["Pipeline.Cli.".Length..]);
        Assert.True(install.Code == 0, install.Output);

        var info = new ProcessStartInfo(Path.Combine(tmp["tools"], "pipeline"), ["--help"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = tmp.Path };
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("Usage:\n  pipeline [command] [options]", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("report", output, StringComparison.Ordinal);

        var usage = Process.Start(new ProcessStartInfo(Path.Combine(tmp["tools"], "pipeline"), ["report", "--out-dir", "x"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = tmp.Path })!;
        var error = usage.StandardError.ReadToEnd();
        usage.WaitForExit();
        Assert.Equal(CliApp.UsageError, usage.ExitCode);
        Assert.Contains("Run 'pipeline report --help'.", error, StringComparison.Ordinal);
    }
}
