namespace Parley.Pipeline.Extraction;

/// <summary>What decided the encoding of a decoded text, strongest first.</summary>
public enum DecodingBasis
{
    /// <summary>A byte-order mark (UTF-8, UTF-16 or UTF-32).</summary>
    Bom,
    /// <summary>A charset declared outside the bytes (<see cref="Capture.Charset"/>, from an HTTP header).</summary>
    Declared,
    /// <summary>A <c>&lt;meta charset&gt;</c> or http-equiv Content-Type in the first 4 KB of an HTML page.</summary>
    Meta,
    /// <summary>No usable declaration; the bytes are valid UTF-8 (plain ASCII included).</summary>
    Utf8,
    /// <summary>A declared charset was wrong: the bytes were not valid in it but are valid UTF-8.</summary>
    Utf8OverDeclared,
    /// <summary>No usable declaration, not UTF-8, but the bytes decode cleanly as mostly-Hangul Windows-949 (EUC-KR) text.</summary>
    Korean,
    /// <summary>No usable declaration and not UTF-8: Windows-1252, which decodes any byte.</summary>
    Fallback,
}
