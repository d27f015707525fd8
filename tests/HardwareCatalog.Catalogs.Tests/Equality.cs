using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Xunit;

namespace HardwareCatalog.Catalogs.Tests
{
    /// <summary>Deep equality of runtime objects, for comparing what the library builds at run time with what the generated code builds.</summary>
    internal static class Equality
    {
        /// <summary>
        /// Every public property of <paramref name="type"/> equal in both: simple values and unit structs by Equals,
        /// lists element by element, nested objects property by property; an accelerator referred to (a system's GPU, a
        /// training run's) by its id, since it is compared on its own.
        /// </summary>
        public static void Same(Type type, object? expected, object? actual, string path, int depth = 0)
        {
            if (expected is null || actual is null)
            {
                Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} vs {actual ?? "null"}");
                return;
            }

            Type declared = Nullable.GetUnderlyingType(type) ?? type;
            if (declared == typeof(string) || declared.IsPrimitive || declared.IsEnum)
            {
                Assert.True(Equals(expected, actual), $"{path}: {expected} vs {actual}");
                return;
            }

            if (depth > 0 && typeof(Accelerator).IsAssignableFrom(declared))
            {
                Assert.True(((Accelerator)expected).Id == ((Accelerator)actual).Id, $"{path}: {((Accelerator)expected).Id} vs {((Accelerator)actual).Id}");
                return;
            }

            if (expected is IEnumerable list && actual is IEnumerable other)
            {
                object?[] a = list.Cast<object?>().ToArray();
                object?[] b = other.Cast<object?>().ToArray();
                Assert.True(a.Length == b.Length, $"{path}: {a.Length} vs {b.Length} items");
                for (int i = 0; i < a.Length; i++) Same(a[i]?.GetType() ?? typeof(object), a[i], b[i], $"{path}[{i}]", depth + 1);
                return;
            }

            PropertyInfo[] properties = declared.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
            if (declared.IsValueType && declared.Namespace == "HardwareCatalog.Units")
            {
                Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
                return;
            }

            Assert.True(depth < 6, $"{path}: nested too deep");
            foreach (PropertyInfo property in properties)
            {
                Same(property.PropertyType, property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", depth + 1);
            }
        }
    }
}
