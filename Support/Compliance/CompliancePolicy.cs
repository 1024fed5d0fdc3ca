namespace Rator.Contract.Tests.Support.Compliance;

/// <summary>
/// Turns a scenario's raw outcome into a verdict, as the catalogue defines it: a violated MUST or
/// vendor-doc requirement fails the gate; a violated SHOULD, BCP, TM, doc-finding or best-practice
/// requirement (and every SH row) is a warning. An environment may promote requirements to gating
/// ("*" promotes all) or declare known deployment issues, which then warn instead of failing, and
/// say so when they stop reproducing.
/// </summary>
public sealed class CompliancePolicy(
    RequirementCatalogue catalogue,
    IReadOnlyCollection<string> promotedToGating,
    IReadOnlyDictionary<string, string> knownIssues)
{
    /// <summary>Scenarios tagged with it never gate: the weaker strength of a split row (e.g. BK-03's undeclared forms).</summary>
    public const string AdvisoryTag = "advisory";

    /// <summary>
    /// Scenarios tagged with it check the wording a clause suggests (a status, an error code, a challenge) where
    /// the rule's other scenarios check its promise: a deviation warns, naming the clause, unless promoted.
    /// </summary>
    public const string WordingTag = "wording";

    /// <summary>
    /// Added to a scenario whose failure departs from a choice the environment declares (DeclaredChoiceBrokenException):
    /// it gates whatever the requirement's strength or the scenario's wording tag.
    /// </summary>
    public const string DeclaredChoiceTag = "declared-choice";

    public static CompliancePolicy Default { get; } =
        new(RequirementCatalogue.Default, [], new Dictionary<string, string>());

    public Judgement Judge(IReadOnlyCollection<string> tags, bool violated, string? failureMessage)
    {
        var ids = RequirementCatalogue.IdsIn(tags);
        var known = ids.Where(knownIssues.ContainsKey).ToList();

        if (!violated)
            return known.Count == 0
                ? Judgement.Pass()
                : Judgement.Pass($"Known issue appears fixed: {Describe(known)}");

        if (known.Count > 0)
            return Judgement.Warn($"Known issue still present ({Describe(known)}): {failureMessage}");

        if (HasTag(tags, DeclaredChoiceTag))
            return Judgement.Fail;

        if (IsWording(tags) && !ids.Any(IsPromoted))
            return Judgement.Warn(WordingDeviation(ids, failureMessage));

        return IsGating(tags, ids) ? Judgement.Fail : Judgement.Warn(failureMessage ?? "Advisory requirement not met");
    }

    private string WordingDeviation(IEnumerable<string> ids, string? failureMessage)
    {
        var clauses = ids.Select(catalogue.Find).OfType<Requirement>()
            .Select(r => $"{r.Id}: {r.Wording ?? r.Source}");
        // The expectation and the answer first: consoles show a message's first line.
        return $"{failureMessage}{Environment.NewLine}Only the wording differs from {string.Join("; ", clauses)} The promise itself is the verdict of the rule's other scenarios.";
    }

    /// <summary>The scenario checks a clause's wording, not its promise (@wording).</summary>
    public static bool IsWording(IEnumerable<string> tags) => HasTag(tags, WordingTag);

    private static bool HasTag(IEnumerable<string> tags, string tag) =>
        tags.Any(t => t.TrimStart('@').Equals(tag, StringComparison.OrdinalIgnoreCase));

    public bool IsGating(IReadOnlyCollection<string> tags, IReadOnlyList<string> ids)
    {
        if (ids.Any(IsPromoted))
            return true;
        if (HasTag(tags, AdvisoryTag) || IsWording(tags))
            return false;
        // A scenario without a requirement ID is a plain functional check: it gates.
        if (ids.Count == 0)
            return true;
        return ids.Any(id => catalogue.Find(id)?.Gating ?? true);
    }

    private bool IsPromoted(string id) =>
        promotedToGating.Contains("*") || promotedToGating.Contains(id, StringComparer.OrdinalIgnoreCase);

    private string Describe(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => $"{id} {knownIssues[id]}"));
}
