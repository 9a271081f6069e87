using FluentAssertions;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Evaluation;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Coding;

/// <summary>
/// Score floors on the shared development sets, so a change that makes coding worse fails.
/// PLOVER event type (0.876 today, issue target 0.85) and source country (0.906, target 0.90)
/// are held just under today's scores; target country, which the issue sets no target for, at
/// 0.34 (0.350 today); actor resolution (target 0.95, 0.952 today) just under today's score.
/// </summary>
public class EvaluationGateTests
{
    private static string Eval(string path) => Path.Combine(Repo.Shared, "evaldata", path);

    [Fact]
    public void Plover_TypeAndSourceAccuracyStayAboveTheFloor()
    {
        var r = PloverEvaluation.Run(Eval("plover-gsr/dev.jsonl"), DictionarySet.Default);
        r.Cases.Should().HaveCount(161);
        r.TypeAccuracy.Should().BeGreaterThanOrEqualTo(0.87);
        r.SourceAccuracy.Should().BeGreaterThanOrEqualTo(0.90);
        r.TargetAccuracy.Should().BeGreaterThanOrEqualTo(0.34);
    }

    [Fact]
    public void Actors_NationalityAndAgentAccuracyStayAboveTheFloor()
    {
        var r = ActorEvaluation.Run(Eval("actor-resolution/dev.jsonl"), DictionarySet.Default);
        r.Accuracy("search_nat").Should().Be(1.0);
        r.Accuracy("agent_to_code").Should().BeGreaterThanOrEqualTo(0.94);
    }

    [Theory]
    [InlineData("four Saudi men", "SAU", "four  men")]
    [InlineData("a US destroyer", "USA", "destroyer")]
    [InlineData("Great Britain", "GBR", "")]
    public void Resolver_FindsTheNationalityAndTheRest(string text, string code, string rest)
    {
        var (c, r) = new ActorResolver(DictionarySet.Default).Nationality(text);
        c.Should().Be(code);
        r.Should().Be(rest);
    }
}
