using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HardwareCatalog.Analyzers.Tests
{
    /// <summary>
    /// Hand-written accelerator types shaped like the generator's output (a sealed Accelerator subclass with
    /// [SupportedPrecisions], DensePeaks/SparsePeaks structs, a Gpus index), compiled into an assembly of their own: the
    /// code under test sees them only as metadata, as it sees a referenced library's or the package's types.
    /// </summary>
    internal static class FixtureCatalog
    {
        public const string Source = """
            using HardwareCatalog.Units;

            namespace HardwareCatalog.Accelerators
            {
                [SupportedPrecisions(Precision.Fp64, Precision.Fp64Tensor, Precision.Fp32, Precision.Tf32, Precision.Bf16, Precision.Fp16, Precision.Int8, Precision.Int4,
                    Sparse = new[] { Precision.Tf32, Precision.Bf16, Precision.Fp16, Precision.Int8, Precision.Int4 })]
                public sealed class A100Sxm80GB : Accelerator
                {
                    public static readonly A100Sxm80GB Instance = new A100Sxm80GB();

                    private A100Sxm80GB()
                        : base("a100-sxm-80gb", "A100", "NVIDIA", "Ampere",
                            new PeakTable(bf16: FlopRate.FromTera(312), fp16: FlopRate.FromTera(312)),
                            new PeakTable(bf16: FlopRate.FromTera(624), fp16: FlopRate.FromTera(624)))
                    {
                    }

                    public DensePeaks Dense => default;
                    public SparsePeaks Sparse => default;

                    public readonly struct DensePeaks
                    {
                        public FlopRate Bf16 => FlopRate.FromTera(312);
                        public FlopRate Fp16 => FlopRate.FromTera(312);
                    }

                    public readonly struct SparsePeaks
                    {
                        public FlopRate Bf16 => FlopRate.FromTera(624);
                        public FlopRate Fp16 => FlopRate.FromTera(624);
                    }
                }

                [SupportedPrecisions(Precision.Fp64, Precision.Fp64Tensor, Precision.Fp32, Precision.Tf32, Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8,
                    Sparse = new[] { Precision.Tf32, Precision.Bf16, Precision.Fp16, Precision.Fp8, Precision.Int8 })]
                public sealed class H100Sxm : Accelerator
                {
                    public static readonly H100Sxm Instance = new H100Sxm();

                    private H100Sxm()
                        : base("h100-sxm", "H100", "NVIDIA", "Hopper",
                            new PeakTable(fp16: FlopRate.FromTera(989.4), fp8: FlopRate.FromTera(1978.9)),
                            new PeakTable(fp16: FlopRate.FromTera(1978.8), fp8: FlopRate.FromTera(3957.8)))
                    {
                    }

                    public DensePeaks Dense => default;
                    public SparsePeaks Sparse => default;

                    public readonly struct DensePeaks
                    {
                        public FlopRate Fp16 => FlopRate.FromTera(989.4);
                        public FlopRate Fp8 => FlopRate.FromTera(1978.9);
                    }

                    public readonly struct SparsePeaks
                    {
                        public FlopRate Fp16 => FlopRate.FromTera(1978.8);
                        public FlopRate Fp8 => FlopRate.FromTera(3957.8);
                        /// <summary>A sparse figure without a dense counterpart: no code fix may turn it into Dense.Fp4.</summary>
                        public FlopRate Fp4 => FlopRate.FromTera(7915.6);
                    }
                }

                /// <summary>An accelerator type that does not say what it supports: the analyzers must stay silent about it.</summary>
                public sealed class Unannotated : Accelerator
                {
                    public static readonly Unannotated Instance = new Unannotated();

                    private Unannotated()
                        : base("unannotated", "Unannotated", "Acme", "None", new PeakTable())
                    {
                    }
                }
            }

            namespace HardwareCatalog
            {
                public static class Gpus
                {
                    public static Accelerators.A100Sxm80GB A100Sxm80GB => Accelerators.A100Sxm80GB.Instance;
                    public static Accelerators.H100Sxm H100Sxm => Accelerators.H100Sxm.Instance;
                    public static Accelerators.Unannotated Unannotated => Accelerators.Unannotated.Instance;
                    public static Accelerator? Find(string id) => id == "h100-sxm" ? H100Sxm : null;
                }
            }
            """;

        /// <summary>The framework (from the test host, so nothing is downloaded) and the HardwareCatalog runtime library.</summary>
        public static ImmutableArray<MetadataReference> Framework { get; } = FrameworkReferences();

        /// <summary>The fixture catalog, as a compiled assembly.</summary>
        public static MetadataReference Assembly { get; } = Compile();

        private static ImmutableArray<MetadataReference> FrameworkReferences()
        {
            string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            return trusted.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(Accelerator).Assembly.Location))
                .ToImmutableArray();
        }

        private static MetadataReference Compile()
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "FixtureCatalog",
                new[] { CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
                Framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                throw new InvalidOperationException("The fixture catalog does not compile:\n" + string.Join("\n", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
