using FluentAssertions;
using Parley.Api;
using Xunit;

namespace Parley.Tests.Api;

public sealed class ThreadNiceTests
{
    [Fact]
    public void Lower_SetsTheNiceOfTheCallingThreadOnly()
    {
        if (!OperatingSystem.IsLinux()) return;
        int before = NiceOfThisThread();
        (bool taken, int after) = (false, 0);
        var thread = new Thread(() =>
        {
            taken = ThreadNice.Lower(before + 3);
            after = NiceOfThisThread();
        });
        thread.Start();
        thread.Join();

        taken.Should().BeTrue();
        after.Should().Be(before + 3);
        NiceOfThisThread().Should().Be(before, "the thread that asked for nothing keeps its priority");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Lower_RefusesWhatIsNoLowering(int nice)
    {
        var act = () => ThreadNice.Lower(nice);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    // Field 19 of /proc/thread-self/stat; the command name (field 2) is in parentheses and may hold spaces.
    private static int NiceOfThisThread()
    {
        string stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
