namespace AstDsl.Audio.Data;

/// <summary>Derives independent 32-bit seeds from tuples such as (seed, epoch, position) by SplitMix64 hashing.</summary>
public static class SeedMixer
{
    /// <summary>A seed that depends on every part and on their order.</summary>
    public static int Derive(params long[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var state = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts) state = Mix(state ^ (ulong)part);
        return (int)(state >> 33);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
