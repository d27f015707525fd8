using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace HardwareCatalog.Cli.Catalogs
{
    /// <summary>The entries a command looks up: the generated built-in catalog, plus any user entries loaded with <c>--catalog</c>.</summary>
    public sealed class RuntimeCatalog
    {
        private static readonly AsyncLocal<RuntimeCatalog?> s_current = new();

        /// <summary>The built-in catalog as the generator compiled it into the tool.</summary>
        public static readonly RuntimeCatalog BuiltIn = new(Gpus.All.ToList(), Models.All.ToList(), Systems.All.ToList());

        public RuntimeCatalog(IReadOnlyList<Accelerator> gpus, IReadOnlyList<ModelSpec> models, IReadOnlyList<AcceleratorSystem> systems)
        {
            GpuList = gpus;
            ModelList = models;
            SystemList = systems;
        }

        /// <summary>The catalog of the command running on this flow: the built-in one unless <c>--catalog</c> added entries.</summary>
        public static RuntimeCatalog Current
        {
            get => s_current.Value ?? BuiltIn;
            set => s_current.Value = value;
        }

        public IReadOnlyList<Accelerator> GpuList { get; }

        public IReadOnlyList<ModelSpec> ModelList { get; }

        public IReadOnlyList<AcceleratorSystem> SystemList { get; }

        public Accelerator? FindGpu(string id) => GpuList.FirstOrDefault(g => Same(g.Id, id));

        public ModelSpec? FindModel(string id) => ModelList.FirstOrDefault(m => Same(m.Id, id));

        public AcceleratorSystem? FindSystem(string id) => SystemList.FirstOrDefault(s => Same(s.Id, id));

        /// <summary>Ids compare as the generated <c>Find</c> compares them: exactly.</summary>
        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
    }
}
