namespace Parley;

/// <summary>A half-open range [<see cref="Start"/>, <see cref="End"/>) of character offsets into a text.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character (exclusive).</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one character.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <summary>The covered characters of <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);

    /// <summary>The covered characters of <paramref name="text"/> as a new string.</summary>
    public string TextOf(string text) => text.Substring(Start, End - Start);

    /// <inheritdoc/>
    public override string ToString() => $"[{Start},{End})";
}
