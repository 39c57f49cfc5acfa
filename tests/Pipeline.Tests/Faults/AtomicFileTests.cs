using System.Diagnostics;

namespace Pipeline.Tests.Faults;

/// <summary>
/// The one atomic writer every single-file output uses (synth, run, fetch output and cache, indexes):
/// staging left by a dead process is removed, a live process's is not, a failed write keeps the old file,
/// and a device is written into rather than replaced.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Fault)]
[Trait(TestCategory.Trait, TestCategory.Process)]
public sealed class AtomicFileTests
{
    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    [Fact]
    public void Staging_left_by_a_dead_process_is_removed_and_a_live_ones_is_kept()
    {
        using var tmp = new TempFolder();
        var target = tmp["events.csv"];
        var dead = tmp[$".events.csv.tmp-pid{DeadProcessId()}.abc"];
        var live = tmp[$".events.csv.tmp-pid{Environment.ProcessId}.keep"];
        var other = tmp[$".other.csv.tmp-pid{DeadProcessId()}.abc"];
        File.WriteAllText(dead, "half a file");
        File.WriteAllText(live, "a write in progress");
        File.WriteAllText(other, "another output's staging");

        Pipeline.AtomicFile.WriteAllText(target, "new\n");

        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.Equal(3, Directory.GetFiles(tmp.Path).Length);
    }

    [Fact]
    public void A_failing_write_keeps_the_previous_file_and_leaves_no_staging()
    {
        using var tmp = new TempFolder();
        var target = tmp["page.json"];
        File.WriteAllText(target, "previous");
        Assert.Throws<IOException>(() => Pipeline.AtomicFile.Write(target, s =>
        {
            s.Write("partial"u8);
            throw new IOException("simulated failure mid-write");
        }));
        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public async Task A_fifo_is_written_into_not_replaced()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // A FIFO in a temp folder stands in for a device: a rename over it would replace it with a plain
        // file, which is what happened to /dev/full before (and must not be risked on a real device here).
        using var tmp = new TempFolder();
        var fifo = tmp["pipe"];
        using (var mk = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!)
        {
            mk.WaitForExit();
            Assert.Equal(0, mk.ExitCode);
        }

        Assert.True(Pipeline.OutputFiles.IsSpecial(fifo));
        var reader = Task.Run(() => File.ReadAllText(fifo));
        Pipeline.AtomicFile.WriteAllText(fifo, "through the pipe");
        Assert.Equal("through the pipe", await reader.WaitAsync(TimeSpan.FromMinutes(5)));
        Assert.True(Pipeline.OutputFiles.IsSpecial(fifo), "the FIFO was replaced by a regular file");
        Assert.Equal(["pipe"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }
}
