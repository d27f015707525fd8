using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;

namespace HardwareCatalog.PackageTests
{
    /// <summary>The test classes that build consumers share one packed package.</summary>
    [Xunit.CollectionDefinition(Name)]
    public sealed class PackageCollection : Xunit.ICollectionFixture<PackageFixture>
    {
        public const string Name = "package";
    }

    /// <summary>Packs the HardwareCatalog package once into a local folder feed, and makes consumer projects that use it.</summary>
    public sealed class PackageFixture : IDisposable
    {
        public PackageFixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "hwc-package-tests-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(Root, "feed");
            PackagesCache = Path.Combine(Root, "nuget-packages");
            Directory.CreateDirectory(Feed);

            string repository = RepositoryRoot;
            string project = Path.Combine(repository, "src", "HardwareCatalog", "HardwareCatalog.csproj");
            // A version of its own, so the consumers' restore can never pick up another copy of the package.
            PackResult = DotNet.Run(repository, $"pack \"{project}\" -c Release -o \"{Feed}\" -p:Version={Version} --disable-build-servers -nodeReuse:false");
            if (PackResult.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + PackResult.Output);
            }

            PackagePath = Path.Combine(Feed, $"HardwareCatalog.{Version}.nupkg");
        }

        public const string Version = "0.0.0-packagetest";

        private readonly object _catalogsLock = new();

        private DotNet.Result? _catalogsPack;

        public string Root { get; }

        public string Feed { get; }

        public string PackagesCache { get; }

        public string PackagePath { get; }

        public DotNet.Result PackResult { get; }

        public static string TargetFramework => Metadata("TargetFramework");

        public static string RepositoryRoot => Metadata("RepositoryRoot");

        /// <summary>The machine's NuGet cache, which holds the packages the solution restored.</summary>
        public static string NuGetPackageRoot => Metadata("NuGetPackageRoot");

        /// <summary>
        /// Packs HardwareCatalog.Catalogs, the run-time catalog loader, at <see cref="Version"/> into the feed, once; it
        /// depends on the HardwareCatalog package already there.
        /// </summary>
        public DotNet.Result PackCatalogsLibrary()
        {
            lock (_catalogsLock)
            {
                if (_catalogsPack is null)
                {
                    string project = Path.Combine(RepositoryRoot, "src", "HardwareCatalog.Catalogs", "HardwareCatalog.Catalogs.csproj");
                    _catalogsPack = DotNet.Run(RepositoryRoot, $"pack \"{project}\" -c Release -o \"{Feed}\" -p:Version={Version} --disable-build-servers -nodeReuse:false");
                }

                return _catalogsPack;
            }
        }

        public IReadOnlyList<string> PackageEntries()
        {
            using ZipArchive archive = ZipFile.OpenRead(PackagePath);
            return archive.Entries.Select(e => e.FullName).ToList();
        }

        /// <summary>Creates a console project in a folder of its own that references the package from the local feed only.</summary>
        public string CreateConsumer(string name, string program, IReadOnlyDictionary<string, string>? catalogFiles = null, string extraProperties = "", string extraItems = "")
        {
            string directory = CreateProject(name, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>{TargetFramework}</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    {extraProperties}
                  </PropertyGroup>
                  <ItemGroup>
                    {PackageReference}
                    {extraItems}
                  </ItemGroup>
                </Project>
                """, upstreamSources: false);
            DotNet.WriteFile(Path.Combine(directory, "Program.cs"), program);
            foreach (KeyValuePair<string, string> file in catalogFiles ?? new Dictionary<string, string>())
            {
                DotNet.WriteFile(Path.Combine(directory, file.Key), file.Value);
            }

            return directory;
        }

        /// <summary>The package reference a consumer project holds: exactly the version packed for this run.</summary>
        public static string PackageReference => $"""<PackageReference Include="HardwareCatalog" Version="[{Version}]" />""";

        /// <summary>
        /// Creates a project in a folder of its own. With <paramref name="upstreamSources"/> false the local feed is the
        /// only source; with true the machine's configured sources stay too, for what the SDK itself restores (runtime
        /// packs, ILLink, ILCompiler, NETStandard.Library), and the exact version range keeps HardwareCatalog local.
        /// </summary>
        public string CreateProject(string name, string projectFile, bool upstreamSources)
        {
            string directory = Path.Combine(Root, name);
            DotNet.WriteFile(Path.Combine(directory, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    {(upstreamSources ? "" : "<clear />")}
                    <add key="hardwarecatalog-under-test" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);
            DotNet.WriteFile(Path.Combine(directory, name + ".csproj"), projectFile);
            return directory;
        }

        /// <summary>
        /// Packs a copy of the catalog pack template (samples/CatalogPack) as <paramref name="packageId"/> at
        /// <see cref="Version"/> into the folder feed, after writing <paramref name="files"/> over the copy (relative
        /// path → text). The copy lies outside the repository, so the template is packed as a user's copy would be.
        /// </summary>
        public DotNet.Result PackCatalogPack(string packageId, IReadOnlyDictionary<string, string>? files = null)
        {
            string template = Path.Combine(RepositoryRoot, "samples", "CatalogPack");
            string copy = Path.Combine(Root, "packs", packageId);
            foreach (string file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(template, file);
                string top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top is "bin" or "obj") continue;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
                File.Copy(file, Path.Combine(copy, relative));
            }

            foreach (KeyValuePair<string, string> file in files ?? new Dictionary<string, string>())
            {
                DotNet.WriteFile(Path.Combine(copy, file.Key), file.Value);
            }

            return DotNet.Run(copy, $"pack -c Release -o \"{Feed}\" -p:PackageId={packageId} -p:Version={Version} --disable-build-servers -nodeReuse:false -clp:NoSummary");
        }

        /// <summary>Builds a consumer with its own NuGet cache, so nothing but the local feed can satisfy the restore.</summary>
        public DotNet.Result Build(string directory)
            => DotNet.Run(directory, "build --disable-build-servers -nodeReuse:false -clp:NoSummary", new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesCache });

        /// <summary>Publishes a consumer in Release to its publish/ folder, with the same isolated NuGet cache as <see cref="Build"/>.</summary>
        public DotNet.Result Publish(string directory)
            => DotNet.Run(directory, "publish -c Release -o publish --disable-build-servers -nodeReuse:false -clp:NoSummary", new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesCache });

        public DotNet.Result RunBuilt(string directory)
        {
            string name = Path.GetFileName(directory);
            return DotNet.Run(directory, $"bin/Debug/{TargetFramework}/{name}.dll");
        }

        private static string Metadata(string key) => typeof(PackageFixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failed cleanup must not fail the run.
            }
        }
    }
}
