namespace Parley.Storage;

/// <summary>A filter value that cannot be read; the message names the key, the value and the expected form.</summary>
public sealed class EventFilterException : FormatException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public EventFilterException(string key, string message) : base(message) => Key = key;

    /// <summary>The filter key whose value was bad ("from").</summary>
    public string Key { get; }
}
