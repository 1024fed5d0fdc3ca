namespace Rator.Sandbox.Tests;

/// <summary>
/// Every defect switch: the compliant sandbox passes its probe, the defective one fails it, and the
/// defective one still passes every other requirement's probe, so a defect breaks exactly one
/// requirement. The time-delayed probes (RS-05, RT-06) are checked against their own defect only.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DefectTests
{
    private static readonly Lazy<Task<RunningSandbox>> Compliant = new(() => RunningSandbox.StartAsync());

    public static IEnumerable<TestCaseData> Probes() =>
        DefectProbes.All.Select(p => new TestCaseData(p).SetArgDisplayNames(p.Defect));

    [OneTimeTearDown]
    public async Task StopCompliant()
    {
        if (Compliant.IsValueCreated) await (await Compliant.Value).DisposeAsync();
    }

    [Test]
    public void Every_catalogued_defect_has_exactly_one_probe()
    {
        DefectProbes.All.Select(p => p.Defect).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(SandboxDefectCatalog.All.Select(d => d.Name));
        DefectProbes.All.Select(p => (p.Defect, p.RequirementId))
            .Should().BeEquivalentTo(SandboxDefectCatalog.All.Select(d => (d.Name, d.RequirementId)));
    }

    [Test]
    public void Names_are_kebab_case_and_every_observable_requirement_has_a_defect()
    {
        SandboxDefectCatalog.All.Should().OnlyContain(d => System.Text.RegularExpressions.Regex.IsMatch(d.Name, "^[a-z0-9]+(-[a-z0-9]+)*$"));
        var covered = SandboxDefectCatalog.All.Select(d => d.RequirementId).ToHashSet();
        // Intrusive (TE-11, PW-05, SH-06, SH-07), the grant's mere existence (PW-02), the documentation register
        // (DC-08), and PW-07, which the vendor's own query example (DC-01) violates.
        string[] without = ["TE-11", "PW-05", "SH-06", "SH-07", "PW-02", "DC-08", "PW-07"];
        var all = new[] { "TE", "PW", "OP", "CC", "RT", "BK", "RS", "ER", "SH", "DC" }
            .SelectMany(p => Enumerable.Range(1, Count(p)).Select(i => $"{p}-{i:00}"));
        all.Except(without).Should().BeSubsetOf(covered);
        covered.Should().NotIntersectWith(without);

        static int Count(string prefix) => prefix switch
        {
            "TE" => 11, "PW" => 7, "OP" => 3, "CC" => 4, "RT" => 8, "BK" => 8, "RS" => 8, "ER" => 6, "SH" => 7, _ => 8,
        };
    }

    [TestCaseSource(nameof(Probes))]
    public async Task The_compliant_sandbox_passes_the_probe(DefectProbes.Probe probe)
    {
        var sandbox = await Compliant.Value;
        (await probe.IsCompliant(sandbox)).Should().BeTrue();
    }

    [TestCaseSource(nameof(Probes))]
    public async Task The_defect_breaks_its_requirement_and_nothing_else(DefectProbes.Probe probe)
    {
        await using var sandbox = await RunningSandbox.WithDefectAsync(probe.Defect);

        (await probe.IsCompliant(sandbox)).Should().BeFalse($"{probe.Defect} must break {probe.RequirementId}");

        var alsoBroken = new List<string>();
        foreach (var other in DefectProbes.All.Where(p => p != probe && !p.Slow))
            if (!await other.IsCompliant(sandbox)) alsoBroken.Add(other.ToString());
        alsoBroken.Should().BeEmpty($"{probe.Defect} must break only {probe.RequirementId}");
        sandbox.Host.ActiveDefects.Should().ContainSingle().Which.RequirementId.Should().Be(probe.RequirementId);
    }
}
