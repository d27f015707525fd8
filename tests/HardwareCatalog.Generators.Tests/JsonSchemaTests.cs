using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using HardwareCatalog.Generators.Schema;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HardwareCatalog.Generators.Tests
{
    /// <summary>catalogs/catalog.schema.json: every built-in file validates, and it lists exactly the generator's keys.</summary>
    public class JsonSchemaTests
    {
        private static readonly string SchemaPath = Path.Combine(DiagnosticTests.RepositoryRoot(), "catalogs", "catalog.schema.json");

        public static IEnumerable<object[]> BuiltInFiles() => Directory
            .GetFiles(Path.Combine(DiagnosticTests.RepositoryRoot(), "catalogs"), "*.yaml", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(DiagnosticTests.RepositoryRoot(), p) });

        [Theory]
        [MemberData(nameof(BuiltInFiles))]
        public async System.Threading.Tasks.Task Every_built_in_catalog_file_validates_against_the_schema(string relativePath)
        {
            JsonSchema schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));
            string json = YamlToJson(File.ReadAllText(Path.Combine(DiagnosticTests.RepositoryRoot(), relativePath)));

            var errors = schema.Validate(json);

            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }

        public static IEnumerable<object[]> SamplePlans() => Directory
            .GetFiles(Path.Combine(DiagnosticTests.RepositoryRoot(), "samples", "TrainingCost", "catalogs"), "*.yaml")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(DiagnosticTests.RepositoryRoot(), p) });

        [Theory]
        [MemberData(nameof(SamplePlans))]
        public async System.Threading.Tasks.Task The_sample_plans_validate_against_the_schema(string relativePath)
        {
            JsonSchema schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));
            var errors = schema.Validate(YamlToJson(File.ReadAllText(Path.Combine(DiagnosticTests.RepositoryRoot(), relativePath))));

            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }

        [Theory]
        [InlineData("recipe: bf16-mixed", "recipe: bf16")]
        [InlineData("tensor: 8", "tensr: 8")]
        [InlineData("computeEfficiency: 0.5", "computeEfficiency: 1.5")]
        [InlineData("microBatch: 1\n", "")]
        public async System.Threading.Tasks.Task The_schema_rejects_a_plan_the_generator_rejects(string from, string to)
        {
            JsonSchema schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));

            Assert.Empty(schema.Validate(YamlToJson(Catalogs.Plan)));
            Assert.NotEmpty(schema.Validate(YamlToJson(Catalogs.Plan.Replace(from, to))));
        }

        [Theory]
        [InlineData("weightFormat: fp8", "weightFormat: fp9")]
        [InlineData("kvCache: fp8", "kvCache: int8")]
        [InlineData("tensor: 2", "tensr: 2")]
        [InlineData("bandwidthEfficiency: 0.8", "bandwidthEfficiency: 1.5")]
        [InlineData("tensor: 2", "tensor: 2\nprefixHitRate: 1")]
        [InlineData("concurrency: 16\n", "")]
        public async System.Threading.Tasks.Task The_schema_rejects_a_serving_plan_the_generator_rejects(string from, string to)
        {
            JsonSchema schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));

            Assert.Empty(schema.Validate(YamlToJson(Catalogs.Serving)));
            Assert.NotEmpty(schema.Validate(YamlToJson(Catalogs.Serving.Replace(from, to))));
        }

        [Fact]
        public void The_schema_lists_the_generators_weight_formats_and_cache_precisions()
        {
            JObject serving = (JObject)JObject.Parse(File.ReadAllText(SchemaPath))["definitions"]!["serving"]!["properties"]!;

            Assert.Equal(Building.ServingBuilder.WeightFormats, serving["weightFormat"]!["enum"]!.Select(t => (string)t!));
            Assert.Equal(Building.ServingBuilder.KvCachePrecisions, serving["kvCache"]!["enum"]!.Select(t => (string)t!));
        }

        [Theory]
        [InlineData("memoryBandwidth: 3.35 TB/s", "memoryBandwidth: 80 GB")]
        [InlineData("vendor: NVIDIA", "vendr: NVIDIA")]
        [InlineData("  fp8: 1978.9 TFLOP/s", "  fp9: 1978.9 TFLOP/s")]
        [InlineData("sparsity: \"2:4\"", "sparsity: \"1:2\"")]
        public async System.Threading.Tasks.Task The_schema_rejects_what_the_generator_rejects(string from, string to)
        {
            JsonSchema schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));
            string valid = YamlToJson(Catalogs.Hopper);
            string invalid = YamlToJson(Catalogs.Hopper.Replace(from, to));

            Assert.Empty(schema.Validate(valid));
            Assert.NotEmpty(schema.Validate(invalid));
        }

        [Theory]
        [InlineData(CatalogSchema.GpuKind)]
        [InlineData(CatalogSchema.ModelKind)]
        [InlineData(CatalogSchema.SystemKind)]
        [InlineData(CatalogSchema.TrainingKind)]
        [InlineData(CatalogSchema.ServingKind)]
        public void The_schema_and_the_generator_list_the_same_keys(string kind)
        {
            JObject root = JObject.Parse(File.ReadAllText(SchemaPath));
            JObject definition = (JObject)root["definitions"]![kind]!;

            AssertSameKeys(root, definition, CatalogSchema.ForKind(kind)!, kind);
        }

        private static void AssertSameKeys(JObject root, JObject schemaNode, FieldSpec spec, string where)
        {
            JObject properties = Properties(root, schemaNode) ?? throw new InvalidOperationException(where + " has no properties in the schema");
            Assert.Equal(spec.Children.Select(c => c.Key).OrderBy(k => k, StringComparer.Ordinal), properties.Properties().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal));
            foreach (FieldSpec child in spec.Children.Where(c => c.Kind == ValueKind.Mapping))
            {
                AssertSameKeys(root, (JObject)properties[child.Key]!, child, where + "." + child.Key);
            }
        }

        /// <summary>The properties of a schema node, following $ref and allOf.</summary>
        private static JObject? Properties(JObject root, JObject node)
        {
            if (node["properties"] is JObject direct) return direct;
            if (node["$ref"] is JValue reference)
            {
                string name = ((string)reference!).Split('/').Last();
                return Properties(root, (JObject)root["definitions"]![name]!);
            }

            if (node["allOf"] is JArray all)
            {
                return all.OfType<JObject>().Select(n => Properties(root, n)).FirstOrDefault(p => p is not null);
            }

            return null;
        }

        /// <summary>YAML to JSON with the types a YAML 1.2 core schema gives plain scalars (ints, floats, booleans, null).</summary>
        private static string YamlToJson(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return Convert(stream.Documents[0].RootNode).ToString(Newtonsoft.Json.Formatting.None);
        }

        private static JToken Convert(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new JObject(mapping.Children.Select(p => new JProperty(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
            YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } b => new JValue(b.Value == "true"),
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => JValue.CreateNull(),
            YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => new JValue(l),
            YamlScalarNode { Style: ScalarStyle.Plain } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => new JValue(d),
            YamlScalarNode s => new JValue(s.Value),
            _ => throw new NotSupportedException(node.GetType().Name),
        };
    }
}
