namespace Pipeline.Articles;

/// <summary>
/// How an op-ed's implied date or fact compares with the documentary record. Three values only, so
/// a reader of the claim-check table never has to interpret a score.
/// </summary>
public enum Verdict
{
    /// <summary>The record agrees with what the article implies.</summary>
    Supported = 1,

    /// <summary>The record contradicts what the article implies, or tells a materially different story.</summary>
    Disputed = 2,

    /// <summary>We found no record that settles the point either way.</summary>
    Unverifiable = 3,
}
