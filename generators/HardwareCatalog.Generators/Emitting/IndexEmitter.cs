using HardwareCatalog.Generators.Model;

namespace HardwareCatalog.Generators.Emitting
{
    /// <summary>
    /// Writes an index class (<c>Gpus</c>, <c>Models</c>): <c>All</c> and <c>Find(id)</c> over the base-type instances
    /// that the entry files declare (<c>_Identifier</c>), so that neither loads one generated type per entry.
    /// </summary>
    internal static class IndexEmitter
    {
        /// <param name="className">The index class: <c>Gpus</c>, <c>Models</c> or <c>Systems</c>.</param>
        /// <param name="typesNamespace">The sub-namespace of the entry types: <c>Accelerators</c>, <c>LanguageModels</c> or <c>AcceleratorSystems</c>; empty when the entries have no type of their own (training plans).</param>
        /// <param name="baseType">The runtime base type of the entries.</param>
        /// <param name="what">What one entry is, for the docs: "accelerator", "model".</param>
        /// <param name="exampleId">An id for the docs of <c>Find</c>.</param>
        /// <param name="exampleIdentifier">The C# name of <paramref name="exampleId"/>, for the docs.</param>
        public static string Emit(string className, string typesNamespace, string baseType, string what, string exampleId, string exampleIdentifier, EquatableArray<IndexEntry> entries, CatalogOptions options)
        {
            string entryType = $"_HC.{baseType}";
            var w = new CodeWriter();
            CodeWriter.Header(w, options);
            if (options.IsPublic && className == "Gpus")
            {
                // Marks the assembly for the projects that reference it: they build on this catalog (see Referencing/).
                w.Line($"[assembly: global::HardwareCatalog.GeneratedCatalog({CodeWriter.Literal(options.Namespace)}, {CodeWriter.Literal(CodeWriter.GeneratorVersion)})]");
                w.Line();
            }

            w.Open($"namespace {options.Namespace}");
            w.Line(CodeWriter.RuntimeAlias);
            w.Line();
            string remarks = typesNamespace.Length == 0
                ? $"<remarks>Each is a member of this class too, such as <c>{className}.{exampleIdentifier}</c>: the same instance.</remarks>"
                : $"<remarks><see cref=\"Find\"/> and <see cref=\"All\"/> return one shared <see cref=\"{entryType}\"/> instance per entry; a typed member such as "
                + $"<c>{className}.{exampleIdentifier}</c> returns the entry's own type (in <c>{typesNamespace}</c>), built from the same values on first use. The two are equal "
                + $"(<c>==</c>, <c>Equals</c>: {Article(what)} {what} is equal to another with the same id) but not the same object.</remarks>";
            string origin = typesNamespace.Length == 0 ? "the project's own catalog files" : "the built-in entries and the project's own catalog files";
            w.Doc($"<summary>The {what}s of the catalog: {origin}.</summary>\n" + remarks);
            w.Line(CodeWriter.GeneratedCodeAttribute);
            w.Open($"{options.Visibility} static partial class {className}");
            w.Doc($"<summary>Every {what} in the catalog, ordered by id.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{entryType}> All => AllHolder.Value;");
            w.Line();
            w.Doc($"<summary>Finds {Article(what)} {what} by its catalog id (ordinal, case-sensitive), such as <c>{exampleId}</c>.</summary>\n<param name=\"id\">The catalog id.</param>\n<returns>The {what}, or <see langword=\"null\"/> when no entry has that id.</returns>");
            w.Open($"public static {entryType}{CodeWriter.Nullable(options)} Find(string id)");
            w.Line("if (id is null) throw new global::System.ArgumentNullException(nameof(id));");
            w.Open("switch (id)");
            foreach (IndexEntry entry in entries)
            {
                w.Line($"case {CodeWriter.Literal(entry.Id)}: return {Instance(entry, typesNamespace)};");
            }

            w.Line("default: return null;");
            w.Close();
            w.Close();
            w.Line();
            w.Doc("<summary>Built on first use of <see cref=\"All\"/>: static initializers of the partial class's files run in no defined order.</summary>");
            w.Open("private static class AllHolder");
            w.Open($"public static readonly global::System.Collections.ObjectModel.ReadOnlyCollection<{entryType}> Value = new global::System.Collections.ObjectModel.ReadOnlyCollection<{entryType}>(new {entryType}[]");
            foreach (IndexEntry entry in entries)
            {
                w.Line($"{Instance(entry, typesNamespace)},");
            }

            w.Close(");");
            w.Close();
            foreach (IndexEntry entry in entries)
            {
                if (entry.ExternalNamespace is not { } external) continue;
                // An entry of a referenced assembly's catalog: its typed class lives there; this index forwards to it.
                string type = $"global::{external}.{typesNamespace}.{entry.Identifier}";
                w.Line();
                w.Doc($"<summary>The catalog entry <c>{CodeWriter.Xml(entry.Id)}</c> of a referenced assembly: see <see cref=\"{type}\"/>.</summary>");
                w.Line($"public static {type} {entry.Identifier} => {type}.Instance;");
            }
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>The base instance an entry file declares, or a referenced entry's typed instance.</summary>
        private static string Instance(IndexEntry entry, string typesNamespace)
            => entry.ExternalNamespace is { } external ? $"global::{external}.{typesNamespace}.{entry.Identifier}.Instance" : "_" + entry.Identifier;

        private static string Article(string noun) => "aeiou".IndexOf(noun[0]) >= 0 ? "an" : "a";
    }
}
