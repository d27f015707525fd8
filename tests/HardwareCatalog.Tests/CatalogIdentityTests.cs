using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>
    /// What <c>Find</c>/<c>All</c> return (one shared base-type instance per entry) against what a typed member returns
    /// (the entry's own type): equal by id, not the same object, with the same values.
    /// </summary>
    public class CatalogIdentityTests
    {
        [Fact]
        public void Find_and_the_typed_member_are_equal_not_the_same_object()
        {
            Accelerator found = Gpus.Find("h100-sxm")!;

            Assert.True(found == Gpus.H100Sxm);
            Assert.False(found != Gpus.H100Sxm);
            Assert.Equal(found, Gpus.H100Sxm);
            Assert.Equal(found.GetHashCode(), Gpus.H100Sxm.GetHashCode());
            Assert.Contains(Gpus.H100Sxm, Gpus.All);
            Assert.NotSame(found, Gpus.H100Sxm);
            Assert.IsNotType<Accelerators.H100Sxm>(found);
            Assert.True(found != Gpus.H800Sxm);
            Assert.Same(found, Gpus.Find("h100-sxm"));

            ModelSpec model = Models.Find("deepseek-v3")!;
            Assert.True(model == Models.DeepSeekV3);
            Assert.Contains(Models.DeepSeekV3, Models.All);
            Assert.NotSame(model, Models.DeepSeekV3);
            Assert.True(model.Training!.Gpu == Gpus.H800Sxm);
            Assert.Same(Gpus.Find("h800-sxm"), model.Training.Gpu);
        }

        [Fact]
        public void Equality_is_by_id_and_null_safe()
        {
            Accelerator? none = null;
            Assert.True(none == null);
            Assert.False(Gpus.H100Sxm == none);
            Assert.False(Gpus.H100Sxm.Equals(null));
            Assert.False(Gpus.H100Sxm.Equals("h100-sxm"));

            // Every entry equals itself through both paths and no other entry.
            var distinct = new HashSet<Accelerator>(Gpus.All.Concat(TypedGpus()));
            Assert.Equal(Gpus.All.Count, distinct.Count);
            var models = new HashSet<ModelSpec>(Models.All.Concat(Typed<ModelSpec>(typeof(Models))));
            Assert.Equal(Models.All.Count, models.Count);
        }

        [Fact]
        public void Every_typed_entry_reads_the_values_of_its_base_instance()
        {
            List<Accelerator> typed = TypedGpus().ToList();
            Assert.Equal(Gpus.All.Count, typed.Count);
            foreach (Accelerator gpu in typed)
            {
                Accelerator found = Gpus.Find(gpu.Id)!;
                Assert.Equal((found.Name, found.Vendor, found.Architecture, found.Released, found.FormFactor, found.Notes, found.IsEstimated), (gpu.Name, gpu.Vendor, gpu.Architecture, gpu.Released, gpu.FormFactor, gpu.Notes, gpu.IsEstimated));
                Assert.Equal(found.Memory, gpu.Memory);
                Assert.Equal(found.MemoryBandwidth, gpu.MemoryBandwidth);
                Assert.Equal(found.Tdp, gpu.Tdp);
                Assert.Equal(found.Interconnect.NvLink, gpu.Interconnect.NvLink);
                Assert.Equal(found.Sources, gpu.Sources);
                Assert.Equal(found.SupportedPrecisions, gpu.SupportedPrecisions);
                Assert.Equal(found.SparsePrecisions, gpu.SparsePrecisions);
                Assert.All(found.SupportedPrecisions, p => Assert.Equal(found.Peak(p), gpu.Peak(p)));
                Assert.All(found.SparsePrecisions, p => Assert.Equal(found.PeakSparse(p), gpu.PeakSparse(p)));

                // The typed members (Memory, Dense.X, ...) hide the base ones with the same values.
                AssertTypedMember(gpu, "Memory", found.Memory);
                AssertTypedMember(gpu, "MemoryBandwidth", found.MemoryBandwidth);
                AssertTypedMember(gpu, "Tdp", found.Tdp);
                AssertPeaks(gpu, "Dense", found.SupportedPrecisions, found.Peak);
                AssertPeaks(gpu, "Sparse", found.SparsePrecisions, found.PeakSparse);
            }
        }

        private static void AssertTypedMember(Accelerator gpu, string name, object? expected)
        {
            PropertyInfo? member = gpu.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            Assert.True((member is null) == (expected is null), $"{gpu.Id}.{name}: a typed member exactly when the catalog gives the value");
            if (member is not null) Assert.Equal(expected, member.GetValue(gpu));
        }

        private static void AssertPeaks(Accelerator gpu, string name, IReadOnlyList<Precision> supported, System.Func<Precision, Units.FlopRate> peak)
        {
            PropertyInfo? member = gpu.GetType().GetProperty(name);
            Assert.True((member is null) == (supported.Count == 0), $"{gpu.Id}.{name}: a member exactly when there are peaks");
            if (member is null) return;

            object peaks = member.GetValue(gpu)!;
            string[] names = peaks.GetType().GetProperties().Select(p => p.Name).ToArray();
            Assert.Equal(supported.Select(p => p.ToString()), names);
            Assert.All(supported, p => Assert.Equal(peak(p), peaks.GetType().GetProperty(p.ToString())!.GetValue(peaks)));
        }

        private static IEnumerable<Accelerator> TypedGpus() => Typed<Accelerator>(typeof(Gpus));

        private static IEnumerable<T> Typed<T>(System.Type index)
            => index.GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(p => typeof(T).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(T))
                .Select(p => (T)p.GetValue(null)!);
    }
}
