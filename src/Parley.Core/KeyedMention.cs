namespace Parley;

/// <summary>An event mention with the id of the event it reports and that event's CAMEO attributes.</summary>
/// <param name="EventId">Id of the consolidated event, derived from its key.</param>
/// <param name="Code">The event's CAMEO code with Goldstein value, quad class and PLOVER type.</param>
/// <param name="Mention">The mention.</param>
public sealed record KeyedMention(string EventId, CameoCode Code, EventMention Mention);
