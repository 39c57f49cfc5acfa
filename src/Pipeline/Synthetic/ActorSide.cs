namespace Pipeline.Synthetic;

/// <summary>
/// The camp an armed actor belongs to in the synthetic data. It only stops the generator from drawing
/// two allies as battle opponents; it is not written to the file.
/// </summary>
internal enum ActorSide
{
    /// <summary>Haftar's forces and their foreign backers.</summary>
    East,

    /// <summary>The Tripoli government's forces and their backers.</summary>
    West,

    /// <summary>Everyone else; may fight anyone.</summary>
    Other,
}
