using NUnit.Framework;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// A check of a choice the environment file declares: a failure says so first, names both readings (the deployment
/// changed, or the file is out of date) and the key to check, and gates whatever the requirement's strength.
/// </summary>
public static class DeclaredChoice
{
    public static void Holds(DeclarationReading declared, Action check)
    {
        try
        {
            check();
        }
        catch (AssertionException broken) when (broken is not DeclaredChoiceBrokenException)
        {
            throw new DeclaredChoiceBrokenException(
                $"The deployment departs from what its environment file declares ({declared.Declared}); this gates whatever the requirement's strength. "
                + $"Either the deployment changed, or the file is out of date (check {declared.Key}).{Environment.NewLine}{broken.Message}", broken);
        }
    }
}
