namespace Parley.Storage;

/// <summary>What one node of the actor network stands for.</summary>
public enum NetworkLevel
{
    /// <summary>A CAMEO actor code (KORGOV, USAGOV): a country's government, military, ...</summary>
    Actor,
    /// <summary>A country code (KOR, USA): every actor of that country together.</summary>
    Country,
    /// <summary>A named actor (Moon Jae-in), kept apart from others with the same code.</summary>
    Name,
}
