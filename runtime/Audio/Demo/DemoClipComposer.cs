namespace AstDsl.Audio.Demo;

/// <summary>One demo clip: 1 to MaxEvents events of distinct classes at random onsets and levels over background noise.</summary>
internal static class DemoClipComposer
{
    private const double Headroom = 0.99;
    private const double Smoothing = 0.7;
    // RMS of uniform [-1, 1) noise (1 / sqrt 3) after the one-pole low-pass y = 0.7 y + 0.3 x.
    private static readonly double BackgroundRms = (1 - Smoothing) / Math.Sqrt((1 - Smoothing * Smoothing) * 3);

    public static (float[] Samples, DemoEventClass[] Labels) Compose(DemoOptions options, Random rng)
    {
        var rate = options.SampleRate;
        var length = (int)((options.MinSeconds + (options.MaxSeconds - options.MinSeconds) * rng.NextDouble()) * rate);
        var classes = Enum.GetValues<DemoEventClass>();
        rng.Shuffle(classes);
        var labels = classes[..rng.Next(1, options.MaxEvents + 1)];

        var mix = new float[length];
        var loudest = double.NegativeInfinity;
        foreach (var label in labels)
        {
            var levelDb = Between(rng, options.EventLevelDb);
            loudest = Math.Max(loudest, levelDb);
            var gain = (float)Math.Pow(10, levelDb / 20);
            var evt = EventSynthesizer.Create(label, rng, rate);
            var count = Math.Min(evt.Length, length);
            var onset = rng.Next(0, length - count + 1);
            for (var i = 0; i < count; i++) mix[onset + i] += gain * evt[i];
        }

        // Background: white noise lightly low-passed so that it is not just another noise burst.
        var noiseGain = Math.Pow(10, (loudest - Between(rng, options.SnrDb)) / 20) / BackgroundRms;
        var previous = 0.0;
        for (var i = 0; i < length; i++)
        {
            previous = Smoothing * previous + (1 - Smoothing) * (rng.NextDouble() * 2 - 1);
            mix[i] += (float)(noiseGain * previous);
        }

        var peak = mix.Max(Math.Abs);
        if (peak > Headroom)
            for (var i = 0; i < length; i++) mix[i] = (float)(mix[i] * Headroom / peak);
        Array.Sort(labels);
        return (mix, labels);
    }

    private static double Between(Random rng, (double Low, double High) range) => range.Low + (range.High - range.Low) * rng.NextDouble();
}
