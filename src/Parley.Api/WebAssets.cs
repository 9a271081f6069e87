using System.Collections.Frozen;

namespace Parley.Api;

/// <summary>
/// Where the front end's files are: our own pages under <c>web/public/</c>, and the few library
/// files that npm put under <c>web/node_modules/</c>, served under <c>/lib/</c> by an allow-list
/// (nothing else of <c>node_modules</c> is reachable).
/// </summary>
public static class WebAssets
{
    /// <summary>The files served under <c>/lib/NAME</c>, relative to <c>node_modules/</c>.</summary>
    public static FrozenDictionary<string, string> Libraries { get; } = new Dictionary<string, string>
    {
        ["echarts.min.js"] = "echarts/dist/echarts.min.js",
        ["cytoscape.min.js"] = "cytoscape/dist/cytoscape.min.js",
        ["vis-timeline-graph2d.min.js"] = "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
        ["vis-timeline-graph2d.min.css"] = "vis-timeline/styles/vis-timeline-graph2d.min.css",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Finds the front-end folder: the first <c>web/</c> holding <c>public/index.html</c> in
    /// <paramref name="start"/> or a folder above it, then above the running program.
    /// </summary>
    /// <returns>The folder, or null when there is none.</returns>
    public static string? Find(string? start = null)
    {
        foreach (var origin in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var web = Path.Combine(dir.FullName, "web");
                if (File.Exists(Path.Combine(web, "public", "index.html"))) return web;
            }
        return null;
    }

    /// <summary>True when every library file is present under <paramref name="webRoot"/>'s <c>node_modules/</c>.</summary>
    public static bool LibrariesInstalled(string webRoot) =>
        Libraries.Values.All(p => File.Exists(Path.Combine(webRoot, "node_modules", p)));
}
