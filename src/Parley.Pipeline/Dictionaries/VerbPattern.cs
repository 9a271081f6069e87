using System.Collections.Frozen;

namespace Parley.Pipeline.Dictionaries;

/// <summary>The kind of one element of a <see cref="VerbPattern"/>.</summary>
public enum PatternElementKind : byte
{
    /// <summary>One of a set of word forms.</summary>
    Word,
    /// <summary>Up to <see cref="VerbPattern.MaxGap"/> tokens inside the clause.</summary>
    Gap,
    /// <summary>The target actor.</summary>
    Target,
    /// <summary>A source actor named inside the phrase.</summary>
    Source,
}

/// <summary>One element of a pattern.</summary>
/// <param name="Kind">What it matches.</param>
/// <param name="Forms">For words, the accepted lower-case forms.</param>
public sealed record PatternElement(PatternElementKind Kind, FrozenSet<string>? Forms = null);

/// <summary>A verb or noun pattern that codes a CAMEO event.</summary>
/// <param name="Code">CAMEO code.</param>
/// <param name="Text">The pattern as written in the dictionary.</param>
/// <param name="Elements">Its elements.</param>
/// <param name="Symmetric">Coordinated actors act on each other ("A and B met").</param>
/// <param name="Nominal">A noun event ("talks between A and B").</param>
public sealed record VerbPattern(string Code, string Text, PatternElement[] Elements, bool Symmetric, bool Nominal)
{
    /// <summary>Longest gap a ".." element spans, in tokens.</summary>
    public const int MaxGap = 8;

    /// <summary>Number of literal words: longer patterns are preferred.</summary>
    public int Weight { get; } = Elements.Count(e => e.Kind == PatternElementKind.Word);

    /// <summary>True when the pattern names its target slot.</summary>
    public bool HasTarget { get; } = Elements.Any(e => e.Kind == PatternElementKind.Target);

    /// <summary>Parses one dictionary line's pattern.</summary>
    public static VerbPattern Parse(string code, string text, string flags)
    {
        var elements = new List<PatternElement>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            elements.Add(part switch
            {
                ".." => new PatternElement(PatternElementKind.Gap),
                "{T}" => new PatternElement(PatternElementKind.Target),
                "{S}" => new PatternElement(PatternElementKind.Source),
                _ when part[0] == '+' => new PatternElement(PatternElementKind.Word, Inflector.VerbForms(part[1..]).ToFrozenSet()),
                _ when part[0] == '*' => new PatternElement(PatternElementKind.Word, Inflector.NounForms(part[1..]).ToFrozenSet()),
                _ => new PatternElement(PatternElementKind.Word, new[] { part.ToLowerInvariant() }.ToFrozenSet()),
            });
        }
        var f = flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new VerbPattern(code, text, elements.ToArray(), f.Contains("sym"), f.Contains("noun"));
    }
}
