using System.Globalization;
using System.Text.Json;
using Pipeline.Reports;
using Pipeline.Text;

namespace Pipeline;

/// <summary>What a commit into an output folder did.</summary>
/// <param name="Folder">The output folder (full path).</param>
/// <param name="Written">Files written, relative to the folder with '/', in name order (the manifest included).</param>
/// <param name="Removed">Files an earlier run of the same manifest wrote that this run no longer produces, removed.</param>
/// <param name="LeftAlone">Entries of the folder the tool did not write, untouched: files, and folders as <c>name/</c>.</param>
public sealed record CommitResult(string Folder, IReadOnlyList<string> Written, IReadOnlyList<string> Removed, IReadOnlyList<string> LeftAlone);

/// <summary>
/// Writes a set of files into a folder that may hold other things, owning only what it wrote: the files an
/// earlier run listed in its manifest (<see cref="Manifest.Outputs"/> plus the manifest itself). A run
/// stages every new file in a hidden folder inside the target, then commits through a journal:
/// <list type="number">
/// <item>the journal <c>.NAME.commit</c> (NAME = the manifest's file name) is written atomically, listing the
/// files to move in and the earlier run's files to remove; this is the commit point;</item>
/// <item>the old files are removed and the new ones renamed into place, the manifest last;</item>
/// <item>the journal and the staging folder are deleted.</item>
/// </list>
/// A run killed before the journal exists leaves the previous set untouched (its staging is removed by the
/// next run: rolled back); killed after, the next run finds the journal and finishes the commit (rolled
/// forward). Either way no file the tool did not write is ever touched, a symbolic link inside the folder
/// is never followed, and folders of the tool's other outputs (a report nested in <c>out/real/</c>,
/// executed notebooks beside a report) coexist.
/// </summary>
public sealed class OwnedOutputs : IDisposable
{
    private const string CommitSuffix = ".commit";

    private readonly string manifestName;
    private readonly HashSet<string> previous;
    private readonly bool createdFolder;
    private bool committed;

    private OwnedOutputs(string folder, string manifestName, HashSet<string> previous, bool createdFolder, string staging)
    {
        Folder = folder;
        this.manifestName = manifestName;
        this.previous = previous;
        this.createdFolder = createdFolder;
        Staging = staging;
    }

    /// <summary>The output folder (full path).</summary>
    public string Folder { get; }

    /// <summary>Where the run writes its files, under the same relative paths they will have in <see cref="Folder"/>.</summary>
    public string Staging { get; }

    /// <summary>Files the earlier run of this manifest wrote (relative paths), which this run may replace or remove.</summary>
    public IReadOnlyCollection<string> Previous => previous;

    /// <summary>The journal's file name for a manifest: <c>.NAME.commit</c>.</summary>
    public static string JournalName(string manifestName) => "." + manifestName + CommitSuffix;

    /// <summary>The staging folders' name prefix for a manifest: <c>.NAME.staging-</c> (then <c>pid{N}.…</c>).</summary>
    public static string StagingPrefix(string manifestName) => "." + manifestName + ".staging-";

