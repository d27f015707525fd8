using System.Collections.Generic;

namespace HardwareCatalog
{
    /// <summary>
    /// The built-in catalog without the source generator: every built-in accelerator, model and system by id, for F#,
    /// PowerShell, scripts and notebooks, which reference the package but do not run C# source generators. C# projects get
    /// the same entries typed (<c>Gpus.H100Sxm</c>) from the generator; these are equal to them (same id).
    /// </summary>
    public static class BuiltInCatalog
    {
        /// <summary>Every built-in accelerator, ordered by id.</summary>
        public static IReadOnlyList<Accelerator> Gpus => BuiltIn.Gpus.All;

        /// <summary>Every built-in model, ordered by id.</summary>
        public static IReadOnlyList<ModelSpec> Models => BuiltIn.Models.All;

        /// <summary>Every built-in system, ordered by id.</summary>
        public static IReadOnlyList<AcceleratorSystem> Systems => BuiltIn.Systems.All;

        /// <summary>The built-in accelerator <paramref name="id"/> (ordinal), or null.</summary>
        public static Accelerator? FindGpu(string id) => BuiltIn.Gpus.Find(id);

        /// <summary>The built-in model <paramref name="id"/> (ordinal), or null.</summary>
        public static ModelSpec? FindModel(string id) => BuiltIn.Models.Find(id);

        /// <summary>The built-in system <paramref name="id"/> (ordinal), or null.</summary>
        public static AcceleratorSystem? FindSystem(string id) => BuiltIn.Systems.Find(id);
    }
}
