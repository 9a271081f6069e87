using Microsoft.AspNetCore.Http;

namespace Parley.Api;

/// <summary>Builds RFC 7807 problem results that carry a stable <c>code</c>.</summary>
internal static class Problems
{
    public static IResult Of(int status, string code, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult BadParameter(string detail) => Of(400, ProblemCodes.BadParameter, "Bad parameter", detail);

    public static IResult NotFound(string detail) => Of(404, ProblemCodes.NotFound, "Not found", detail);

    public static IResult Unauthorized(string detail) => Of(401, ProblemCodes.Unauthorized, "Unauthorized", detail);

    public static IResult TooLarge(long max) =>
        Of(413, ProblemCodes.TooLarge, "Request body too large", $"The body is larger than {max} bytes; split the upload into smaller parts.");
}
