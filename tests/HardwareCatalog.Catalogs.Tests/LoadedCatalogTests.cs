using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HardwareCatalog.Planning;
using HardwareCatalog.Testing;
using Xunit;

namespace HardwareCatalog.Catalogs.Tests
{
    /// <summary>
    /// User catalog files loaded at run time: what a C# build makes of them (the typed members this project's build
    /// generates from the sample's plan files) is what the library loads, and a file the build rejects does not load.
    /// </summary>
    public class LoadedCatalogTests
    {
        /// <summary>The sample's plan files: this project's build compiles them too (HardwareCatalogUserDirectory).</summary>
        private static readonly string s_samplePlans = Path.Combine(RepositoryRoot(), "samples", "TrainingCost", "catalogs");

        /// <summary>Llama 3.1 70B on 64 GPUs of <see cref="UserCatalogTexts.DerivedGpuNode"/>.</summary>
        private const string AcmePlan = """
            kind: training
            id: acme-70b
            name: Llama 3.1 70B on 64 Acme GPUs
            model: llama-3.1-70b
            system: acme-node
            gpus: 64
            tensor: 8
            pipeline: 4
            data: 2
            microBatch: 1
            globalBatch: 64
            sequenceLength: 4096
            recipe: bf16-mixed
            zero: 1
            recomputation: selective
            sources: [https://arxiv.org/abs/2407.21783]
            """;

        [Fact]
        public void Training_plans_loaded_at_run_time_equal_the_generated_ones()
        {
            LoadedCatalog catalog = LoadedCatalog.Load(s_samplePlans);

            Assert.Equal(new[] { "deepseek-v3-h800", "llama-3.1-405b-8k" }, catalog.TrainingPlans.Select(p => p.Id).OrderBy(id => id, StringComparer.Ordinal));
            foreach (TrainingPlan generated in new[] { TrainingPlans.DeepseekV3H800, TrainingPlans.Llama3_1_405b8k })
            {
                TrainingPlan loaded = catalog.FindTrainingPlan(generated.Id!)!;
                Assert.Equal(generated.Model.Id, loaded.Model.Id);
                Assert.Equal(generated.System.Id, loaded.System.Id);
                Assert.Equal(generated.Gpus, loaded.Gpus);
                Assert.Equal(generated.Settings.Layout.ToString(), loaded.Settings.Layout.ToString());
                Equality.Same(typeof(TrainingMemory), generated.Memory, loaded.Memory, generated.Id + ".Memory");
                Equality.Same(typeof(StepTimeBreakdown), generated.Step, loaded.Step, generated.Id + ".Step");
                Assert.Equal(generated.Validate().Select(c => c.ToString()), loaded.Validate().Select(c => c.ToString()));
            }
        }

        [Fact]
        public void Serving_plans_loaded_at_run_time_equal_the_generated_ones()
        {
            ServingPlan generated = ServingPlans.DeepseekV3H200;
            ServingPlan loaded = LoadedCatalog.Load(s_samplePlans).FindServingPlan(generated.Id!)!;

            Assert.Equal(generated.Weights, loaded.Weights);
            Assert.Equal(generated.KvCache, loaded.KvCache);
            Equality.Same(typeof(ServingMemory), generated.Memory, loaded.Memory, "Memory");
            Equality.Same(typeof(ServingDecode), generated.Decode, loaded.Decode, "Decode");
            Assert.Equal(generated.TimeToFirstToken, loaded.TimeToFirstToken);
            Assert.Equal(generated.MaxContext, loaded.MaxContext);
        }

        [Fact]
        public void The_comparison_tells_plans_apart()
        {
            // The memory check above can fail: the two sample plans differ in it.
            Assert.ThrowsAny<Exception>(() => Equality.Same(typeof(TrainingMemory), TrainingPlans.DeepseekV3H800.Memory, TrainingPlans.Llama3_1_405b8k.Memory, "memory"));
        }

