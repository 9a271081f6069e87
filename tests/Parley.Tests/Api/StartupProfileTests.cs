using FluentAssertions;
using Parley.Api;
using Parley.Tests.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Api;

public sealed class StartupProfileTests
{
    [Fact]
    public void Ingest_RecordsWhatItCompiled_WhenThereIsASpareCore()
    {
        // The multicore JIT is the runtime's; on one core it is off and nothing is recorded.
        var profile = Path.Combine(AppContext.BaseDirectory, "startup", "ingest.jitprofile");
        if (File.Exists(profile)) File.Delete(profile);
        using var dir = new TempFolder();
        var run = ExportTests.Cli("ingest", Path.Combine(Repo.Root, "samples", "yonhap-style.txt"), "--db", Path.Combine(dir.Path, "p.db"));
        run.Code.Should().Be(0, run.Err);
        File.Exists(profile).Should().Be(Environment.ProcessorCount > 1);
        if (File.Exists(profile)) new FileInfo(profile).Length.Should().BeGreaterThan(1000, "the profile lists the methods compiled");
    }

    [Fact]
    public void Start_RunsWithout_WhenTheFolderCannotBeMade()
    {
        using var dir = new TempFolder();
        var file = dir.Write("a-file", "not a folder");
        StartupProfile.Start(Path.Combine(file, "startup"), "ingest").Should().BeFalse();
        StartupProfile.Start(dir.Path, "../ingest").Should().BeFalse();
    }
}
