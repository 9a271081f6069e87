namespace Parley.Api;

/// <summary>
/// The stable <c>code</c> carried by the API's RFC 7807 problem details. A problem the framework
/// raises itself carries "PAR" and its status (PAR405 for a wrong method).
/// </summary>
public static class ProblemCodes
{
    /// <summary>A query parameter or body has the wrong form; the detail names it.</summary>
    public const string BadParameter = "PAR400";
    /// <summary>A write without the right bearer token.</summary>
    public const string Unauthorized = "PAR401";
    /// <summary>No such event, article or page.</summary>
    public const string NotFound = "PAR404";
    /// <summary>The request body is larger than the server accepts.</summary>
    public const string TooLarge = "PAR413";
    /// <summary>Too many requests from one address; retry after the minute.</summary>
    public const string RateLimited = "PAR429";
    /// <summary>An unexpected server error; details are logged, never sent.</summary>
    public const string Internal = "PAR500";
}
