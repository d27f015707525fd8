using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using HardwareCatalog.Catalogs;
using HardwareCatalog.Cli.Catalogs;

namespace HardwareCatalog.Cli.Output
{
    /// <summary>
    /// A SARIF 2.1.0 log of catalog diagnostics: one run, the tool's rules (each id with its title and help page) and one
    /// result per diagnostic with its level, message and location (the file as a relative URI, 1-based line and column).
    /// </summary>
    public static class Sarif
    {
        public const string Version = "2.1.0";

        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        public static JsonObject Log(IEnumerable<CatalogDiagnostic> diagnostics, string toolVersion)
        {
            List<CatalogDiagnostic> list = diagnostics.ToList();
            List<string> ruleIds = list.Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();
            var rules = new JsonArray();
            foreach (string id in ruleIds)
            {
                CatalogDiagnostic first = list.First(d => d.Id == id);
                rules.Add(new JsonObject
                {
                    ["id"] = id,
                    ["shortDescription"] = new JsonObject { ["text"] = first.Title },
                    ["helpUri"] = first.HelpUri,
                });
            }

            var results = new JsonArray();
            foreach (CatalogDiagnostic diagnostic in list)
            {
                var result = new JsonObject
                {
                    ["ruleId"] = diagnostic.Id,
                    ["ruleIndex"] = ruleIds.IndexOf(diagnostic.Id),
                    ["level"] = Level(diagnostic.Severity),
                    ["message"] = new JsonObject { ["text"] = diagnostic.Message },
                };
                if (diagnostic.Path is { } path)
                {
                    result["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = Uri(path) },
                            ["region"] = new JsonObject { ["startLine"] = diagnostic.Line, ["startColumn"] = diagnostic.Column },
                        },
                    });
                }

                results.Add(result);
            }

            return new JsonObject
            {
                ["$schema"] = SchemaUri,
                ["version"] = Version,
                ["runs"] = new JsonArray(new JsonObject
                {
                    ["tool"] = new JsonObject
                    {
                        ["driver"] = new JsonObject
                        {
                            ["name"] = "hwcat",
                            ["version"] = toolVersion,
                            ["rules"] = rules,
                        },
                    },
                    ["results"] = results,
                }),
            };
        }

        public static string Write(IEnumerable<CatalogDiagnostic> diagnostics, string toolVersion)
            => Log(diagnostics, toolVersion).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        /// <summary>SARIF levels: error, warning, note.</summary>
        private static string Level(CatalogSeverity severity) => severity switch
        {
            CatalogSeverity.Error => "error",
            CatalogSeverity.Warning => "warning",
            _ => "note",
        };

        /// <summary>A relative URI reference: the relative path's segments escaped and joined with forward slashes.</summary>
        private static string Uri(string path)
            => string.Join("/", InputFiles.Relative(path).Split('/', '\\').Select(System.Uri.EscapeDataString));
    }
}
