using System.Collections.Generic;
using HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>Writes an index class (<c>Gpus</c>, <c>Models</c>): <c>All</c> and <c>Find(id)</c> over the generated entries.</summary>
    internal static class IndexEmitter
    {
        /// <param name="className">The index class: <c>Gpus</c> or <c>Models</c>.</param>
        /// <param name="typesNamespace">The sub-namespace of the entry types: <c>Accelerators</c> or <c>LanguageModels</c>.</param>
        /// <param name="baseType">The runtime base type of the entries.</param>
        /// <param name="what">What one entry is, for the docs: "accelerator", "model".</param>
        /// <param name="exampleId">An id for the docs of <c>Find</c>.</param>
        public static string Emit(string className, string typesNamespace, string baseType, string what, string exampleId, IReadOnlyList<(string Id, string Identifier)> entries, CatalogOptions options)
        {
            string entryType = $"global::HardwareCatalog.{baseType}";
            var w = new CodeWriter();
            AcceleratorEmitter.Header(w);
            w.Open($"namespace {options.Namespace}");
            w.Doc($"<summary>The {what}s of the catalog: the built-in entries and the project's own catalog files.</summary>");
            w.Line(AcceleratorEmitter.GeneratedCodeAttribute);
            w.Open($"{options.Visibility} static partial class {className}");
            w.Doc($"<summary>Every {what} in the catalog, ordered by id.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{entryType}> All => AllHolder.Value;");
            w.Line();
            w.Doc($"<summary>Finds {Article(what)} {what} by its catalog id (ordinal, case-sensitive), such as <c>{exampleId}</c>.</summary>\n<param name=\"id\">The catalog id.</param>\n<returns>The {what}, or <see langword=\"null\"/> when no entry has that id.</returns>");
            w.Open($"public static {entryType}? Find(string id)");
            w.Line("if (id is null) throw new global::System.ArgumentNullException(nameof(id));");
            w.Open("return id switch");
            foreach (var (id, identifier) in entries)
            {
                w.Line($"{CodeWriter.Literal(id)} => global::{options.Namespace}.{typesNamespace}.{identifier}.Instance,");
            }

            w.Line("_ => null,");
            w.Close(";");
            w.Close();
            w.Line();
            w.Doc("<summary>Built on first use of <see cref=\"All\"/>, so that touching one entry does not create all of them.</summary>");
            w.Open("private static class AllHolder");
            w.Open($"public static readonly global::System.Collections.ObjectModel.ReadOnlyCollection<{entryType}> Value = new global::System.Collections.ObjectModel.ReadOnlyCollection<{entryType}>(new {entryType}[]");
            foreach (var (_, identifier) in entries)
            {
                w.Line($"global::{options.Namespace}.{typesNamespace}.{identifier}.Instance,");
            }

            w.Close(");");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string Article(string noun) => "aeiou".IndexOf(noun[0]) >= 0 ? "an" : "a";
    }
}
