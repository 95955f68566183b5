using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>Seeds every random source the runtime owns, so the same seed gives the same numbers on CPU.</summary>
public static class Determinism
{
    /// <summary>Seeds torch's global generator (weight init, dropout). Data order and augmentation are seeded by their sources from the same seed.</summary>
    public static void Seed(int seed) => manual_seed(seed);
}
