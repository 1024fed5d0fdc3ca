using System.Globalization;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// The whole-run wall time of a child `dotnet test` is mostly process start-up, which a machine shared with other
/// heavy jobs stretches far beyond anything the suite controls. Time bounds on the whole run are only meaningful when
/// the machine is not saturated; the suite's own part (the preflight) is bounded in every case.
/// </summary>
public static class MachineLoad
{
    /// <summary>The 1-minute load average per core (Linux), or null where the system does not tell.</summary>
    public static double? PerCore()
    {
        const string loadAverage = "/proc/loadavg";
        if (!File.Exists(loadAverage))
            return null;
        var first = File.ReadAllText(loadAverage).Split(' ')[0];
        return double.Parse(first, CultureInfo.InvariantCulture) / Environment.ProcessorCount;
    }

    /// <summary>More runnable work than twice the cores: timings of child processes say more about the neighbours than about the suite.</summary>
    public static bool IsSaturated() => PerCore() is > 2.0;
}
