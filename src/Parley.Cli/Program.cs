using System.CommandLine;
using Parley.Cli;

// Commands that run long enough to gain from it compile on a spare core what their last run compiled
// (StartupProfile), and keep SQLite's native memory in two heaps (NativeHeap).
if (args is ["ingest" or "serve" or "demo" or "worker", ..])
{
    Parley.Api.NativeHeap.LimitArenas();
    Parley.Api.StartupProfile.Start(Path.Combine(AppContext.BaseDirectory, "startup"), args[0]);
}

var root = new RootCommand("Parley: political events from news captures, coded in CAMEO and PLOVER, with their evidence.");
foreach (var command in Commands.All()) root.Add(command);
return await root.Parse(args).InvokeAsync();
