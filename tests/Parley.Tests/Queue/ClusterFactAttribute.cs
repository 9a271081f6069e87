using Xunit;

namespace Parley.Tests.Queue;

/// <summary>
/// A fact that builds network namespaces: it needs root and iproute2's <c>ip</c>. Outside CI it
/// is skipped when either is missing; under CI (CI set) it always runs, so a machine that
/// cannot run it fails instead of hiding the test.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 }) return;
        if (MissingReason() is { } reason) Skip = reason;
    }

    /// <summary>Why the cluster harness cannot run here, or null.</summary>
    public static string? MissingReason() =>
        Environment.UserName != "root" ? "the cluster harness needs root (network namespaces)"
        : !new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.Any(File.Exists) ? "the cluster harness needs iproute2's ip"
        : null;
}
