using System.IO;
using System.Linq;
using System.Text.Json;
using HardwareCatalog.Testing;
using Xunit;

namespace HardwareCatalog.Cli.Tests
{
    public class CatalogOptionTests
    {
        [Fact]
        public void Show_finds_a_user_gpu_that_extends_a_built_in_one_with_its_own_and_the_inherited_values()
        {
            using var folder = new TempCatalog();
            folder.Write("acme.yaml", UserCatalogTexts.DerivedGpu);

            Hwcat.Result result = Hwcat.Run("show", "acme-h100-96", "--catalog", folder.Root, "--format", "json");

            Assert.Equal(0, result.ExitCode);
            // Its own memory, 96 GB (decimal: 96 x 10^9 bytes); the rest from h100-sxm, which it extends.
            Assert.Equal(96 * 1e9, Hwcat.Quantity(result.Value("memory").GetProperty("value"), "B"));
            Accelerator parent = Gpus.H100Sxm;
            Assert.Equal(parent.MemoryBandwidth!.Value.BytesPerSecond, Hwcat.Quantity(result.Value("memoryBandwidth").GetProperty("value"), "B/s"));
            Assert.Equal(parent.Peak(Precision.Bf16).FlopsPerSecond, Hwcat.Quantity(result.Value("dense.bf16").GetProperty("value"), "FLOP/s"));
            Assert.Equal(parent.Vendor, result.Value("vendor").GetProperty("value").GetString());
            Assert.Equal("Acme H100 96GB", result.Json().GetProperty("entry").GetProperty("name").GetString());
        }

        [Fact]
        public void Lists_compare_and_serve_see_the_user_entries_and_a_run_without_the_option_does_not()
        {
            using var folder = new TempCatalog();
            string gpuFile = folder.Write("gpus/acme.yaml", UserCatalogTexts.DerivedGpu);
            folder.Write("systems/acme-node.yml", UserCatalogTexts.DerivedGpuNode);

            Hwcat.Result gpus = Hwcat.Run("gpus", "--catalog", gpuFile, "--format", "json");
            Hwcat.Result systems = Hwcat.Run("systems", "--catalog", folder.Root, "--gpu", "acme-h100-96", "--format", "json");
            Hwcat.Result compare = Hwcat.Run("compare", "h100-sxm", "acme-h100-96", "--catalog", folder.Root, "--format", "json");
            Hwcat.Result serve = Hwcat.Run("serve", "--model", "llama-3.1-70b", "--system", "acme-node", "--tensor", "4", "--catalog", folder.Root, "--format", "json");
            Hwcat.Result reference = Hwcat.Run("serve", "--model", "llama-3.1-70b", "--system", "dgx-h100", "--tensor", "4", "--format", "json");
            Hwcat.Result without = Hwcat.Run("show", "acme-h100-96");

            Assert.Equal(0, gpus.ExitCode);
            Assert.Equal(Gpus.All.Count + 1, gpus.Json().GetProperty("gpus").GetArrayLength());
            Assert.Contains(gpus.Json().GetProperty("gpus").EnumerateArray(), g => g.GetProperty("id").GetString() == "acme-h100-96");
            Assert.Equal(0, systems.ExitCode);
            Assert.Equal(new[] { "acme-node" }, systems.Json().GetProperty("systems").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
            Assert.Equal(0, compare.ExitCode);
            JsonElement memory = compare.Value("memory");
            Assert.Equal(Gpus.H100Sxm.Memory.Bytes, Hwcat.Quantity(memory.GetProperty("h100-sxm"), "B"));
            Assert.Equal(96 * 1e9, Hwcat.Quantity(memory.GetProperty("acme-h100-96"), "B"));
            // The same model split the same way holds the same weights per GPU, whichever H100 node it runs on.
            Assert.Equal(0, serve.ExitCode);
            Assert.Equal(Hwcat.Quantity(reference.Json().GetProperty("memory").GetProperty("denseWeights"), "B"), Hwcat.Quantity(serve.Json().GetProperty("memory").GetProperty("denseWeights"), "B"));
            // The user catalog lives for one command only.
            Assert.Equal(2, without.ExitCode);
            Assert.Contains("unknown id 'acme-h100-96'", without.Errors);
        }

        [Fact]
        public void A_bad_user_catalog_prints_its_diagnostics_in_the_build_format_and_exits_with_1()
        {
            using var folder = new TempCatalog();
            (string name, string text) = ValidateCommandTests.BadFiles[0];
            string file = folder.Write(name, text);

            Hwcat.Result result = Hwcat.Run("show", "h100-sxm", "--catalog", file);
            Hwcat.Result validate = Hwcat.Run("validate", file);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Output);
            // Exactly what validate prints for the same file.
            Assert.Equal(validate.Raw.Trim(), result.Errors.Trim());
            Assert.Contains($"{Path.GetRelativePath(Directory.GetCurrentDirectory(), file)}(6,9): error HWC103: ", result.Errors);
        }

        [Fact]
        public void A_catalog_path_that_does_not_exist_is_a_usage_error()
        {
            using var folder = new TempCatalog();
            string missing = Path.Combine(folder.Root, "nothing-here");

            Hwcat.Result result = Hwcat.Run("gpus", "--catalog", missing);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal($"error: --catalog: no such file or directory: '{missing}'", result.Errors.Trim());
        }
    }
}
