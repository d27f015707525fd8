using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/HardwareCatalog.Benchmarks.Generator -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
