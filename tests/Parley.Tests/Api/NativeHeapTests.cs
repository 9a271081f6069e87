using System.Runtime.InteropServices;
using FluentAssertions;
using Parley.Api;
using Xunit;

namespace Parley.Tests.Api;

public sealed class NativeHeapTests
{
    [Fact]
    public void LimitArenas_IsTaken_WhereTheCLibraryHasMallopt()
    {
        bool glibc = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "mallopt", out _);
        // Raising the cap to the allocator's own default for this machine leaves the test process as it was.
        NativeHeap.LimitArenas(8 * Environment.ProcessorCount).Should().Be(glibc);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-8)]
    public void LimitArenas_RefusesFewerThanOneHeap(int arenas)
    {
        var act = () => NativeHeap.LimitArenas(arenas);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
