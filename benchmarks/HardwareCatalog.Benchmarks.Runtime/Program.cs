using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/HardwareCatalog.Benchmarks.Runtime -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
