using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HardwareCatalog.Generators
{
    /// <summary>The catalog diagnostics (HWC1xx). Each has a page under docs/diagnostics/.</summary>
    internal static class DiagnosticDescriptors
    {
        internal const string Category = "HardwareCatalog";
        internal const string HelpBase = "https://github.com/hardware-catalog/hardware-catalog/blob/main/docs/diagnostics/";

        private static DiagnosticDescriptor Descriptor(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
            => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");

        public static readonly DiagnosticDescriptor SyntaxError = Descriptor(
            "HWC101", "Catalog file does not parse", "{0}: {1}");

        public static readonly DiagnosticDescriptor MissingKey = Descriptor(
            "HWC102", "Required key is missing", "{0} '{1}' has no '{2}'{3}");

        public static readonly DiagnosticDescriptor InvalidQuantity = Descriptor(
            "HWC103", "Invalid quantity", "'{0}': {1}");

        public static readonly DiagnosticDescriptor UnknownKey = Descriptor(
            "HWC104", "Unknown key", "Unknown key '{0}' in {1}{2}");

        public static readonly DiagnosticDescriptor WrongShape = Descriptor(
            "HWC105", "Value has the wrong shape", "'{0}' must be {1}, but is {2}");

        public static readonly DiagnosticDescriptor DuplicateId = Descriptor(
            "HWC106", "Duplicate id", "The id '{0}' is already defined at {1}; ids must be unique across all catalog files (use 'extends: {0}' with a new id to derive from it)");

        public static readonly DiagnosticDescriptor InvalidIdentifier = Descriptor(
            "HWC107", "Invalid id or identifier", "{0}");

        public static readonly DiagnosticDescriptor IdentifierCollision = Descriptor(
            "HWC108", "Two entries map to one C# identifier", "'{0}' and '{1}' both become the C# identifier '{2}'; set 'identifier:' on one of them");

        public static readonly DiagnosticDescriptor UnknownReference = Descriptor(
            "HWC109", "Unknown reference", "'{0}' refers to '{1}', which is not a {2} in the catalog{3}");

        public static readonly DiagnosticDescriptor ExtendsCycle = Descriptor(
            "HWC110", "extends cycle", "'extends' forms a cycle: {0}");

        public static readonly DiagnosticDescriptor UnknownKind = Descriptor(
            "HWC111", "Unknown kind", "Unknown kind '{0}'; expected one of: {1}{2}");

        public static readonly DiagnosticDescriptor InvalidOption = Descriptor(
            "HWC112", "Invalid MSBuild property", "The MSBuild property '{0}' is '{1}'; {2}");

        public static readonly DiagnosticDescriptor EmptyFile = Descriptor(
            "HWC100", "Catalog file is empty", "The catalog file has no entries", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TrainingPrecisionUnsupported = Descriptor(
            "HWC113", "Training precision not supported by the training GPU", "'{0}' was trained in {1} on '{2}', which does not support {1}; it supports: {3}");

        public static readonly DiagnosticDescriptor ImpossiblePrecision = Descriptor(
            "HWC114", "Precision impossible for the architecture", "'{0}' cannot have {2}: its architecture is {1}, and {3}");

        public static readonly DiagnosticDescriptor SparseNotTwiceDense = Descriptor(
            "HWC115", "Sparse peak is not twice the dense peak", "The sparse {0} peak of '{1}' ({2}) is {3}x its dense peak ({4}); 2:4 structured sparsity doubles it. If the vendor publishes this figure, set 'sparsity: published'", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InconsistentModel = Descriptor(
            "HWC116", "Model values are inconsistent", "'{0}': {1}");

        public static readonly DiagnosticDescriptor FileTooLarge = Descriptor(
            "HWC117", "Catalog file is too large", "The catalog file is {0} characters; the limit is {1} (MSBuild property HardwareCatalogMaxFileSize)");

        public static readonly DiagnosticDescriptor TooComplex = Descriptor(
            "HWC118", "Catalog file is nested too deeply or has too many nodes", "{0}");

        public static readonly DiagnosticDescriptor AliasNotSupported = Descriptor(
            "HWC119", "YAML anchors and aliases are not supported", "YAML {0} are not supported in catalog files; use 'extends:' to share values between entries");

        public static readonly DiagnosticDescriptor InvisibleCharacter = Descriptor(
            "HWC120", "Invisible or bidirectional control character", "The catalog file contains U+{0} ({1}), an invisible or bidirectional control character that can make text read differently from what it is; remove it");

        public static readonly DiagnosticDescriptor InvalidEncoding = Descriptor(
            "HWC121", "Catalog file is not valid UTF-8", "The catalog file contains {0}, which is not valid UTF-8 text; save it as UTF-8");

        public static readonly DiagnosticDescriptor IdentifierCaseCollision = Descriptor(
            "HWC122", "Two entries' C# identifiers differ only in case", "'{0}' becomes the C# identifier '{1}', which differs only in case from '{3}' of '{2}'; names that differ only in case are one name to case-insensitive languages, file systems and generated file names: set 'identifier:' on one of them");

        public static readonly DiagnosticDescriptor ReferencedCatalogsDisagree = Descriptor(
            "HWC123", "Two referenced assemblies carry conflicting catalogs", "The referenced assemblies '{0}' and '{1}' both carry a generated public catalog, and {2}; only the catalog of '{0}' is used. Reference one of them, make the other's catalog internal (HardwareCatalogVisibility), or give them different namespaces (HardwareCatalogNamespace) and no shared ids");

        public static readonly DiagnosticDescriptor MeasuredAbovePeak = Descriptor(
            "HWC124", "Measured figure above its peak, or without one", "'{0}' of '{1}' ({2}) {3}");

        public static readonly DiagnosticDescriptor MeasuredWithoutSource = Descriptor(
            "HWC125", "Measured figure without a source", "'{0}' of '{1}' is a measured figure without a source: give 'measured.source:' (and 'measured.stack:', the software it ran on), or the value's own 'source:'");

        public static readonly DiagnosticDescriptor UsableAboveMemory = Descriptor(
            "HWC126", "Usable memory above the memory", "The usable memory of '{0}' ({1}, {3}) is more than its memory ({2}, {4}): usable memory is the part of the installed memory the driver reports, never more. Check the unit: a vendor's 'GB' is 10^9 bytes, 'GiB' and nvidia-smi's 'MiB' are powers of two");

        public static readonly DiagnosticDescriptor InconsistentSystem = Descriptor(
            "HWC127", "System values are inconsistent", "'{0}': {1}");
        public static readonly DiagnosticDescriptor InconsistentPlan = Descriptor(
            "HWC128", "Plan values are inconsistent", "'{0}': {1}");

        public static readonly DiagnosticDescriptor DerivedParametersDiffer = Descriptor(
            "HWC130", "Parameter count differs from the one the shape gives", "'{0}': the shape gives {1} parameters, but 'parameters' is {2}: a difference of {3} ({4}); check the shape, or say in notes what the published count includes (a vision encoder, a multi-token-prediction module, ...)", DiagnosticSeverity.Warning);

        // The plan checks (HWC2xx): the runtime's TrainingPlan.Validate() finds the same, with the same ids and messages
        // (TrainingCore.CheckLayout and CheckMemory are compiled into both); here each is located at its plan file key.
        public static readonly DiagnosticDescriptor PlanGpuCount = Descriptor(
            "HWC201", "GPU count is not the product of the parallel sizes", "{0}");

        public static readonly DiagnosticDescriptor PlanHeads = Descriptor(
            "HWC202", "Attention heads not divisible by tensor parallelism", "{0}");

        public static readonly DiagnosticDescriptor PlanKvHeads = Descriptor(
            "HWC203", "Key/value heads neither split nor replicated evenly", "{0}");

        public static readonly DiagnosticDescriptor PlanLayers = Descriptor(
            "HWC204", "Layers not divisible by the pipeline stages", "{0}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor PlanExperts = Descriptor(
            "HWC205", "Experts not divisible by expert parallelism", "{0}");

        public static readonly DiagnosticDescriptor PlanGlobalBatch = Descriptor(
            "HWC206", "Global batch not divisible by micro-batch × data parallelism", "{0}");

        public static readonly DiagnosticDescriptor PlanPrecision = Descriptor(
            "HWC207", "The GPU cannot compute in the recipe's precision", "{0}");

        public static readonly DiagnosticDescriptor PlanMemory = Descriptor(
            "HWC208", "The plan does not fit in the GPU's memory", "{0}");

        public static readonly DiagnosticDescriptor PlanContext = Descriptor(
            "HWC209", "Sequence length not divisible by 2 × context parallelism", "{0}");

        public static readonly DiagnosticDescriptor PlanActivationStorage = Descriptor(
            "HWC210", "DeepSeek-V3 activation storage without multi-head latent attention", "{0}");

        public static readonly DiagnosticDescriptor PlanNoRate = Descriptor(
            "HWC211", "No achieved compute rate: the step time is not modelled", "{0}", DiagnosticSeverity.Warning);

        // The serving-plan checks (HWC221-230): the runtime's ServingPlan.Validate() finds the same, with the same ids and
        // messages (ServingCore's checks are compiled into both); here each is located at its plan file key.
        public static readonly DiagnosticDescriptor ServingGpuCount = Descriptor(
            "HWC221", "The GPU count is not the product of the serving layout's sizes", "{0}");

        public static readonly DiagnosticDescriptor ServingHeads = Descriptor(
            "HWC222", "Tensor parallelism does not divide the attention heads", "{0}");

        public static readonly DiagnosticDescriptor ServingKvHeads = Descriptor(
            "HWC223", "Tensor parallelism neither splits nor replicates the key/value heads evenly", "{0}");

        public static readonly DiagnosticDescriptor ServingExperts = Descriptor(
            "HWC224", "Expert parallelism does not fit the experts or the layout", "{0}");

        public static readonly DiagnosticDescriptor ServingFormat = Descriptor(
            "HWC225", "The GPU cannot compute in the weight format's precision", "{0}");

        public static readonly DiagnosticDescriptor ServingWeightsMemory = Descriptor(
            "HWC226", "The weights do not fit in the GPU's memory", "{0}");

        public static readonly DiagnosticDescriptor ServingKvCapacity = Descriptor(
            "HWC227", "The KV cache of the concurrency does not fit", "{0}");

        public static readonly DiagnosticDescriptor ServingContext = Descriptor(
            "HWC228", "The request is longer than the model's context window", "{0}");

        public static readonly DiagnosticDescriptor ServingNoRate = Descriptor(
            "HWC229", "The plan has no achieved rate, so its times are not modelled", "{0}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ServingPipeline = Descriptor(
            "HWC230", "More pipeline stages than layers", "{0}");

        public static readonly DiagnosticDescriptor InternalError = Descriptor(
            "HWC199", "Internal error in the catalog generator", "The catalog generator failed while {0} ({1}: {2}). Please report this with the catalog files involved.");

        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
        {
            EmptyFile, SyntaxError, MissingKey, InvalidQuantity, UnknownKey, WrongShape, DuplicateId, InvalidIdentifier,
            IdentifierCollision, UnknownReference, ExtendsCycle, UnknownKind, InvalidOption, TrainingPrecisionUnsupported,
            ImpossiblePrecision, SparseNotTwiceDense, InconsistentModel, FileTooLarge, TooComplex, AliasNotSupported,
            InvisibleCharacter, InvalidEncoding, IdentifierCaseCollision, ReferencedCatalogsDisagree, MeasuredAbovePeak,
            MeasuredWithoutSource, UsableAboveMemory, InconsistentSystem, InconsistentPlan, DerivedParametersDiffer, InternalError,
            PlanGpuCount, PlanHeads, PlanKvHeads, PlanLayers, PlanExperts, PlanGlobalBatch, PlanPrecision, PlanMemory, PlanContext,
            PlanActivationStorage, PlanNoRate,
            ServingGpuCount, ServingHeads, ServingKvHeads, ServingExperts, ServingFormat,
            ServingWeightsMemory, ServingKvCapacity, ServingContext, ServingNoRate, ServingPipeline,
        };

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

        public static DiagnosticDescriptor ById(string id) => s_byId[id];
    }
}
