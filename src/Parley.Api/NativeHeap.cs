using System.Runtime.InteropServices;

namespace Parley.Api;

/// <summary>
/// Caps the heaps (arenas) the C library's allocator keeps for the process's native memory: the
/// page caches, statements and row buffers of SQLite's connections, which the writer, the story
/// lookups, the search indexer and the checkpointer each allocate from their own thread.
/// </summary>
/// <remarks>
/// <para>glibc gives a thread that finds the heap it would use locked a heap of its own, up to eight
/// per core, and keeps what is freed in each heap for the threads that allocate there: a page
/// cache dropped by one connection is not reused by another. In the bench's one-core ingest of
/// 100,000 captures the heaps held 75 to 106 MB against 53 at 10,000 captures, most of the growth
/// that was not the collector's. Two heaps took the peak resident memory at 100,000 from 282-299 to
/// 267-278 MB (pairs of runs at once on the two cores, swapped), captures per second unchanged.</para>
/// <para>A process setting, made once at the start of a long command, before its threads allocate.
/// On another C library or system it does nothing.</para>
/// </remarks>
public static class NativeHeap
{
    /// <summary>Heaps kept at most.</summary>
    public const int Arenas = 2;

    // mallopt's parameter for the most arenas (malloc.h).
    private const int ArenaMax = -8;

    /// <summary>Caps the allocator's heaps at <paramref name="arenas"/>; true when the C library took it.</summary>
    public static bool LimitArenas(int arenas = Arenas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Mallopt(ArenaMax, arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no mallopt): its allocator keeps no per-thread heaps to cap.
            return false;
        }
    }

    // Two ints in, one out: nothing to marshal.
    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int param, int value);
}
