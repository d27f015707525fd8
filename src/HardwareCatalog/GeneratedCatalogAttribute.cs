using System;
using System.ComponentModel;

namespace HardwareCatalog
{
    /// <summary>
    /// Marks an assembly whose catalog was generated with public visibility, so that a project referencing it builds on
    /// that catalog instead of generating the same entries again. Written by the catalog generator; not for user code.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class GeneratedCatalogAttribute : Attribute
    {
        /// <summary>Creates the marker.</summary>
        /// <param name="namespace">The namespace of the generated <c>Gpus</c> and <c>Models</c> classes.</param>
        /// <param name="generatorVersion">The version of the generator (and so of the built-in catalog) that wrote it.</param>
        public GeneratedCatalogAttribute(string @namespace, string generatorVersion)
        {
            Namespace = @namespace;
            GeneratorVersion = generatorVersion;
        }

        /// <summary>The namespace of the generated <c>Gpus</c> and <c>Models</c> classes.</summary>
        public string Namespace { get; }

        /// <summary>The version of the generator (and so of the built-in catalog) that wrote the catalog.</summary>
        public string GeneratorVersion { get; }
    }

    /// <summary>
    /// One entry of an assembly's generated public catalog, with the values it was generated from, so that a project
    /// referencing the assembly can use it and <c>extends:</c> it. Written by the catalog generator; not for user code.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class GeneratedCatalogEntryAttribute : Attribute
    {
        /// <summary>Creates the record of one entry.</summary>
        /// <param name="kind">The entry kind: <c>gpu</c> or <c>model</c>.</param>
        /// <param name="id">The catalog id.</param>
        /// <param name="identifier">The C# name of the entry's generated type.</param>
        /// <param name="isBuiltIn">Whether the entry came from the package's built-in catalog.</param>
        /// <param name="values">The entry's values once <c>extends</c> was applied: key paths and values, alternating.</param>
        public GeneratedCatalogEntryAttribute(string kind, string id, string identifier, bool isBuiltIn, string[] values)
        {
            Kind = kind;
            Id = id;
            Identifier = identifier;
            IsBuiltIn = isBuiltIn;
            Values = values ?? Array.Empty<string>();
        }

        /// <summary>The entry kind: <c>gpu</c> or <c>model</c>.</summary>
        public string Kind { get; }

        /// <summary>The catalog id.</summary>
        public string Id { get; }

        /// <summary>The C# name of the entry's generated type.</summary>
        public string Identifier { get; }

        /// <summary>Whether the entry came from the package's built-in catalog.</summary>
        public bool IsBuiltIn { get; }

        /// <summary>The entry's values once <c>extends</c> was applied: key paths and values, alternating.</summary>
        public string[] Values { get; }
    }
}