    /// <summary>
    /// Prepares a run that writes into <paramref name="folder"/> and records its files in the manifest
    /// <paramref name="manifestName"/> there: finishes or rolls back a killed earlier run, reads what the earlier
    /// run owns, and creates the staging folder.
    /// </summary>
    /// <param name="folder">The output folder (created when missing).</param>
    /// <param name="manifestName">The manifest's file name in it, which names the run's files.</param>
    /// <param name="wholeFolder">True when the output is the folder itself (a report): a folder that holds things
    /// but no output of the tool is refused. False when the output is a few named files in a folder that may
    /// hold anything (an executed notebook): only a file of the same name that the tool did not write is refused.</param>
    /// <exception cref="ArgumentException">The folder is a file, or it holds things and no earlier output of the
    /// tool (the message lists what is there), or the manifest there was not written by this tool.</exception>
    public static OwnedOutputs Begin(string folder, string manifestName, bool wholeFolder = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestName);
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new ArgumentException($"{folder} is a file; give a folder (it will be created)");
        }

        var created = !Directory.Exists(full);
        Directory.CreateDirectory(full);
        Recover(full, manifestName);
        var previous = OwnedBy(full, manifestName, folder, wholeFolder);
        var staging = Path.Combine(full, StagingPrefix(manifestName) + OutputFiles.ProcessTag + "." + Path.GetRandomFileName());
        Directory.CreateDirectory(staging);
        return new OwnedOutputs(full, manifestName, previous, created, staging);
    }

    /// <summary>
    /// True when <paramref name="folder"/> holds a commit that was interrupted (its journal is there and the run
    /// that wrote it is gone): the outputs are a mix of two runs until the next run finishes the commit.
    /// </summary>
    public static bool HasInterruptedCommit(string folder, string manifestName) =>
        File.Exists(Path.Combine(folder, JournalName(manifestName)));

    /// <summary>
    /// Moves every file of <see cref="Staging"/> into <see cref="Folder"/> through the journal, and removes the
    /// earlier run's files this run did not produce again. Nothing else in the folder is touched.
    /// </summary>
    /// <exception cref="ArgumentException">A folder on the way to an output is a symbolic link or a file
    /// (checked before anything is moved).</exception>
    public CommitResult Commit() => Commit(stopAfter: null)!;

    /// <summary>
    /// For fault tests: commits as a run killed after <paramref name="stopAfter"/> steps (removals and moves)
    /// of the journal would leave it: the journal written, some files in place, the staging folder still there.
    /// Null runs the whole commit.
    /// </summary>
    internal CommitResult? Commit(int? stopAfter)
    {
        var written = Directory.EnumerateFiles(Staging, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Staging, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var path in written)
        {
            CheckParents(Folder, path);
            var target = Path.Combine(Folder, path);
            if (!previous.Contains(path) && (File.Exists(target) || new FileInfo(target).LinkTarget is not null))
            {
                throw new ArgumentException(
                    $"{target} exists and was not written by an earlier run of this output (its {manifestName} does not list it); it is left alone. Move it away or write elsewhere");
            }
        }

        var removed = previous.Where(p => !written.Contains(p, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var journal = new Journal(Path.GetFileName(Staging), written, removed);
        AtomicFile.Write(Path.Combine(Folder, JournalName(manifestName)), JsonSerializer.SerializeToUtf8Bytes(journal, JournalJson.Default.Journal));
        committed = true;
        if (!Apply(Folder, manifestName, journal, stopAfter))
        {
            return null;
        }

        // Folders the earlier run wrote into are looked inside, so a user's file left in charts/ is named, not charts/.
        var owned = new HashSet<string>(written.Concat(previous), StringComparer.Ordinal);
        return new CommitResult(Folder, written, removed, Others(Folder, owned));
    }

    /// <summary>Removes the staging folder (a run that failed or was cancelled), and the output folder when this run created it and it stayed empty.</summary>
    public void Dispose()
    {
        if (committed)
        {
            return;
        }

        try
        {
            if (Directory.Exists(Staging))
            {
                Directory.Delete(Staging, recursive: true);
            }

            if (createdFolder && Directory.Exists(Folder) && !Directory.EnumerateFileSystemEntries(Folder).Any())
            {
                Directory.Delete(Folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next run removes a stale staging folder.
        }
    }

    /// <summary>
    /// Entries of <paramref name="folder"/> that are not in <paramref name="owned"/> and not the tool's own
    /// bookkeeping: a folder holding none of the owned files is listed once as <c>name/</c>; a symbolic link is
    /// listed, never followed.
    /// </summary>
    public static IReadOnlyList<string> Others(string folder, IReadOnlySet<string> owned)
    {
        var result = new List<string>();
        Walk(folder, "");
        result.Sort(StringComparer.Ordinal);
        return result;

        void Walk(string dir, string prefix)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(entry);
                var rel = prefix + name;
                if (prefix.Length == 0 && IsBookkeeping(name))
                {
                    continue;
                }

                var info = new FileInfo(entry);
                var isLink = info.LinkTarget is not null;
                if (!isLink && Directory.Exists(entry))
                {
                    if (owned.Any(o => o.StartsWith(rel + "/", StringComparison.Ordinal)))
                    {
                        Walk(entry, rel + "/");
                    }
                    else
                    {
                        result.Add(rel + "/");
                    }
                }
                else if (!owned.Contains(rel))
                {
                    result.Add(rel);
                }
            }
        }
    }

    /// <summary>True for the tool's staging folders, journals and atomic-write temporaries, which belong to no user.</summary>
    private static bool IsBookkeeping(string name) =>
        name.StartsWith('.') && (name.EndsWith(CommitSuffix, StringComparison.Ordinal) || name.Contains(".staging-pid", StringComparison.Ordinal) || name.Contains(".tmp-pid", StringComparison.Ordinal));

    /// <summary>
    /// The files the manifest in <paramref name="folder"/> says the tool wrote (with the manifest itself), or an
    /// empty set for an empty folder or one holding only other outputs of the tool. Refuses a folder that holds
    /// things but no output of the tool, and a manifest the tool did not write.
    /// </summary>
    private static HashSet<string> OwnedBy(string folder, string manifestName, string given, bool wholeFolder)
    {
        var owned = new HashSet<string>(StringComparer.Ordinal);
        var manifestPath = Path.Combine(folder, manifestName);
        if (File.Exists(manifestPath) || Directory.Exists(manifestPath))
        {
            (string Tool, IReadOnlyList<string> Outputs) manifest;
            try
            {
                manifest = Manifest.ReadOwnership(manifestPath);
            }
            catch (ManifestFormatException ex)
            {
                throw new ArgumentException(
                    $"{given} holds {manifestName}, which is not a manifest this tool wrote ({ex.Message}); it is left alone. Move it away or give another output folder", ex);
            }

            if (manifest.Tool != ManifestBuilder.ToolName)
            {
                throw new ArgumentException($"{given} holds {manifestName} written by '{manifest.Tool}', not by pipeline; it is left alone. Give another output folder");
            }

            owned.Add(manifestName);
            foreach (var o in manifest.Outputs)
            {
                owned.Add(o.Replace('\\', '/'));
            }

            return owned;
        }

        var others = wholeFolder ? Others(folder, owned) : [];
        if (others.Count > 0 && !HoldsToolOutput(folder))
        {
            var shown = string.Join(", ", others.Take(8)) + (others.Count > 8 ? $" and {others.Count - 8} more" : "");
            throw new ArgumentException(
                $"{given} is not empty and holds no earlier output of pipeline (no manifest written by it): {shown}. "
                + "Nothing was touched; give a new or empty folder, or one that holds an earlier report or notebook run");
        }

        return owned;
    }

    /// <summary>
    /// True when the folder holds a manifest of the tool (a report's or a notebook run's), itself or in a folder directly
    /// inside it (a report nested in <c>out/real/</c>, a notebook's report folder such as <c>out/notebook-report/</c>), so
    /// it is a tool output folder: the nested outputs are left alone, never taken for a user's files.
    /// </summary>
    private static bool HoldsToolOutput(string folder) =>
        HasToolManifest(folder)
        || Directory.EnumerateDirectories(folder).Any(d => new DirectoryInfo(d).LinkTarget is null && !IsBookkeeping(Path.GetFileName(d)) && HasToolManifest(d));

    /// <summary>True when <paramref name="folder"/> itself holds a manifest this tool wrote (<c>manifest.json</c> or <c>NAME.manifest.json</c>).</summary>
    private static bool HasToolManifest(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Manifest.FileName))
        {
            var name = Path.GetFileName(file);
            if (name != Manifest.FileName && !name.EndsWith("." + Manifest.FileName, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                if (Manifest.ReadOwnership(file).Tool == ManifestBuilder.ToolName)
                {
                    return true;
                }
            }
            catch (ManifestFormatException)
            {
                // Not ours.
            }
        }

        return false;
    }

    /// <summary>Every folder between <paramref name="folder"/> and the output must be a real folder (or not exist yet), never a link out.</summary>
    private static void CheckParents(string folder, string relative)
    {
        var parts = relative.Split('/');
        var dir = folder;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            dir = Path.Combine(dir, parts[i]);
            var info = new DirectoryInfo(dir);
            if (info.LinkTarget is not null)
            {
                throw new ArgumentException(
                    $"{Path.Combine(folder, string.Join('/', parts[..(i + 1)]))} is a symbolic link (to {info.LinkTarget}); outputs are written only inside the output folder, so the link is not followed. Remove the link or give another output folder");
            }

            if (File.Exists(dir))
            {
                throw new ArgumentException($"{dir} is a file, but {relative} needs a folder there. Move the file away or give another output folder");
            }

            if (!Directory.Exists(dir))
            {
                return;
            }
        }

        var target = Path.Combine(folder, relative);
        if (Directory.Exists(target) && new DirectoryInfo(target).LinkTarget is null)
        {
            throw new ArgumentException($"{target} is a folder, but the run writes a file of that name. Move the folder away or give another output folder");
        }
    }

    /// <summary>Finishes a commit whose journal was written (roll forward), then removes staging folders of runs that are gone (roll back).</summary>
    private static void Recover(string folder, string manifestName)
    {
        var journalPath = Path.Combine(folder, JournalName(manifestName));
        if (File.Exists(journalPath))
        {
            Journal? journal = null;
            try
            {
                journal = JsonSerializer.Deserialize(File.ReadAllBytes(journalPath), JournalJson.Default.Journal);
            }
            catch (JsonException)
            {
                journal = null;
            }

            if (journal is null || journal.Staging.Contains('/') || journal.Staging.Contains('\\') || !journal.Staging.StartsWith(StagingPrefix(manifestName), StringComparison.Ordinal))
            {
                throw new ArgumentException($"{journalPath} records an interrupted commit but cannot be read; check the folder's files against {manifestName} by hand, then delete the journal");
            }

            // The journal is written only once staging is complete, so the commit can always be finished, unless
            // the run that wrote it is still alive in another process (it is finishing it right now).
            var owner = journal.Staging[StagingPrefix(manifestName).Length..].Split('.')[0];
            var stagingPath = Path.Combine(folder, journal.Staging);
            var ownerGone = owner == OutputFiles.ProcessTag || !Directory.Exists(stagingPath)
                || OutputFiles.StaleEntries(folder, StagingPrefix(manifestName)).Contains(stagingPath);
            if (!ownerGone)
            {
                throw new ArgumentException($"another pipeline run ({owner}) is committing into {folder} right now; wait for it to finish");
            }

            Apply(folder, manifestName, journal);
        }

        OutputFiles.RemoveStale(folder, StagingPrefix(manifestName));
    }

    /// <summary>Applies a journal; every step can be repeated, so a commit killed half-way is finished by running it again.</summary>
    private static bool Apply(string folder, string manifestName, Journal journal, int? stopAfter = null)
    {
        var staging = Path.Combine(folder, journal.Staging);
        var steps = 0;
        foreach (var path in journal.Remove)
        {
            if (steps++ == stopAfter)
            {
                return false;
            }

            if (!IsInside(path))
            {
                continue;
            }

            var target = Path.Combine(folder, path);
            if (File.Exists(target) || new FileInfo(target).LinkTarget is not null)
            {
                File.Delete(target); // A link is removed itself, never what it points to.
            }

            RemoveEmptyParents(folder, path);
        }

        // The manifest last: once it is in place, every file it lists is too.
        foreach (var path in journal.Add.Where(p => p != manifestName).Append(manifestName))
        {
            if (steps++ == stopAfter)
            {
                return false;
            }

            if (!IsInside(path))
            {
                continue;
            }

            var source = Path.Combine(staging, path);
            if (!File.Exists(source))
            {
                continue; // Moved before the kill.
            }

            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(source, target, overwrite: true);
        }

        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        File.Delete(Path.Combine(folder, JournalName(manifestName)));
        return true;
    }

    /// <summary>True for a relative path that stays inside its folder: not rooted, no <c>..</c>, <c>.</c> or empty part.</summary>
    public static bool IsInside(string relative) =>
        relative.Length > 0 && !Path.IsPathRooted(relative) && !relative.Split('/', '\\').Any(p => p is "" or "." or "..");

    private static void RemoveEmptyParents(string folder, string relative)
    {
        var parts = relative.Split('/');
        for (var n = parts.Length - 1; n > 0; n--)
        {
            var dir = Path.Combine(folder, string.Join('/', parts[..n]));
            if (Directory.Exists(dir) && new DirectoryInfo(dir).LinkTarget is null && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>A commit in progress: the staging folder's name, the files it moves in and the earlier files it removes.</summary>
    internal sealed record Journal(string Staging, IReadOnlyList<string> Add, IReadOnlyList<string> Remove)
    {
        public string Written { get; init; } = IsoDate.FormatUtc(DateTimeOffset.UtcNow);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(OwnedOutputs.Journal))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class JournalJson : System.Text.Json.Serialization.JsonSerializerContext;
