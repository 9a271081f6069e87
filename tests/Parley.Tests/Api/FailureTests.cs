using System.Net;
using System.Reflection;
using System.Text.Json;
using FluentAssertions;
using Parley.Api;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Api;

/// <summary>A store that fails: the client gets a coded problem and never a stack trace.</summary>
public sealed class FailureTests
{
    /// <summary>Implements any interface by throwing from every member, as a broken database would.</summary>
    public class FailingProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IDisposable.Dispose) ? null
            : throw new InvalidOperationException("disk I/O error in /secret/path/store.db at SqliteEventStore.QueryEvents");
    }

    [Theory]
    [InlineData("api/events")]
    [InlineData("api/events/ev1")]
    [InlineData("api/series?dyad=KOR-USA")]
    public async Task StoreFailure_IsA500ProblemWithoutInternals(string url)
    {
        var store = DispatchProxy.Create<IEventStore, FailingProxy>();
        var analysis = DispatchProxy.Create<IEventAnalysis, FailingProxy>();
        await using var app = ApiServer.Build(store, analysis, new ApiOptions { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/") };
        using var r = await client.GetAsync(url);
        r.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        r.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await r.Content.ReadAsStringAsync();
        JsonDocument.Parse(text).RootElement.GetProperty("code").GetString().Should().Be("PAR500");
        text.Should().NotContain("secret").And.NotContain("SqliteEventStore").And.NotContain("   at ");
        await app.StopAsync();
    }

    [Fact]
    public async Task WrongMethod_IsACodedProblem()
    {
        await using var host = ApiHost.Start([]);
        using var r = await host.Client.DeleteAsync("api/events");
        r.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString().Should().Be("PAR405");
    }
}
