using HardwareCatalog.Cli;
using HardwareCatalog.Cli.Output;

return HwcatApp.Run(args, CliOutput.ForProcess());
