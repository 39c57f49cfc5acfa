using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pipeline.Tests.Support;

/// <summary>
/// The values of the <c>Category</c> trait every test carries, so a developer can run one kind:
/// <c>dotnet test --filter Category=unit</c> is the fast set (seconds), and the README's plain <c>dotnet test</c>
/// still runs everything. <see cref="Unit"/> is defined by exclusion: a unit test starts no browser, kernel,
/// child process or network server and injects no faults; <c>TestCategoryTests</c> keeps it that way.
/// </summary>
public static class TestCategory
{
    /// <summary>The trait's name.</summary>
    public const string Trait = "Category";

    /// <summary>In-process, no browser, kernel, child process, network or fault injection.</summary>
    public const string Unit = "unit";

    /// <summary>Drives Chromium (Playwright) or renders PNGs.</summary>
    public const string Browser = "browser";

    /// <summary>Starts the real .NET Interactive kernel or Python's nbclient / nbformat.</summary>
    public const string Kernel = "kernel";

    /// <summary>Starts a child process (the CLI, a shell, Python).</summary>
    public const string Process = "process";

    /// <summary>Starts a server on 127.0.0.1.</summary>
    public const string Network = "network";

    /// <summary>Injects faults: killed processes, full or read-only disks, corrupted files.</summary>
    public const string Fault = "fault";

    /// <summary>Property-based, fuzz and hostile-input tests (many generated cases each).</summary>
    public const string Property = "property";

    /// <summary>Statistical simulations with a known answer (the calibration suite).</summary>
    public const string Simulation = "simulation";

    /// <summary>Every category, for the check that each test has one.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Unit, Browser, Kernel, Process, Network, Fault, Property, Simulation,
    };
}

/// <summary>A fact or theory attribute that puts its tests in a <see cref="TestCategory"/> by itself.</summary>
public interface ICategorizedTestAttribute : ITraitAttribute
{
    /// <summary>The category its tests belong to.</summary>
    string Category { get; }
}

/// <summary>Reads the category of an <see cref="ICategorizedTestAttribute"/> for xUnit's trait discovery.</summary>
public sealed class CategoryTraitDiscoverer : ITraitDiscoverer
{
    /// <summary>The discoverer's type name, for <see cref="TraitDiscovererAttribute"/>.</summary>
    public const string TypeName = "Pipeline.Tests.Support.CategoryTraitDiscoverer";

    /// <summary>The assembly holding it.</summary>
    public const string AssemblyName = "Pipeline.Tests";

    /// <inheritdoc/>
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        traitAttribute is IReflectionAttributeInfo { Attribute: ICategorizedTestAttribute categorized }
            ? [new(TestCategory.Trait, categorized.Category)]
            : [];
}
