using System.CommandLine;
using Parley.Cli;

var root = new RootCommand("Parley: political events from news captures, coded in CAMEO and PLOVER, with their evidence.");
foreach (var command in Commands.All()) root.Add(command);
return await root.Parse(args).InvokeAsync();
