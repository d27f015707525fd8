using System;
using System.Linq;
using TrainingCost;

// Recomputes the training-cost, memory and precision figures listed in docs/seed-figures.md from the catalog and the estimators.
string format = "text";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--format" or "-f" when i + 1 < args.Length:
            format = args[++i].ToLowerInvariant();
            break;
        case "--help" or "-h":
            Console.WriteLine("Usage: TrainingCost [--format text|markdown|csv|json]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: TrainingCost [--format text|markdown|csv|json]");
            return 2;
    }
}

if (!Renderers.Formats.Contains(format))
{
    Console.Error.WriteLine($"Unknown format '{format}'; use one of: {string.Join(", ", Renderers.Formats)}.");
    return 2;
}

Console.Write(Renderers.Render(TrainingCostReport.Build(new Figures()), format));
return 0;
