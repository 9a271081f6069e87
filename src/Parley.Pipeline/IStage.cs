namespace Parley.Pipeline;

/// <summary>
/// One step of the annotation and coding pipeline: a pure function from a document to a
/// document with one more layer. A stage keeps no state between documents.
/// </summary>
public interface IStage
{
    /// <summary>Name used in diagnostics and timings.</summary>
    string Name { get; }
    /// <summary>Layers an earlier stage must provide.</summary>
    Layer Requires { get; }
    /// <summary>The layer this stage adds.</summary>
    Layer Provides { get; }
    /// <summary>Returns <paramref name="doc"/> with this stage's layer added; never edits the input.</summary>
    Document Run(Document doc, Diagnostics diagnostics, CancellationToken ct);
}
