using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Parley.Api;

/// <summary>
/// Documents the ingest endpoint's raw body and its bearer token. The body is read as bytes
/// whatever its Content-Type (curl sends form encoding by default), so no content-type
/// constraint is put on the route itself.
/// </summary>
internal sealed class IngestBodyTransformer : IOpenApiOperationTransformer
{
    /// <summary>Endpoint metadata saying "this endpoint takes a capture as its body".</summary>
    public static readonly object Marker = new IngestBodyMarker();

    private static readonly string[] MediaTypes = ["text/plain", "text/html", "application/x-ndjson", "application/warc", "application/gzip"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IngestBodyMarker>().Any()) return Task.CompletedTask;
        var body = new OpenApiRequestBody
        {
            Required = true,
            Description = "One or more captures: a whole-page text dump, an HTML page, JSONL lines ({url, html|text, fetched_at}), a WARC file, or any of them gzipped. The kind is sniffed from the bytes.",
            Content = new Dictionary<string, OpenApiMediaType>(),
        };
        foreach (var type in MediaTypes)
            body.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
        operation.RequestBody = body;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Authorization",
            In = ParameterLocation.Header,
            Required = true,
            Description = "Bearer TOKEN, the token that 'parley serve' printed or was given (--token, PARLEY_TOKEN).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }

    private sealed class IngestBodyMarker;
}
