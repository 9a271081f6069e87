using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Parley.Storage;

namespace Parley.Api;

/// <summary>
/// Lists the event filters (<see cref="EventFilters.Keys"/>) as query parameters of every
/// endpoint marked with <see cref="Marker"/>: those endpoints read them through the one filter
/// parser, so the document is written from the same table the parser reads.
/// </summary>
internal sealed class FilterParameterTransformer : IOpenApiOperationTransformer
{
    /// <summary>Endpoint metadata saying "this endpoint takes the event filters".</summary>
    public static readonly object Marker = new EventFilterMarker();

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<EventFilterMarker>().Any()) return Task.CompletedTask;
        operation.Parameters ??= [];
        foreach (var key in EventFilters.Keys)
        {
            if (operation.Parameters.Any(p => p.Name == key.Name)) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = key.Name,
                In = ParameterLocation.Query,
                Required = false,
                Description = key.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = System.Text.Json.Nodes.JsonValue.Create(key.Example),
            });
        }
        return Task.CompletedTask;
    }

    private sealed class EventFilterMarker;
}
