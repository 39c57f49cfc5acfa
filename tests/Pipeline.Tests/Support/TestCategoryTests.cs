using System.Reflection;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace Pipeline.Tests.Support;

/// <summary>
/// Every test is in a <see cref="TestCategory"/>, and the <c>unit</c> set really is the fast in-process set:
/// no unit test shares a category with another, and no class tagged unit as a whole uses a browser, kernel,
/// child process or loopback server in its source.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed partial class TestCategoryTests
{
    private static readonly (string Category, Regex Uses)[] Telltales =
    [
        (TestCategory.Browser, BrowserUse()),
        (TestCategory.Kernel, KernelUse()),
        (TestCategory.Process, ProcessUse()),
        (TestCategory.Network, NetworkUse()),
    ];

    [Fact]
    public void Every_test_has_a_known_category_and_unit_stands_alone()
    {
        var problems = new List<string>();
        var tests = 0;
        foreach (var (type, method) in TestMethods())
        {
            tests++;
            var categories = Categories(type, method);
            if (categories.Count == 0)
            {
                problems.Add($"{type.Name}.{method.Name}: no Category trait; add [Trait(TestCategory.Trait, TestCategory.Unit)] (or another TestCategory) to the class");
            }

            foreach (var unknown in categories.Where(c => !TestCategory.All.Contains(c)))
            {
                problems.Add($"{type.Name}.{method.Name}: unknown category '{unknown}'");
            }

            if (categories.Contains(TestCategory.Unit) && categories.Count > 1)
            {
                problems.Add($"{type.Name}.{method.Name}: unit and {string.Join(", ", categories.Where(c => c != TestCategory.Unit))} at once; unit means none of the others");
            }
        }

        Assert.True(tests > 100, $"only {tests} test methods found by reflection");
        Assert.Empty(problems);
    }

    [Fact]
    public void Classes_tagged_unit_use_no_browser_kernel_process_or_server()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);
        var checkedClasses = 0;
        var problems = new List<string>();
        foreach (var type in TestMethods().Select(t => t.Type).Distinct())
        {
            if (!ClassCategories(type).Contains(TestCategory.Unit) || !sources.TryGetValue(type.Name, out var source) || source.Contains("Telltales", StringComparison.Ordinal))
            {
                continue;
            }

            checkedClasses++;
            foreach (var (category, uses) in Telltales)
            {
                if (uses.Match(source) is { Success: true } m)
                {
                    problems.Add($"{type.Name}.cs uses '{m.Value}' but is tagged unit; tag it {category}");
                }
            }
        }

        Assert.True(checkedClasses > 30, $"only {checkedClasses} unit classes matched to a source file of the same name");
        Assert.Empty(problems);
    }

    [Fact]
    public void Fact_attributes_that_need_a_browser_or_kernel_carry_their_category()
    {
        var kernel = typeof(TestCategoryTests).Assembly.GetTypes().Single(t => t.Name == "KernelFactAttribute");
        var browser = typeof(TestCategoryTests).Assembly.GetTypes().Single(t => t.Name == "BrowserFactAttribute");
        Assert.Equal(TestCategory.Kernel, ((ICategorizedTestAttribute)Activator.CreateInstance(kernel)!).Category);
        Assert.Equal(TestCategory.Browser, ((ICategorizedTestAttribute)Activator.CreateInstance(browser)!).Category);
        var applied = TestMethods().SelectMany(t => t.Method.GetCustomAttributesData()).First(a => a.AttributeType == kernel);
        var discovered = new CategoryTraitDiscoverer().GetTraits(Reflector.Wrap(applied)).ToList();
        Assert.Equal([new KeyValuePair<string, string>(TestCategory.Trait, TestCategory.Kernel)], discovered);
    }

    private static IEnumerable<(Type Type, MethodInfo Method)> TestMethods() =>
        from type in typeof(TestCategoryTests).Assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false }
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where method.GetCustomAttributes<FactAttribute>(inherit: true).Any()
        select (type, method);

    private static HashSet<string> Categories(Type type, MethodInfo method)
    {
        var categories = ClassCategories(type);
        categories.UnionWith(TraitCategories(method.GetCustomAttributesData()));
        categories.UnionWith(method.GetCustomAttributes(inherit: true).OfType<ICategorizedTestAttribute>().Select(a => a.Category));
        return categories;
    }

    private static HashSet<string> ClassCategories(Type type) => [.. TraitCategories(type.GetCustomAttributesData())];

    /// <summary>The values of <c>[Trait("Category", …)]</c> among <paramref name="attributes"/> (xUnit's TraitAttribute keeps them only as constructor arguments).</summary>
    private static IEnumerable<string> TraitCategories(IEnumerable<CustomAttributeData> attributes) =>
        attributes
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == TestCategory.Trait)
            .Select(a => (string)a.ConstructorArguments[1].Value!);

    [GeneratedRegex(@"ChromiumFixture|Playwright|ChromiumChartRenderer|PngRenderer\.Render|IBrowser\b|IPage\b")]
    private static partial Regex BrowserUse();

    [GeneratedRegex(@"KernelSession|nbclient|dotnet-interactive")]
    private static partial Regex KernelUse();

    [GeneratedRegex(@"ProcessRun\.|Process\.Start|ProcessStartInfo")]
    private static partial Regex ProcessUse();

    [GeneratedRegex(@"LoopbackServer|FakeAcledApi|HttpListener|TcpListener")]
    private static partial Regex NetworkUse();
}
