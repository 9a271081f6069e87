using System.Diagnostics;
using FluentAssertions;
using Parley.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Parley.Tests.Queue;

/// <summary>
/// Acceptance of the team server: bench/cluster/run builds a database host and three worker
/// hosts as network namespaces, kills one worker mid-run, and checks that every capture was
/// processed exactly once with the same events as one process on SQLite. CI runs it on a small
/// corpus; the report's figures come from 20,000 captures (bench/cluster/run --captures 20000).
/// </summary>
public sealed class ClusterHarnessTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task Cluster_KilledWorker_EveryCaptureOnce_SameEventsAsSqlite()
    {
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var a in new[] { Path.Combine(Repo.Root, "bench", "cluster", "run"), "--captures", "300", "--lease", "5s", "--kill-at", "0.3", "--no-throughput" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var log = await stderr;
        output.WriteLine(stdout);
        output.WriteLine(log);

        p.ExitCode.Should().Be(0, "every check of the harness holds:\n" + log);
        log.Should().Contain("ok   jobs done with exactly one commit: 300")
            .And.Contain("ok   canonical events equal the reference's")
            .And.Contain("jobs were claimed more than once (taken over)");
        stdout.Should().Contain("cluster: 300 captures, 3 workers with one killed");
    }
}
