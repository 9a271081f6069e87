using FluentAssertions;
using Parley.Pipeline.Text;
using Xunit;

namespace Parley.Tests.Text;

public class TokenizerTests
{
    private static string[] Lowers(string text)
    {
        var list = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), list);
        return list.Select(t => t.Lower).ToArray();
    }

    [Theory]
    [InlineData("the U.S. President", new[] { "the", "u.s.", "president" })]
    [InlineData("Seoul's top diplomat", new[] { "seoul", "'s", "top", "diplomat" })]
    [InlineData("South Korea\u2019s envoy", new[] { "south", "korea", "'s", "envoy" })]
    [InlineData("Moon Jae-in met", new[] { "moon", "jae-in", "met" })]
    [InlineData("on Dec. 23 in Washington, D.C.", new[] { "on", "dec.", "23", "in", "washington", ",", "d.c." })]
    public void Tokenizer_KeepsInitialismsAbbreviationsAndPossessives(string text, string[] expected) =>
        Lowers(text).Should().Equal(expected);

    [Theory]
    [InlineData("Trump met Kim.")]
    public void Tokenizer_SpansPointIntoText(string text)
    {
        var list = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), list);
        list.Select(t => t.Span.TextOf(text)).Should().Equal("Trump", "met", "Kim", ".");
    }
}
