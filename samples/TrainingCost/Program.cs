using System;
using System.Linq;
using HardwareCatalog;
using HardwareCatalog.Units;

// For now: the built-in accelerator catalog as a table, straight from the generated types.
Console.WriteLine($"{"SKU",-15} {"Architecture",-15} {"Memory",7} {"Bandwidth",10}  Dense peaks (TFLOP/s; TOPS for integer precisions)");
foreach (Accelerator gpu in Gpus.All)
{
    string peaks = string.Join(", ", gpu.SupportedPrecisions.Select(p => $"{p.DisplayName()} {gpu.Peak(p).TeraFlopsPerSecond:0.###}"));
    Console.WriteLine($"{gpu.Id,-15} {gpu.Architecture,-15} {Show(gpu.Memory),7} {Show(gpu.MemoryBandwidth),10}  {(peaks.Length == 0 ? "not published" : peaks)}");
}

static string Show<T>(T? value) where T : struct => value?.ToString() ?? "-";
