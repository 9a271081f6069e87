using System.IO.Enumeration;

namespace Parley.Pipeline.Sources;

/// <summary>
/// Turns the paths a user gives into file paths: a file is itself, a folder is every capture file
/// under it (recursively, hidden folders skipped), a glob ("dir/*.txt", "crawl/**/*.warc.gz") is
/// the files it matches. Listings are sorted ordinally, one folder at a time, so the order is
/// stable and memory does not grow with the size of the tree.
/// </summary>
internal static class PathExpander
{
    private static readonly char[] Wildcards = ['*', '?'];
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>Yields the files <paramref name="path"/> names, reporting PAR108 when it names none.</summary>
    public static IEnumerable<string> Expand(string path, Diagnostics diagnostics)
    {
        if (File.Exists(path))
        {
            yield return path;
            yield break;
        }

        if (Directory.Exists(path))
        {
            foreach (var file in Walk(path, diagnostics))
            {
                yield return file;
            }

            yield break;
        }

        if (path.IndexOfAny(Wildcards) < 0)
        {
            diagnostics.Report(DiagnosticCodes.NoSuchPath, Severity.Error, path, 0,
                $"No file or folder '{path}' exists. Check the path, or quote a glob so the shell does not expand it.");
            yield break;
        }

        var any = false;
        foreach (var file in Glob(path, diagnostics))
        {
            any = true;
            yield return file;
        }

        if (!any)
        {
            diagnostics.Report(DiagnosticCodes.NoSuchPath, Severity.Error, path, 0,
                $"The pattern '{path}' matched no file.");
        }
    }

    /// <summary>Every known capture file under <paramref name="directory"/>.</summary>
    private static IEnumerable<string> Walk(string directory, Diagnostics diagnostics)
    {
        var (files, dirs) = List(directory, diagnostics);
        foreach (var file in files)
        {
            if (SourcePath.IsKnown(file))
            {
                yield return file;
            }
        }

        foreach (var dir in dirs)
        {
            foreach (var file in Walk(dir, diagnostics))
            {
                yield return file;
            }
        }
    }

    private static IEnumerable<string> Glob(string pattern, Diagnostics diagnostics)
    {
        var rooted = pattern.Length > 0 && Array.IndexOf(Separators, pattern[0]) >= 0;
        var segments = pattern.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var first = Array.FindIndex(segments, s => s.IndexOfAny(Wildcards) >= 0);
        var baseDir = string.Join('/', segments[..first]);
        if (rooted)
        {
            baseDir = "/" + baseDir;
        }
        else if (Path.IsPathRooted(pattern) && first > 0 && segments[0].EndsWith(':'))
        {
            baseDir += "/";
        }

        if (baseDir.Length == 0)
        {
            baseDir = ".";
        }

        if (!Directory.Exists(baseDir))
        {
            return [];
        }

        return Match(baseDir, segments, first, diagnostics);
    }

    private static IEnumerable<string> Match(string dir, string[] segments, int index, Diagnostics diagnostics)
    {
        var segment = segments[index];
        var last = index == segments.Length - 1;
        var (files, dirs) = List(dir, diagnostics);
        if (segment == "**")
        {
            if (last)
            {
                foreach (var file in Walk(dir, diagnostics))
                {
                    yield return file;
                }

                yield break;
            }

            // "**" matches no folder at all, then any folder at any depth below.
            foreach (var file in Match(dir, segments, index + 1, diagnostics))
            {
                yield return file;
            }

            foreach (var sub in dirs)
            {
                foreach (var file in Match(sub, segments, index, diagnostics))
                {
                    yield return file;
                }
            }

            yield break;
        }

        if (last)
        {
            foreach (var file in files)
            {
                if (Matches(segment, Path.GetFileName(file)))
                {
                    yield return file;
                }
            }
        }

        foreach (var sub in dirs)
        {
            if (!Matches(segment, Path.GetFileName(sub)))
            {
                continue;
            }

            var inner = last
                ? Walk(sub, diagnostics)
                : Match(sub, segments, index + 1, diagnostics);
            foreach (var file in inner)
            {
                yield return file;
            }
        }
    }

    private static bool Matches(string segment, string name) =>
        FileSystemName.MatchesSimpleExpression(segment, name, ignoreCase: !OperatingSystem.IsLinux());

    /// <summary>The sorted files and visible subfolders of one folder; an unreadable folder is reported and empty.</summary>
    private static (string[] Files, string[] Dirs) List(string directory, Diagnostics diagnostics)
    {
        try
        {
            var files = Directory.GetFiles(directory);
            var dirs = Directory.GetDirectories(directory)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .ToArray();
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(dirs, StringComparer.Ordinal);
            return (files, dirs);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCodes.Unreadable, Severity.Error, directory, 0,
                $"The folder could not be listed ({ex.Message}); it was skipped.");
            return ([], []);
        }
    }
}
