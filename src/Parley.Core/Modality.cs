namespace Parley;

/// <summary>Whether a coded event is said to have happened.</summary>
public enum Modality : byte
{
    /// <summary>Reported as having happened or happening.</summary>
    Asserted,
    /// <summary>Said not to have happened ("did not meet").</summary>
    Negated,
    /// <summary>Conditional or counterfactual ("if ... would", "could").</summary>
    Hypothetical,
    /// <summary>Planned, promised or future ("will visit", "plans to").</summary>
    Intended,
}
