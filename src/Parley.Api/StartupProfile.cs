using System.Runtime;

namespace Parley.Api;

/// <summary>
/// The runtime's multicore JIT for a command: the first run records which methods it compiled, in
/// order; later runs compile them on a spare core, ahead of the threads that need them.
/// </summary>
/// <remarks>
/// <para>With tiered compilation off (see the CLI's project file) every method is compiled fully
/// optimised on first call: an ingest of 10,000 captures spent 1.5 to 1.8 s of CPU compiling, a
/// quarter of a one-core run. On two cores most of it sat on the critical path: both workers
/// need the same date expressions, the largest methods, and one waits while the other compiles
/// them, and the writer compiles its write path before its first commit. Replaying the profile
/// took the bench's two-core ingest of 10,000 captures from 2,555 to 2,641 captures/s (mean of
/// five runs each, alternated) and started the writer 0.3 s earlier. On one core the runtime
/// turns it off: there is no spare core.</para>
/// <para>A profile names methods by module version, so one recorded by another build is ignored
/// and recorded again. Profiles are written when the process exits.</para>
/// </remarks>
public static class StartupProfile
{
    /// <summary>
    /// Starts recording (and replaying, when there is a profile) for <paramref name="name"/>, with
    /// profiles kept in <paramref name="directory"/>. False when the directory cannot be made or
    /// <paramref name="name"/> is not a plain file name: the command then runs as it would without.
    /// </summary>
    public static bool Start(string directory, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-')) return false;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        ProfileOptimization.SetProfileRoot(directory);
        ProfileOptimization.StartProfile(name + ".jitprofile");
        return true;
    }
}
