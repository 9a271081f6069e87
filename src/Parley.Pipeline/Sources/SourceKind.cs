namespace Parley.Pipeline.Sources;

/// <summary>What a file holds, judged from its name (and its first bytes when the name says nothing).</summary>
internal enum SourceKind
{
    /// <summary>Not a capture format this reader knows.</summary>
    Unknown,
    /// <summary>One whole-page text dump.</summary>
    Text,
    /// <summary>One HTML page.</summary>
    Html,
    /// <summary>JSON Lines, one capture per line.</summary>
    Jsonl,
    /// <summary>A WARC file of records.</summary>
    Warc,
}
