namespace Parley.Storage;

/// <summary>One dated event on a timeline, with just what a timeline shows.</summary>
/// <param name="EventId">The event id.</param>
/// <param name="Date">The day it happened.</param>
/// <param name="Source">The acting actor.</param>
/// <param name="Target">The actor acted upon.</param>
/// <param name="Cameo">CAMEO code.</param>
/// <param name="CameoName">Its short description.</param>
/// <param name="Quad">QuadClass.</param>
/// <param name="Goldstein">Goldstein value.</param>
/// <param name="Mentions">How many mentions report it.</param>
/// <param name="Headline">The headline of the earliest article reporting it.</param>
public sealed record TimelineItem(
    string EventId,
    DateOnly Date,
    ActorRef Source,
    ActorRef Target,
    string Cameo,
    string CameoName,
    QuadClass Quad,
    double Goldstein,
    int Mentions,
    string? Headline);
