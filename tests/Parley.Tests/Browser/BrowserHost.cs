using Microsoft.Playwright;
using Parley.Tests.Api;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Browser;

/// <summary>
/// The real server over the seed captures and one headless Debian Chromium driven by
/// Playwright, with a fresh profile folder, shared by a test class.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private readonly string _profile = Directory.CreateTempSubdirectory("parley-chromium-").FullName;
    private IPlaywright? _playwright;

    public ApiHost Server { get; private set; } = null!;

    public IBrowserContext Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (BrowserEnvironment.MissingReason() is { } reason)
        {
            if (BrowserEnvironment.InCi) throw new InvalidOperationException("Browser tests cannot run under CI: " + reason);
            return; // every test of the class is skipped by BrowserFactAttribute
        }
        Server = ApiHost.Start([Repo.Seeds]);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = BrowserEnvironment.Chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        Browser.SetDefaultTimeout(20_000);
    }

    /// <summary>A new page, with the page's script errors collected into <paramref name="errors"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string> errors)
    {
        var page = await Browser.NewPageAsync();
        page.PageError += (_, message) => errors.Add(message);
        page.Console += (_, msg) => { if (msg.Type == "error") errors.Add(msg.Text); };
        return page;
    }

    /// <summary>Saves a full-page screenshot named after the test.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserEnvironment.ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
