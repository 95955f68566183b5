using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests;

/// <summary>Small deterministic test signals.</summary>
internal static class Signals
{
    public static AudioClip Tone(double hz, double seconds, int rate = 16000, double amplitude = 0.5, int channels = 1)
    {
        var frames = (int)(seconds * rate);
        var samples = new float[frames * channels];
        for (var c = 0; c < channels; c++)
            for (var i = 0; i < frames; i++)
                samples[c * frames + i] = (float)(amplitude / (c + 1) * Math.Sin(2 * Math.PI * hz * (c + 1) * i / rate));
        return new AudioClip(samples, channels, rate);
    }

    public static AudioClip Noise(int seed, int frames, int channels = 1, int rate = 16000, double amplitude = 0.9)
    {
        var rng = new Random(seed);
        var samples = new float[frames * channels];
        for (var i = 0; i < samples.Length; i++) samples[i] = (float)((rng.NextDouble() * 2 - 1) * amplitude);
        return new AudioClip(samples, channels, rate);
    }
}
