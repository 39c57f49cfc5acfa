namespace Pipeline;

/// <summary>The one place that reads a git work tree's <c>.git</c>: the commit checked out (for manifests), without running git.</summary>
internal static class GitHead
{
    /// <summary>The commit checked out in the git work tree holding <paramref name="folder"/>, or null outside one.</summary>
    public static string? Commit(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (File.Exists(git))
            {
                // A linked work tree or submodule: ".git" is a file saying "gitdir: <folder>".
                var line = File.ReadAllText(git).Trim();
                git = line.StartsWith("gitdir:", StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(dir.FullName, line[7..].Trim())) : git;
            }

            if (!Directory.Exists(git))
            {
                continue;
            }

            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (!head.StartsWith("ref:", StringComparison.Ordinal))
            {
                return head;
            }

            var refName = head[4..].Trim();
            foreach (var root in new[] { git, CommonDir(git) })
            {
                var refFile = Path.Combine(root, refName);
                if (File.Exists(refFile))
                {
                    return File.ReadAllText(refFile).Trim();
                }

                var packed = Path.Combine(root, "packed-refs");
                if (File.Exists(packed))
                {
                    var hit = File.ReadLines(packed).FirstOrDefault(l => l.EndsWith(" " + refName, StringComparison.Ordinal));
                    if (hit is not null)
                    {
                        return hit.Split(' ')[0];
                    }
                }
            }

            return null;
        }

        return null;
    }

    private static string CommonDir(string git)
    {
        var common = Path.Combine(git, "commondir");
        return File.Exists(common) ? Path.GetFullPath(Path.Combine(git, File.ReadAllText(common).Trim())) : git;
    }
}
