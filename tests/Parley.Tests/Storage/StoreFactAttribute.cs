using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Parley.Tests.Storage;

/// <summary>
/// A fact of the store test suite. It runs for every store; for the PostgreSQL subclass it is
/// skipped only on a developer machine without a server (PARLEY_TEST_PG and CI both unset). In
/// CI a missing server fails the tests instead of skipping them.
/// </summary>
[XunitTestCaseDiscoverer("Parley.Tests.Storage.StoreFactDiscoverer", "Parley.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Finds <see cref="StoreFactAttribute"/> tests as <see cref="StoreTestCase"/>s.</summary>
public sealed class StoreFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute)
    {
        yield return new StoreTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method);
    }
}

/// <summary>A theory of the store test suite, skipped for the PostgreSQL subclass like <see cref="StoreFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Parley.Tests.Storage.StoreTheoryDiscoverer", "Parley.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

/// <summary>Finds <see cref="StoreTheoryAttribute"/> tests: one <see cref="StoreTestCase"/> per data row, or a <see cref="StoreTheoryTestCase"/>.</summary>
public sealed class StoreTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo theory, object[] dataRow)
    {
        yield return new StoreTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, dataRow);
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo theory)
    {
        yield return new StoreTheoryTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method);
    }
}

/// <summary>A store theory whose data is enumerated when it runs; skipped like <see cref="StoreTestCase"/>.</summary>
public sealed class StoreTheoryTestCase : XunitTheoryTestCase
{
    [Obsolete("For deserialization only")]
    public StoreTheoryTestCase() { }

    public StoreTheoryTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => StoreTestCase.SkipFor(TestMethod) ?? base.GetSkipReason(factAttribute);
}

/// <summary>A store test case: skipped for the PostgreSQL store when <see cref="PostgresServer.SkipReason"/> says so.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("For deserialization only")]
    public StoreTestCase() { }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, object[]? arguments = null)
        : base(sink, display, options, method, arguments) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => SkipFor(TestMethod) ?? base.GetSkipReason(factAttribute);

    /// <summary>Why <paramref name="method"/> is skipped: a PostgreSQL test class without a server, else null.</summary>
    internal static string? SkipFor(ITestMethod method) =>
        method.TestClass.Class.Name.Contains("Postgres", StringComparison.Ordinal) ? PostgresServer.SkipReason : null;
}

/// <summary>The PostgreSQL server the tests use: PARLEY_TEST_PG, a connection string or postgres:// URL.</summary>
public static class PostgresServer
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("PARLEY_TEST_PG") is { Length: > 0 } s ? s : null;

    /// <summary>Why PostgreSQL tests are skipped, or null when they must run.</summary>
    public static string? SkipReason =>
        ConnectionString is null && Environment.GetEnvironmentVariable("CI") is not { Length: > 0 }
            ? "PARLEY_TEST_PG is not set (a connection string to a test server; .ci/run sets it up)"
            : null;
}
