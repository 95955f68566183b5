namespace AstDsl.Audio.Data;

/// <summary>The clip order of one epoch, a function of (seed, epoch) only.</summary>
internal static class EpochOrder
{
    public static int[] For(int count, LoaderOptions options, int epoch)
    {
        var rng = new Random(SeedMixer.Derive(options.Seed, epoch, 0x0DE7));
        if (options.SampleWeights is { } weights) return Weighted(weights, options.SamplesPerEpoch ?? count, rng);
        var order = Enumerable.Range(0, count).ToArray();
        if (options.Shuffle) rng.Shuffle(order);
        return order;
    }

    // Draws with replacement in proportion to the weights, as torch's WeightedRandomSampler(replacement=True).
    private static int[] Weighted(IReadOnlyList<double> weights, int samples, Random rng)
    {
        var cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++) cumulative[i] = total += weights[i];
        var picks = new int[samples];
        for (var s = 0; s < samples; s++) picks[s] = FirstAbove(cumulative, rng.NextDouble() * total);
        return picks;
    }

    // The first clip whose cumulative weight exceeds u: zero-weight clips are never chosen.
    private static int FirstAbove(double[] cumulative, double u)
    {
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
