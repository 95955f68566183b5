using TorchSharp;

namespace AstDsl.Audio.Wav;

/// <summary>
/// Decoded audio: planar float32 samples in [-1, 1) (channel 0 first, then channel 1, ...), as torchaudio.load returns them.
/// </summary>
public sealed class AudioClip
{
    /// <summary>Wraps planar samples; <paramref name="samples"/> length must be channels x frames.</summary>
    public AudioClip(float[] samples, int channels, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "a clip needs at least one channel");
        if (sampleRate < 1) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "the sample rate must be positive");
        if (samples.Length % channels != 0)
            throw new ArgumentException($"{samples.Length} samples do not split into {channels} equal channels", nameof(samples));
        Samples = samples;
        Channels = channels;
        SampleRate = sampleRate;
    }

    /// <summary>Planar samples: channel c occupies [c * Frames, (c + 1) * Frames).</summary>
    public float[] Samples { get; }

    /// <summary>Number of channels.</summary>
    public int Channels { get; }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>Samples per channel.</summary>
    public int Frames => Samples.Length / Channels;

    /// <summary>Duration in seconds.</summary>
    public double Seconds => (double)Frames / SampleRate;

    /// <summary>The samples of one channel.</summary>
    public ReadOnlySpan<float> Channel(int channel)
    {
        if ((uint)channel >= (uint)Channels)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"the clip has {Channels} channel(s)");
        return Samples.AsSpan(channel * Frames, Frames);
    }

    /// <summary>A new (channels, frames) float32 CPU tensor holding a copy of the samples.</summary>
    public torch.Tensor ToTensor() => torch.tensor(Samples, new long[] { Channels, Frames }, torch.float32);

    /// <summary>A clip from a (channels, frames) or (frames) tensor of any float dtype or device.</summary>
    public static AudioClip FromTensor(torch.Tensor waveform, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        if (waveform.dim() is < 1 or > 2)
            throw new ArgumentException($"expected (channels, frames) or (frames), got [{string.Join(", ", waveform.shape)}]", nameof(waveform));
        var channels = waveform.dim() == 1 ? 1 : (int)waveform.shape[0];
        using var scope = torch.NewDisposeScope();
        var flat = waveform.detach().to(torch.float32).cpu().contiguous().reshape(-1);
        return new AudioClip(flat.data<float>().ToArray(), channels, sampleRate);
    }
}
