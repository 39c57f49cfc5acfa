using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Pipeline;

/// <summary>
/// Shared rules for the files the commands write: whether a target is a special file (a device such as
/// <c>/dev/null</c> or <c>/dev/full</c>, a FIFO), which must be written into rather than replaced by a rename,
/// and the clean-up of staging files and folders left behind by a run that was killed.
/// </summary>
internal static class OutputFiles
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int DirectoryType = 0x4000;

    /// <summary>
    /// True when <paramref name="path"/> exists and is neither a regular file nor a folder (a character or
    /// block device, a FIFO, a socket). Renaming a staging file over such a path would replace the device
    /// itself (as root, <c>/dev/full</c> would become a plain file), so writers write straight into it.
    /// False wherever the type cannot be told (not Linux).
    /// </summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            return false;
        }

        try
        {
            // statx's layout is the same on every Linux architecture; stx_mode is a u16 at byte 28.
            var buffer = new byte[256];
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return false;
            }

            var type = BitConverter.ToUInt16(buffer, ModeOffset) & FileTypeMask;
            return type is not (RegularFile or DirectoryType);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The name part that marks a staging file or folder as this process's: <c>pid{N}</c>.</summary>
    public static string ProcessTag => "pid" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Deletes entries of <paramref name="folder"/> whose names start with <paramref name="prefix"/> followed by
    /// <c>pid{N}</c> where process N is no longer running: staging left by a killed run. Entries of live
    /// processes (a concurrent run) are left alone; failures are ignored (the next run tries again).
    /// </summary>
    /// <returns>How many entries were removed.</returns>
    public static int RemoveStale(string folder, string prefix)
    {
        var removed = 0;
        foreach (var entry in StaleEntries(folder, prefix))
        {
            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }

                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a read-only or busy leftover is tried again next time.
            }
        }

        return removed;
    }

    /// <summary>
    /// Entries of <paramref name="folder"/> named <paramref name="prefix"/><c>pid{N}…</c> whose process N is not
    /// running (nor this one), in name order.
    /// </summary>
    public static IReadOnlyList<string> StaleEntries(string folder, string prefix)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var stale = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, prefix + "pid*"))
        {
            var rest = Path.GetFileName(entry)[(prefix.Length + 3)..];
            var digits = new string(rest.TakeWhile(char.IsAsciiDigit).ToArray());
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                stale.Add(entry);
            }
        }

        stale.Sort(StringComparer.Ordinal);
        return stale;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
