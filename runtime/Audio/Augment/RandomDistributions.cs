namespace AstDsl.Audio.Augment;

/// <summary>Continuous distributions drawn from a seeded <see cref="Random"/>, so results depend only on the seed.</summary>
public static class RandomDistributions
{
    /// <summary>A standard normal variate (Box-Muller).</summary>
    public static double Normal(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var u1 = 1.0 - rng.NextDouble(); // (0, 1]: log stays finite
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Gamma(shape, 1) variate (Marsaglia and Tsang; shapes below 1 by the boost u^(1/shape)).</summary>
    public static double Gamma(Random rng, double shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!(shape > 0)) throw new ArgumentOutOfRangeException(nameof(shape), shape, "must be positive");
        if (shape < 1) return Gamma(rng, shape + 1) * Math.Pow(1.0 - rng.NextDouble(), 1.0 / shape);
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(rng);
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = 1.0 - rng.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    /// <summary>A Beta(a, b) variate as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).</summary>
    public static double Beta(Random rng, double a, double b)
    {
        var x = Gamma(rng, a);
        var y = Gamma(rng, b);
        return x / (x + y);
    }
}
