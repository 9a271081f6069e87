namespace Parley.Tests;

/// <summary>Finds the shared reference folder next to the repository (read-only test input).</summary>
internal static class SharedFiles
{
    /// <summary>The repository root: the folder holding Parley.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder beside the repository.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The seed captures.</summary>
    public static string Seeds => Path.Combine(Shared, "seeds");

    /// <summary>The path of the seed whose name starts with <paramref name="prefix"/> ("000").</summary>
    public static string Seed(string prefix) =>
        Directory.GetFiles(Seeds, prefix + "_*.txt").Single();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
