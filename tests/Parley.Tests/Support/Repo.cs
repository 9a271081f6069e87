namespace Parley.Tests.Support;

/// <summary>Paths of the repository and of the shared folder beside it.</summary>
public static class Repo
{
    /// <summary>The repository root: the folder holding Parley.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder beside the repository (seeds, evaluation data).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The seed captures.</summary>
    public static string Seeds => Path.Combine(Shared, "seeds");

    /// <summary>The project's own test inputs.</summary>
    public static string Inputs => Path.Combine(Root, "tests", "Parley.Tests", "Inputs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
