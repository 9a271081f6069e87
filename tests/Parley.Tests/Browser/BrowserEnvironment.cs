using Parley.Api;
using Parley.Tests.Support;

namespace Parley.Tests.Browser;

/// <summary>What the browser tests need, and where they put their screenshots.</summary>
public static class BrowserEnvironment
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser here.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("PARLEY_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>True under CI (the CI variable set to anything but empty, 0 or false).</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } v && v != "0" && !v.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The front end's folder in this checkout.</summary>
    public static string WebRoot => Path.Combine(Repo.Root, "web");

    /// <summary>Where screenshots go: beside the test results that ./test writes.</summary>
    public static string ScreenshotDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("PARLEY_TEST_RESULTS") is { Length: > 0 } r ? Path.Combine(r, "screenshots")
                : Path.Combine(Repo.Root, ".parley", "test-results", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? MissingReason() =>
        !File.Exists(Chromium) ? $"{Chromium} is missing: apt-get install chromium (.ci/run does)."
        : !WebAssets.LibrariesInstalled(WebRoot) ? "the front-end libraries are missing: run 'npm ci' in web/ (.ci/run and ./test do)."
        : null;
}