        [Fact]
        public void Warnings_are_kept_and_the_catalog_loads()
        {
            // DeepSeek-V3's 61 layers over 16 pipeline stages are uneven (HWC204, a warning), as the sample's build reports.
            LoadedCatalog catalog = LoadedCatalog.Load(s_samplePlans);

            Assert.All(catalog.Diagnostics, d => Assert.Equal(CatalogSeverity.Warning, d.Severity));
            CatalogDiagnostic uneven = Assert.Single(catalog.Diagnostics, d => d.Id == "HWC204" && d.Path!.EndsWith("deepseek-v3-plan.yaml", StringComparison.Ordinal));
            Assert.Equal(CatalogSeverity.Warning, uneven.Severity);
            Assert.Equal(Path.Combine(s_samplePlans, "deepseek-v3-plan.yaml"), uneven.Path);
            Assert.Equal(Line(Path.Combine(s_samplePlans, "deepseek-v3-plan.yaml"), "pipeline:"), uneven.Line);
            Assert.StartsWith($"{uneven.Path}({uneven.Line},{uneven.Column}): warning HWC204: ", uneven.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void User_entries_extend_the_built_in_catalog_and_plans_use_them()
        {
            LoadedCatalog catalog = LoadedCatalog.Load(new[]
            {
                new CatalogSource("/user/acme-gpu.yaml", UserCatalogTexts.DerivedGpu, IsBuiltIn: false),
                new CatalogSource("/user/acme-node.yaml", UserCatalogTexts.DerivedGpuNode, IsBuiltIn: false),
                new CatalogSource("/user/acme-plan.yaml", AcmePlan, IsBuiltIn: false),
            });

            // Every built-in entry stays, and the user's come after them.
            Assert.Equal(BuiltInCatalog.Gpus.Select(g => g.Id).Append("acme-h100-96"), catalog.Gpus.Select(g => g.Id));
            Assert.Equal(BuiltInCatalog.Systems.Select(s => s.Id).Append("acme-node"), catalog.Systems.Select(s => s.Id));
            Assert.Equal(BuiltInCatalog.Models.Select(m => m.Id), catalog.Models.Select(m => m.Id));

            // extends: the H100 SXM's values, with the memory the file gives (96 GB = 96e9 bytes).
            Accelerator acme = catalog.FindGpu("acme-h100-96")!;
            Assert.Equal(96e9, acme.Memory!.Value.Bytes);
            Assert.Equal(Gpus.H100Sxm.Peak(Precision.Bf16), acme.Peak(Precision.Bf16));
            Assert.Same(acme, catalog.FindSystem("acme-node")!.Gpu);

            // The plan runs on the user's system and is the plan a C# program would build from the same objects.
            TrainingPlan plan = catalog.FindTrainingPlan("acme-70b")!;
            Assert.Same(catalog.FindSystem("acme-node"), plan.System);
            var settings = new TrainingSettings(new ParallelLayout(tensor: 8, pipeline: 4, data: 2), microBatch: 1, sequenceLength: 4096, globalBatch: 64,
                recipe: PrecisionRecipe.Bf16Mixed, zero: ZeroStage.OptimizerStates, recomputation: ActivationRecomputation.Selective);
            var expected = new TrainingPlan(Models.Find("llama-3.1-70b")!, catalog.FindSystem("acme-node")!, 64, settings);
            Equality.Same(typeof(TrainingMemory), expected.Memory, plan.Memory, "memory");
            Assert.Equal(acme.UsableMemory ?? acme.Memory, plan.Fit.Available);
            Assert.Null(catalog.FindGpu("Acme-H100-96"));
        }

        [Fact]
        public void A_file_with_an_error_does_not_load_and_the_exception_locates_it()
        {
            string bad = UserCatalogTexts.DerivedGpu.Replace("memory: 96 GB", "memory: 96 parsecs");
            var exception = Assert.Throws<CatalogException>(() => LoadedCatalog.Load(new[] { new CatalogSource("/user/acme-gpu.yaml", bad, IsBuiltIn: false) }));

            CatalogDiagnostic error = Assert.Single(exception.Diagnostics, d => d.Severity == CatalogSeverity.Error);
            Assert.Equal("/user/acme-gpu.yaml", error.Path);
            Assert.Equal(5, error.Line);
            Assert.Equal(9, error.Column);
            Assert.Contains("parsecs", error.Message, StringComparison.Ordinal);
            Assert.Equal($"the catalog has 1 error:{Environment.NewLine}{error}", exception.Message);
        }

        [Fact]
        public void Check_reports_what_the_build_reports_without_loading()
        {
            using var folder = new TempFolder();
            folder.Write("acme-gpu.yaml", UserCatalogTexts.DerivedGpu);
            folder.Write("plan.yaml", AcmePlan);

            // The plan names a system no file defines: an error at its key, reported and not thrown.
            CatalogDiagnostic error = Assert.Single(LoadedCatalog.Check(folder.Path));
            Assert.Equal(CatalogSeverity.Error, error.Severity);
            Assert.Equal(Path.Combine(folder.Path, "plan.yaml"), error.Path);
            Assert.Equal(Line(Path.Combine(folder.Path, "plan.yaml"), "system:"), error.Line);
            Assert.Contains("'acme-node'", error.Message, StringComparison.Ordinal);

            folder.Write("node.yaml", UserCatalogTexts.DerivedGpuNode);
            // With the system, no error is left: only the warning that the extended GPU has no measured rate (HWC211).
            IReadOnlyList<CatalogDiagnostic> left = LoadedCatalog.Check(folder.Path);
            Assert.True(left.Count == 1 && left[0].Id == "HWC211" && left[0].Severity == CatalogSeverity.Warning, string.Join(Environment.NewLine, left));
            Assert.Equal("acme-70b", Assert.Single(LoadedCatalog.Load(folder.Path).TrainingPlans).Id);
        }

        [Fact]
        public void A_missing_path_is_named()
        {
            string missing = Path.Combine(Path.GetTempPath(), "no-such-catalog-" + Guid.NewGuid().ToString("N"));
            var exception = Assert.Throws<FileNotFoundException>(() => LoadedCatalog.Load(missing));
            Assert.Equal($"no such file or directory: '{missing}'", exception.Message);
        }

        [Fact]
        public void The_built_in_catalog_is_the_runtime_libraries()
        {
            Assert.Same(BuiltInCatalog.Gpus, LoadedCatalog.BuiltIn.Gpus);
            Assert.Equal(Gpus.All.Select(g => g.Id), LoadedCatalog.BuiltIn.Gpus.Select(g => g.Id));
            Assert.Empty(LoadedCatalog.BuiltIn.TrainingPlans);
            Assert.Same(BuiltInCatalog.FindModel("deepseek-v3"), LoadedCatalog.Load().FindModel("deepseek-v3"));
        }

        [Fact]
        public void The_library_carries_the_built_in_files_the_package_hands_the_generator()
        {
            string root = RepositoryRoot();
            string[] expected = new[] { "gpus", "models", "systems" }
                .SelectMany(folder => Directory.GetFiles(Path.Combine(root, "catalogs", folder), "*.yaml"))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(expected, CatalogFiles.BuiltIn.Select(s => s.Path));
            Assert.All(CatalogFiles.BuiltIn, s => Assert.Equal(File.ReadAllText(Path.Combine(root, s.Path)), s.Text));
            Assert.All(CatalogFiles.BuiltIn, s => Assert.True(s.IsBuiltIn));
        }

        /// <summary>The 1-based line of the first line of <paramref name="file"/> that starts with <paramref name="key"/>.</summary>
        private static int Line(string file, string key)
            => File.ReadAllLines(file).Select((text, index) => (text, index)).First(l => l.text.StartsWith(key, StringComparison.Ordinal)).index + 1;

        private static string RepositoryRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "Catalog.sln"))) directory = Path.GetDirectoryName(directory);
            return directory ?? throw new InvalidOperationException("Catalog.sln not found above " + AppContext.BaseDirectory);
        }

        private sealed class TempFolder : IDisposable
        {
            public TempFolder()
            {
                Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hwc-catalogs-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Path);
            }

            public string Path { get; }

            public void Write(string name, string text) => File.WriteAllText(System.IO.Path.Combine(Path, name), text);

            public void Dispose() => Directory.Delete(Path, recursive: true);
        }
    }
}
