using Microsoft.AspNetCore.Builder;
using Parley.Api;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;

namespace Parley.Tests.Api;

/// <summary>The real server on a free loopback port over a fresh store, stopped and deleted on dispose.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Token = "test-token-7f3a";

    private readonly string _dir = Directory.CreateTempSubdirectory("parley-api-").FullName;
    private readonly WebApplication _app;

    private ApiHost(string[] inputs, Func<ApiOptions, ApiOptions>? configure)
    {
        Store = new SqliteEventStore(Path.Combine(_dir, "api.db"));
        if (inputs.Length > 0) new IngestService(Store, DictionarySet.Default).Ingest(inputs, new Diagnostics());
        var options = new ApiOptions { Urls = "http://127.0.0.1:0", Token = Token, WebRoot = Path.Combine(Repo.Root, "web") };
        _app = ApiServer.Build(Store, configure is null ? options : configure(options));
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
    }

    /// <summary>Starts a server over a store holding <paramref name="inputs"/>.</summary>
    public static ApiHost Start(string[] inputs, Func<ApiOptions, ApiOptions>? configure = null) => new(inputs, configure);

    public SqliteEventStore Store { get; }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    /// <summary>The running application, for its route table.</summary>
    public WebApplication App => _app;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One server over the seed captures, shared by a test class.</summary>
public sealed class SeedApi : IDisposable
{
    public SeedApi() => Host = ApiHost.Start([Repo.Seeds]);

    public ApiHost Host { get; }

    public void Dispose() => Host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
