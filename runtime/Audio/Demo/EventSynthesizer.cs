namespace AstDsl.Audio.Demo;

/// <summary>Synthesises one event of a <see cref="DemoEventClass"/> with random parameters, at unit RMS.</summary>
internal static class EventSynthesizer
{
    private const double FadeSeconds = 0.01;

    public static float[] Create(DemoEventClass kind, Random rng, int rate)
    {
        var seconds = Uniform(rng, 0.5, 1.5);
        var n = (int)(seconds * rate);
        var x = kind switch
        {
            DemoEventClass.PureTone => Tone(n, rate, Uniform(rng, 300, 3000), _ => 0, rng),
            DemoEventClass.UpChirp => Chirp(n, rate, rng, up: true),
            DemoEventClass.DownChirp => Chirp(n, rate, rng, up: false),
            DemoEventClass.HarmonicStack => Harmonics(n, rate, rng),
            DemoEventClass.NoiseBurst => Noise(n, rng),
            DemoEventClass.ClickTrain => Clicks(n, rate, rng, echo: false),
            DemoEventClass.AmTone => AmTone(n, rate, rng),
            DemoEventClass.FmTone => FmTone(n, rate, rng),
            DemoEventClass.BandNoise => BandNoise(n, rate, rng),
            DemoEventClass.ImpulseEcho => Clicks(n, rate, rng, echo: true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown demo class"),
        };
        Fade(x, (int)(FadeSeconds * rate));
        return ScaleToUnitRms(x);
    }

    private static double Uniform(Random rng, double low, double high) => low + (high - low) * rng.NextDouble();

    // A sine whose instantaneous frequency is f + deviation(t); phase is accumulated so glides stay continuous.
    private static float[] Tone(int n, int rate, double f, Func<double, double> deviation, Random rng)
    {
        var x = new float[n];
        var phase = rng.NextDouble() * 2 * Math.PI;
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)Math.Sin(phase);
            phase += 2 * Math.PI * (f + deviation((double)i / rate)) / rate;
        }
        return x;
    }

    private static float[] Chirp(int n, int rate, Random rng, bool up)
    {
        var low = Uniform(rng, 300, 1500);
        var high = low * Uniform(rng, 1.8, 4);
        var seconds = (double)n / rate;
        var (from, to) = up ? (low, high) : (high, low);
        return Tone(n, rate, from, t => (to - from) * t / seconds, rng);
    }

    private static float[] Harmonics(int n, int rate, Random rng)
    {
        var f0 = Uniform(rng, 150, 500);
        var count = rng.Next(4, 9);
        var decay = Uniform(rng, 0.5, 0.85);
        var x = new float[n];
        for (var h = 1; h <= count && f0 * h < rate * 0.45; h++)
        {
            var partial = Tone(n, rate, f0 * h, _ => 0, rng);
            var gain = (float)Math.Pow(decay, h - 1);
            for (var i = 0; i < n; i++) x[i] += gain * partial[i];
        }
        return x;
    }

    private static float[] Noise(int n, Random rng)
    {
        var x = new float[n];
        for (var i = 0; i < n; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }

    // Clicks are 3 ms noise grains with a fast exponential decay: broadband, like the noise burst on average.
    private static float[] Clicks(int n, int rate, Random rng, bool echo)
    {
        var x = new float[n];
        var interval = echo ? Uniform(rng, 0.06, 0.16) : 1.0 / Uniform(rng, 6, 25);
        var ratio = echo ? Uniform(rng, 0.45, 0.7) : 1.0;
        var grain = (int)(0.003 * rate);
        var gain = 1.0;
        for (var start = 0.0; start * rate < n - grain; start += interval, gain *= ratio)
        {
            var at = (int)(start * rate);
            for (var j = 0; j < grain; j++)
                x[at + j] += (float)(gain * (rng.NextDouble() * 2 - 1) * Math.Exp(-j / (0.0005 * rate)));
        }
        return x;
    }

    private static float[] AmTone(int n, int rate, Random rng)
    {
        var x = Tone(n, rate, Uniform(rng, 300, 3000), _ => 0, rng);
        var modulation = Uniform(rng, 4, 12);
        var depth = Uniform(rng, 0.8, 1.0);
        var phase = rng.NextDouble() * 2 * Math.PI;
        for (var i = 0; i < n; i++)
            x[i] *= (float)(1 - depth * 0.5 * (1 + Math.Sin(2 * Math.PI * modulation * i / rate + phase)));
        return x;
    }

    private static float[] FmTone(int n, int rate, Random rng)
    {
        var f = Uniform(rng, 300, 3000);
        var vibrato = Uniform(rng, 3, 8);
        var depth = f * Uniform(rng, 0.04, 0.1);
        return Tone(n, rate, f, t => depth * Math.Sin(2 * Math.PI * vibrato * t), rng);
    }

    // RBJ band-pass biquad (constant 0 dB peak gain) over white noise.
    private static float[] BandNoise(int n, int rate, Random rng)
    {
        var centre = Uniform(rng, 500, 4000);
        var q = Uniform(rng, 2, 6);
        var w = 2 * Math.PI * centre / rate;
        var alpha = Math.Sin(w) / (2 * q);
        var a0 = 1 + alpha;
        double b0 = alpha / a0, b2 = -alpha / a0, a1 = -2 * Math.Cos(w) / a0, a2 = (1 - alpha) / a0;
        var input = Noise(n, rng);
        var x = new float[n];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < n; i++)
        {
            var y = b0 * input[i] + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = input[i];
            y2 = y1;
            y1 = y;
            x[i] = (float)y;
        }
        return x;
    }

    private static void Fade(float[] x, int length)
    {
        length = Math.Min(length, x.Length / 2);
        for (var i = 0; i < length; i++)
        {
            var g = (float)(0.5 - 0.5 * Math.Cos(Math.PI * i / length));
            x[i] *= g;
            x[^(i + 1)] *= g;
        }
    }

    private static float[] ScaleToUnitRms(float[] x)
    {
        var rms = Math.Sqrt(x.Sum(v => (double)v * v) / Math.Max(1, x.Length));
        if (rms > 0)
            for (var i = 0; i < x.Length; i++) x[i] = (float)(x[i] / rms);
        return x;
    }
}
