using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>
    /// What a GPU entry says beyond its peaks (usable memory, measured rates, values with their own source) and system
    /// entries: the typed members they become and their diagnostics, located.
    /// </summary>
    public class MeasuredAndSystemTests
    {
        private static GeneratorResult Run(string text, string source = "", IReadOnlyDictionary<string, string>? properties = null)
            => GeneratorHarness.Run(new[] { new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper), new CatalogFile("/p/catalogs/x.yaml", text) }, source, properties);

        [Fact]
        public void Measured_rates_are_achieved_not_peak_and_exist_only_where_measured()
        {
            GeneratorResult result = Run(Catalogs.Measured, """
                using HardwareCatalog;
                using HardwareCatalog.Units;
                class Use
                {
                    Achieved<FlopRate> bf16 = Gpus.TestMeasured.Measured.Bf16;
                    Achieved<Bandwidth> bandwidth = Gpus.TestMeasured.Measured.MemoryBandwidth;
                    DataSize usable = Gpus.TestMeasured.UsableMemory;
                    FlopRate peak = Gpus.TestMeasured.Dense.Bf16;
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);

            // A peak is not an achieved rate, and FP8 was not measured: neither compiles.
            GeneratorResult wrong = Run(Catalogs.Measured, """
                class Use
                {
                    HardwareCatalog.Achieved<HardwareCatalog.Units.FlopRate> fp8 = HardwareCatalog.Gpus.TestMeasured.Measured.Fp8;
                    HardwareCatalog.Achieved<HardwareCatalog.Units.FlopRate> peak = HardwareCatalog.Gpus.TestMeasured.Dense.Bf16;
                }
                """);
            Assert.Equal(new[] { "CS0029", "CS1061" }, wrong.CompilationDiagnostics.Select(d => d.Id).OrderBy(id => id));
        }

        [Fact]
        public void The_member_docs_carry_each_values_own_source_and_the_measurement()
        {
            string code = Run(Catalogs.Measured).Source("Gpus.TestMeasured.g.cs");

            Assert.Contains("/// <summary>Memory a process can allocate, as the driver reports it: 81559 MiB. Source: https://example.com/smi-output.</summary>", code);
            Assert.Contains("/// <summary>Maximum board power: 700 W. <b>Secondary source</b>", code);
            Assert.Contains("Secondary sources</b> (press, reseller or third-party database, no primary source published) for: tdp.", code);
            // 794.5 / 989.4 = 0.80301...: the share of the dense peak the member's doc gives.
            Assert.Contains("Measured BF16 matmul rate: 794.5 TFLOP/s (80.3% of the dense peak, 989.4 TFLOP/s).", code);
            Assert.Contains("Stack: torch 2.4, CUDA 12.4. Source: https://example.com/mamf.", code);
        }

        [Fact]
        public void Secondary_values_are_left_out_when_the_build_says_so()
        {
            var exclude = new Dictionary<string, string> { ["HardwareCatalogSecondaryValues"] = "exclude" };
            GeneratorResult excluded = Run(Catalogs.Measured, "class Use { HardwareCatalog.Units.Power p = HardwareCatalog.Gpus.TestMeasured.Tdp; }", exclude);
            GeneratorResult included = Run(Catalogs.Measured, "class Use { HardwareCatalog.Units.Power p = HardwareCatalog.Gpus.TestMeasured.Tdp; }");

            Assert.Empty(included.CompilationDiagnostics);
            Assert.Empty(excluded.GeneratorDiagnostics);
            // Without the secondary TDP the base member is nullable: Power? does not convert to Power.
            Assert.Contains("CS0266", excluded.CompilationDiagnostics.Select(d => d.Id));
            Assert.DoesNotContain("700 W", excluded.Source("Gpus.TestMeasured.g.cs"));
            Assert.Contains("81559 MiB", excluded.Source("Gpus.TestMeasured.g.cs"));
        }

        [Fact]
        public void An_unknown_secondary_setting_is_reported_and_values_stay_in()
        {
            GeneratorResult result = Run(Catalogs.Measured, "", new Dictionary<string, string> { ["HardwareCatalogSecondaryValues"] = "skip" });

            Assert.Equal(new[] { "HWC112" }, result.GeneratorDiagnostics.Select(d => d.Id));
            Assert.Contains("700 W", result.Source("Gpus.TestMeasured.g.cs"));
        }

        [Theory]
        // Line 19 is 'bf16: 794.5 TFLOP/s' under measured.matmul; its value starts at column 11.
        [InlineData("    bf16: 794.5 TFLOP/s", "    bf16: 1000 TFLOP/s", "/p/catalogs/x.yaml(19,11): HWC124", "is above the dense BF16 peak of 989.4 TFLOP/s")]
        [InlineData("    bf16: 794.5 TFLOP/s", "    bf16: 794.5 TFLOP/s\n    fp16: 700 TFLOP/s", "/p/catalogs/x.yaml(20,11): HWC124", "has no dense FP16 peak")]
        [InlineData("  memoryBandwidth: 2.9 TB/s", "  memoryBandwidth: 3.5 TB/s", "/p/catalogs/x.yaml(20,20): HWC124", "above the peak memory bandwidth of 3.35 TB/s")]
        [InlineData("  value: 81559 MiB", "  value: 81 GiB", "/p/catalogs/x.yaml(8,10): HWC126", "(81 GiB, 86,973,087,744 bytes) is more than its memory (80 GiB, 85,899,345,920 bytes)")]
        // nvidia-smi's 81559 MiB (85,520,809,984 bytes) is more than 80 GB (80,000,000,000 bytes): NVIDIA's "80GB" of HBM is 80 GiB.
        [InlineData("memory: 80 GiB", "memory: 80 GB", "/p/catalogs/x.yaml(8,10): HWC126", "(81559 MiB, 85,520,809,984 bytes) is more than its memory (80 GB, 80,000,000,000 bytes)")]
        public void A_measured_or_usable_figure_above_its_peak_is_an_error_at_the_value(string from, string to, string located, string message)
        {
            GeneratorResult result = Run(Catalogs.Measured.Replace(from, to));

            Assert.Equal(new[] { located }, result.Located);
            Assert.Contains(message, result.GeneratorDiagnostics.Single().GetMessage());
            Assert.DoesNotContain("Gpus.TestMeasured.g.cs", result.HintNames);
        }

        [Fact]
        public void A_measured_figure_needs_a_source_its_own_or_the_measurements()
        {
            string withoutSource = Catalogs.Measured.Replace("  source: https://example.com/mamf\n", "");
            GeneratorResult result = Run(withoutSource);

            Assert.Equal(new[] { "/p/catalogs/x.yaml(18,11): HWC125", "/p/catalogs/x.yaml(19,20): HWC125" }, result.Located.OrderBy(l => l));

            GeneratorResult ownSources = Run(withoutSource
                .Replace("bf16: 794.5 TFLOP/s", "bf16: { value: 794.5 TFLOP/s, source: https://example.com/a }")
                .Replace("memoryBandwidth: 2.9 TB/s", "memoryBandwidth: { value: 2.9 TB/s, source: https://example.com/b }"));
            Assert.Empty(ownSources.GeneratorDiagnostics);
        }

        [Theory]
        [InlineData("tdp: { value: 700 W, source: \"https://example.com/press\", secondary: true }", "tdp: { value: 700 W, secondary: true }", "/p/catalogs/x.yaml(11,1): HWC102", "has no 'source'")]
        [InlineData("tdp: { value: 700 W, source: \"https://example.com/press\", secondary: true }", "tdp: { valu: 700 W, source: \"https://example.com/press\" }", "/p/catalogs/x.yaml(11,8): HWC104", "did you mean 'value'?")]
        [InlineData("tdp: { value: 700 W, source: \"https://example.com/press\", secondary: true }", "tdp: { value: 700 TB, source: \"https://example.com/press\" }", "/p/catalogs/x.yaml(11,15): HWC103", "'tdp'")]
        [InlineData("tdp: { value: 700 W, source: \"https://example.com/press\", secondary: true }", "tdp: { value: 700 W, secondary: maybe, source: x }", "/p/catalogs/x.yaml(11,33): HWC105", "'tdp.secondary' must be true or false")]
        public void The_long_form_of_a_value_is_checked_like_the_short_form(string from, string to, string located, string message)
        {
            GeneratorResult result = Run(Catalogs.Measured.Replace(from, to));

            Assert.Equal(new[] { located }, result.Located);
            Assert.Contains(message, result.GeneratorDiagnostics.Single().GetMessage());
        }

        [Fact]
        public void A_system_is_typed_with_its_gpus_typed_entry()
        {
            GeneratorResult result = Run(Catalogs.System, """
                using HardwareCatalog;
                class Use
                {
                    HardwareCatalog.Units.FlopRate fp8 = Systems.TestNode.Gpu.Dense.Fp8;
                    AcceleratorSystem? found = Systems.Find("test-node");
                    int domain = Systems.TestNode.ScaleUpDomain;
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            string code = result.Source("Systems.TestNode.g.cs");
            // 400 Gb/s is bits: 400e9 / 8 = 5e10 bytes per second; 900 GB/s is bytes: 9e11.
            Assert.Contains("new _HC.Fabric(\"infiniband\", _U.Bandwidth.FromBytesPerSecond(50000000000d), _HC.FabricDirection.Each) /* 400 Gb/s */", code);
            Assert.Contains("new _HC.Fabric(\"nvlink\", _U.Bandwidth.FromBytesPerSecond(900000000000d), _HC.FabricDirection.Both, 8) /* 900 GB/s */", code);
        }

        [Theory]
        [InlineData("gpu: test-h100", "gpu: test-h10", "/p/catalogs/x.yaml(5,6): HWC109", "did you mean 'test-h100'?")]
        [InlineData("  direction: both", "  direction: bidirectional", "/p/catalogs/x.yaml(11,14): HWC105", "\"both\" (the figure adds both directions")]
        [InlineData("  link: infiniband", "  link: infiniband2", "/p/catalogs/x.yaml(13,9): HWC105", "did you mean 'infiniband'?")]
        [InlineData("  domain: 8", "  domain: 6", "/p/catalogs/x.yaml(9,11): HWC127", "a scale-up domain of 6 GPUs neither spans whole nodes of 8 nor divides one evenly")]
        [InlineData("  domain: 8\n", "", "/p/catalogs/x.yaml(7,1): HWC102", "'scaleUp.domain'")]
        [InlineData("  direction: each\n", "", "/p/catalogs/x.yaml(12,1): HWC102", "'scaleOut.direction'")]
        [InlineData("gpusPerNode: 8", "gpusPerNode: 0", "/p/catalogs/x.yaml(6,14): HWC127", "'gpusPerNode' must be at least 1")]
        public void A_wrong_system_is_an_error_at_the_key(string from, string to, string located, string message)
        {
            GeneratorResult result = Run(Catalogs.System.Replace(from, to));

            Assert.Equal(new[] { located }, result.Located);
            Assert.Contains(message, result.GeneratorDiagnostics.Single().GetMessage());
            Assert.DoesNotContain("Systems.TestNode.g.cs", result.HintNames);
        }

        [Fact]
        public void A_system_whose_gpu_did_not_build_is_left_out_without_a_second_error()
        {
            var files = new[]
            {
                new CatalogFile("/p/catalogs/h100.yaml", Catalogs.Hopper.Replace("  int8: 1978.9 TOPS", "  fp4: 100 TFLOP/s")),
                new CatalogFile("/p/catalogs/x.yaml", Catalogs.System),
            };
            GeneratorResult result = GeneratorHarness.Run(files);

            // FP4 is impossible on Hopper: the GPU does not build, and the system that needs it is left out quietly.
            Assert.Equal(new[] { "HWC114" }, result.GeneratorDiagnostics.Select(d => d.Id));
            Assert.DoesNotContain("Systems.TestNode.g.cs", result.HintNames);
        }
    }
}
