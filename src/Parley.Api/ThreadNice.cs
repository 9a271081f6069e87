using System.Runtime.InteropServices;

namespace Parley.Api;

/// <summary>
/// Lowers the scheduling priority of the calling thread alone: an ingest's workers give way to its
/// single batch writer, the one part of the run that more cores do not share.
/// </summary>
/// <remarks>
/// <para>The workers run ahead of the writer until the queue between them is full; at the same
/// priority the system shares the cores evenly between them, so the writer of a two-core ingest of
/// 10,000 captures was on a core about half the time it spent in its batches. With the workers at
/// nice 10 they take what the writer leaves: two cores, 10,000 captures, three rounds alternated,
/// 2,800, 2,840 and 2,897 captures/s against 2,502, 2,583 and 2,658; one core no slower.</para>
/// <para>On Linux a nice value is per thread (<c>setpriority</c> on the thread id); a process may
/// always lower its own threads' priority, never raise it back, so a thread lowered stays lowered
/// (the ingest's threads are its own, never pool threads). Elsewhere .NET's thread priority is set,
/// which the system may ignore.</para>
/// </remarks>
public static class ThreadNice
{
    /// <summary>The nice value of an ingest's worker threads (0 is the default, 19 the lowest).</summary>
    public const int Workers = 10;

    /// <summary>
    /// Gives the calling thread the nice value <paramref name="nice"/> (1 to 19); true when the system
    /// took it (on Linux), false where only .NET's own priority could be set.
    /// </summary>
    public static bool Lower(int nice = Workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nice, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, 19);
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return SetPriority(PrioProcess, GetTid(), nice) == 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A C library without gettid (glibc before 2.30): the thread keeps its priority.
                return false;
            }
        }
        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        return false;
    }

    // setpriority's "which" for one process, or on Linux one thread by its id (sys/resource.h).
    private const int PrioProcess = 0;

    [DllImport("libc.so.6", EntryPoint = "setpriority", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc.so.6", EntryPoint = "gettid", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetTid();
}
