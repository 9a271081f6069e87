using Xunit;

namespace Parley.Tests.Browser;

/// <summary>
/// A fact that needs Debian's Chromium and the front end's npm libraries. Outside CI it is
/// skipped (and reported as skipped) when either is missing; under CI (CI set, as .ci/run
/// does) it always runs, so a missing install fails loudly instead of hiding.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.InCi) return;
        if (BrowserEnvironment.MissingReason() is { } reason) Skip = reason;
    }
}
