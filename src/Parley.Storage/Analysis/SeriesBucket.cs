namespace Parley.Storage;

/// <summary>The width of one step of a time series.</summary>
public enum SeriesBucket
{
    /// <summary>One calendar day.</summary>
    Day,
    /// <summary>An ISO week, Monday to Sunday, named by its Monday.</summary>
    Week,
    /// <summary>A calendar month, named by its first day.</summary>
    Month,
}
