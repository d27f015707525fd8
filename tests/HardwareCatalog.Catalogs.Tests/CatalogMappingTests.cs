extern alias catalogs;

using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using catalogs::HardwareCatalog.Catalogs;
using HardwareCatalog.Cli.Catalogs;
using Xunit;

namespace HardwareCatalog.Cli.Tests
{
    /// <summary>
    /// The run-time mapping of resolved entries against the generator's output: every built-in entry, run through the
    /// pipeline and mapped at run time, equals the object the generated code creates, value by value.
    /// </summary>
    public class CatalogMappingTests
    {
        private static readonly CatalogCheckResult s_builtIn = CatalogCheck.Run(CatalogFiles.BuiltIn);

        [Fact]
        public void The_built_in_catalog_passes_the_pipeline_with_no_diagnostic()
            => Assert.Empty(s_builtIn.Diagnostics.Select(d => d.Id + ": " + d.Message));

        [Fact]
        public void Every_built_in_gpu_mapped_at_run_time_equals_the_generated_one()
        {
            Assert.Equal(Gpus.All.Select(g => g.Id).OrderBy(id => id, StringComparer.Ordinal), s_builtIn.Gpus.Select(g => g.Id).OrderBy(id => id, StringComparer.Ordinal));
            foreach (var entry in s_builtIn.Gpus)
            {
                Accelerator mapped = CatalogMapping.Gpu(entry);
                Accelerator generated = Gpus.Find(entry.Id)!;
                Same(typeof(Accelerator), generated, mapped, entry.Id);
                foreach (Precision precision in PrecisionFacts.All)
                {
                    Assert.Equal(generated.TryGetPeak(precision, out var a) ? a : default, mapped.TryGetPeak(precision, out var b) ? b : default);
                    Assert.Equal(generated.SupportsSparse(precision) ? generated.PeakSparse(precision) : default, mapped.SupportsSparse(precision) ? mapped.PeakSparse(precision) : default);
                    Same(typeof(Achieved<Units.FlopRate>?), generated.MeasuredMatmul(precision), mapped.MeasuredMatmul(precision), $"{entry.Id} measured {precision}");
                }
            }
        }

        [Fact]
        public void Every_built_in_model_mapped_at_run_time_equals_the_generated_one()
        {
            Assert.Equal(Models.All.Count, s_builtIn.Resolved.Models.Count);
            foreach (var entry in s_builtIn.Resolved.Models)
            {
                ModelSpec mapped = CatalogMapping.Model(entry, Gpus.Find);
                Same(typeof(ModelSpec), Models.Find(entry.Id)!, mapped, entry.Id);
            }
        }

        [Fact]
        public void Every_built_in_system_mapped_at_run_time_equals_the_generated_one()
        {
            Assert.Equal(Systems.All.Count, s_builtIn.Resolved.Systems.Count);
            foreach (var entry in s_builtIn.Resolved.Systems)
            {
                AcceleratorSystem mapped = CatalogMapping.System(entry, Gpus.Find(entry.GpuId)!);
                Same(typeof(AcceleratorSystem), Systems.Find(entry.Id)!, mapped, entry.Id);
            }
        }

        [Fact]
        public void The_comparison_tells_entries_apart()
        {
            // The check above can fail: two different entries differ in it.
            Assert.ThrowsAny<Exception>(() => Same(typeof(Accelerator), Gpus.H100Sxm, Gpus.H200Sxm, "h100-sxm vs h200-sxm"));
            Assert.ThrowsAny<Exception>(() => Same(typeof(ModelSpec), Models.Find("llama-3.1-70b")!, Models.Find("llama-3.1-8b")!, "llama"));
        }

        /// <summary>
        /// Every public property of <paramref name="type"/> equal in both: simple values and unit structs by Equals,
        /// lists element by element, nested objects property by property; an accelerator referred to (a system's GPU, a
        /// training run's) by its id, since it is compared on its own.
        /// </summary>
        private static void Same(Type type, object? expected, object? actual, string path, int depth = 0)
        {
            if (expected is null || actual is null)
            {
                Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} vs {actual ?? "null"}");
                return;
            }

            Type declared = Nullable.GetUnderlyingType(type) ?? type;
            if (declared == typeof(string) || declared.IsPrimitive || declared.IsEnum)
            {
                Assert.True(Equals(expected, actual), $"{path}: {expected} vs {actual}");
                return;
            }

            if (depth > 0 && typeof(Accelerator).IsAssignableFrom(declared))
            {
                Assert.True(((Accelerator)expected).Id == ((Accelerator)actual).Id, $"{path}: {((Accelerator)expected).Id} vs {((Accelerator)actual).Id}");
                return;
            }

            if (expected is IEnumerable list && actual is IEnumerable other)
            {
                object?[] a = list.Cast<object?>().ToArray();
                object?[] b = other.Cast<object?>().ToArray();
                Assert.True(a.Length == b.Length, $"{path}: {a.Length} vs {b.Length} items");
                for (int i = 0; i < a.Length; i++) Same(a[i]?.GetType() ?? typeof(object), a[i], b[i], $"{path}[{i}]", depth + 1);
                return;
            }

            PropertyInfo[] properties = declared.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
            if (declared.IsValueType && declared.Namespace == "HardwareCatalog.Units")
            {
                Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
                return;
            }

            Assert.True(depth < 6, $"{path}: nested too deep");
            foreach (PropertyInfo property in properties)
            {
                Same(property.PropertyType, property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", depth + 1);
            }
        }
    }
}
