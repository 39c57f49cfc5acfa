namespace Pipeline.Articles;

/// <summary>
/// How an op-ed's implied date or fact compares with the documentary record. Four values only, so
/// a reader of the claim-check table never has to interpret a score.
/// </summary>
public enum Verdict
{
    /// <summary>The record agrees with what the article implies.</summary>
    Supported = 1,

    /// <summary>The record tells a materially different or contested story, without showing the implied
    /// fact to be false outright (e.g. a date off by months, or sources that disagree).</summary>
    Disputed = 2,

    /// <summary>We found no record that settles the point either way.</summary>
    Unverifiable = 3,

    /// <summary>The record shows the implied fact is false (e.g. a government said to be elected that no
    /// election chose); the record's own dates say what did happen.</summary>
    Contradicted = 4,
}
