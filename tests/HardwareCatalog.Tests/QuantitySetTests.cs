using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using HardwareCatalog.Units;
using Xunit;

namespace HardwareCatalog.Tests
{
    /// <summary>
    /// Every quantity struct of HardwareCatalog.Units has the full shared set: arithmetic, comparison, equality,
    /// IComparable, IFormattable and Parse/TryParse. The structs are found by reflection, so a new one that misses a
    /// member fails here without anyone having to list it.
    /// </summary>
    public class QuantitySetTests
    {
        private static readonly Type[] s_quantities = typeof(Flops).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(Flops).Namespace && t.IsValueType && !t.IsEnum)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        public static TheoryData<string> Quantities()
        {
            var data = new TheoryData<string>();
            foreach (Type type in s_quantities) data.Add(type.Name);
            return data;
        }

        [Fact]
        public void The_search_finds_every_quantity_the_docs_name()
        {
            // The quantities DESIGN.md lists under "Units", plus GpuHourPrice, which the sample prices GPU-hours with.
            string[] named = { "Bandwidth", "DataSize", "FlopRate", "Flops", "GpuHourPrice", "GpuHours", "Money", "Parameters", "Power", "Tokens" };
            Assert.Subset(new HashSet<string>(s_quantities.Select(t => t.Name)), new HashSet<string>(named));
        }

        [Theory]
        [MemberData(nameof(Quantities))]
        public void A_quantity_has_the_full_set_of_members(string name)
        {
            Type q = s_quantities.Single(t => t.Name == name);
            var missing = new List<string>();
            void Expect(bool present, string what)
            {
                if (!present) missing.Add(what);
            }

            foreach (Type contract in new[] { typeof(IEquatable<>).MakeGenericType(q), typeof(IComparable<>).MakeGenericType(q), typeof(IComparable), typeof(IFormattable) })
            {
                Expect(contract.IsAssignableFrom(q), contract.Name);
            }

            (string Method, Type Left, Type Right, Type Result)[] operators =
            {
                ("op_Addition", q, q, q), ("op_Subtraction", q, q, q),
                ("op_Multiply", q, typeof(double), q), ("op_Multiply", typeof(double), q, q), ("op_Division", q, typeof(double), q),
                ("op_Multiply", q, typeof(int), q), ("op_Multiply", typeof(int), q, q), ("op_Division", q, typeof(int), q),
                ("op_Division", q, q, typeof(double)),
                ("op_Equality", q, q, typeof(bool)), ("op_Inequality", q, q, typeof(bool)),
                ("op_LessThan", q, q, typeof(bool)), ("op_GreaterThan", q, q, typeof(bool)),
                ("op_LessThanOrEqual", q, q, typeof(bool)), ("op_GreaterThanOrEqual", q, q, typeof(bool)),
            };
            foreach (var (method, left, right, result) in operators)
            {
                MethodInfo? found = Exact(q, method, left, right);
                Expect(found?.ReturnType == result, $"{result.Name} {method}({left.Name}, {right.Name})");
            }

            Expect(q.GetProperty("Zero", BindingFlags.Public | BindingFlags.Static)?.PropertyType == q, "Zero");
            Expect(Exact(q, "Parse", typeof(string))?.ReturnType == q, "Parse(string)");
            Expect(Exact(q, "TryParse", typeof(string), q.MakeByRefType())?.ReturnType == typeof(bool), "TryParse(string, out)");
            Expect(q.GetMethod("ToString", new[] { typeof(string) })?.ReturnType == typeof(string), "ToString(string)");
            Expect(q.GetMethod("ToString", Type.EmptyTypes)?.DeclaringType == q, "ToString() override");
            Expect(q.GetMethod("GetHashCode", Type.EmptyTypes)?.DeclaringType == q, "GetHashCode() override");

            Assert.True(missing.Count == 0, $"{name} lacks: {string.Join("; ", missing)}");
        }

        [Theory]
        [MemberData(nameof(Quantities))]
        public void The_shared_members_act_on_the_value(string name)
        {
            Type q = s_quantities.Single(t => t.Name == name);
            object two = Create(q, 2), three = Create(q, 3), five = Create(q, 5);

            Assert.Equal(five, Operator(q, "op_Addition", two, three));
            Assert.Equal(two, Operator(q, "op_Subtraction", five, three));
            Assert.Equal(Create(q, 2 * 2.5), Operator(q, "op_Multiply", two, 2.5));
            Assert.Equal(Create(q, 2 * 2.5), Operator(q, "op_Multiply", 2.5, two));
            Assert.Equal(Create(q, 6), Operator(q, "op_Multiply", two, 3));
            Assert.Equal(Create(q, 6), Operator(q, "op_Multiply", 3, two));
            Assert.Equal(Create(q, 5 / 4.0), Operator(q, "op_Division", five, 4.0));
            Assert.Equal(Create(q, 5 / 4.0), Operator(q, "op_Division", five, 4));
            Assert.Equal(2 / 5.0, Operator(q, "op_Division", two, five));
            Assert.Equal(true, Operator(q, "op_LessThan", two, three));
            Assert.Equal(false, Operator(q, "op_GreaterThan", two, three));
            Assert.Equal(true, Operator(q, "op_LessThanOrEqual", two, two));
            Assert.Equal(true, Operator(q, "op_GreaterThanOrEqual", three, two));
            Assert.Equal(true, Operator(q, "op_Equality", two, Create(q, 2)));
            Assert.Equal(true, Operator(q, "op_Inequality", two, three));
            Assert.Equal(Create(q, 0), q.GetProperty("Zero")!.GetValue(null));
            Assert.True(((IComparable)two).CompareTo(three) < 0);
            Assert.Throws<ArgumentException>(() => ((IComparable)two).CompareTo("two"));

            // What ToString prints, Parse and TryParse read back to the same value.
            object value = Create(q, 1234.5);
            string text = value.ToString()!;
            Assert.Equal(value, q.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { text }));
            object?[] arguments = { text, null };
            Assert.Equal(true, q.GetMethod("TryParse")!.Invoke(null, arguments));
            Assert.Equal(value, arguments[1]);
            arguments = new object?[] { "not a quantity", null };
            Assert.Equal(false, q.GetMethod("TryParse")!.Invoke(null, arguments));
            Assert.Equal(text, ((IFormattable)value).ToString(null, null));
        }

        /// <summary>Makes a value through the struct's constructor from the base unit, which every quantity has.</summary>
        private static object Create(Type q, double value)
            => q.GetConstructor(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(double) }, null)!.Invoke(new object[] { value });

        private static object Operator(Type q, string name, object left, object right)
            => Exact(q, name, left.GetType(), right.GetType())!.Invoke(null, new[] { left, right })!;

        /// <summary>The public static method with exactly these parameter types (reflection's binder would accept an int for a double).</summary>
        private static MethodInfo? Exact(Type q, string name, params Type[] parameters)
            => q.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .SingleOrDefault(m => m.Name == name && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));
    }
}
