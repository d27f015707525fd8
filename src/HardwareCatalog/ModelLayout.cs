// Compiled into both the runtime library and the source generator: where each value sits in the compact arrays that
// generated code passes to ModelSpec.Create and TrainingRun.Create, and that a model and its run keep (typed entries share them).
namespace HardwareCatalog
{
    internal static class ModelLayout
    {
        public const int TotalParameters = 0;
        public const int ActiveParameters = 1;
        public const int Released = 2;
        public const int Layers = 3;
        public const int HiddenSize = 4;
        public const int VocabularySize = 5;
        public const int ContextWindow = 6;

        /// <summary>The AttentionKind value, NaN when the catalog gives no attention shape.</summary>
        public const int AttentionKind = 7;
        public const int Heads = 8;
        public const int HeadDim = 9;
        public const int KvHeads = 10;
        public const int KvLoraRank = 11;
        public const int RopeHeadDim = 12;

        /// <summary>NaN when the model is not a mixture of experts.</summary>
        public const int RoutedExperts = 13;
        public const int ActiveExperts = 14;
        public const int SharedExperts = 15;

        /// <summary>The length of the array before the shape slots below: a catalog compiled then passes this many values.</summary>
        public const int LengthWithoutShape = 16;

        public const int FfnHiddenSize = 16;

        /// <summary>The Activation value.</summary>
        public const int Activation = 17;

        /// <summary>1 when tied, 0 when not.</summary>
        public const int TiedEmbeddings = 18;
        public const int QLoraRank = 19;
        public const int VHeadDim = 20;
        public const int SlidingWindow = 21;
        public const int LocalLayers = 22;
        public const int GlobalLayers = 23;
        public const int ExpertFfnHiddenSize = 24;
        public const int DenseLayers = 25;
        public const int LayerInterval = 26;
        public const int Length = 27;

        public const int TrainingTokens = 0;
        public const int TrainingGpuCount = 1;
        public const int TrainingGpuHours = 2;

        /// <summary>The Precision value, NaN when not published.</summary>
        public const int TrainingPrecision = 3;
        public const int TrainingLength = 4;
    }
}
