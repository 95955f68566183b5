namespace AstDsl.Tagging;

/// <summary>Top-k classification and WAV convenience on any <see cref="IAudioTagger"/>.</summary>
public static class AudioTaggerExtensions
{
    /// <summary>The <paramref name="top"/> best labels of mono samples in [-1, 1], best first.</summary>
    public static IReadOnlyList<TagScore> Classify(this IAudioTagger tagger, float[] samples, int sampleRate, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        return tagger.Scores(samples, sampleRate)
            .Select((s, i) => new TagScore(i, i < tagger.Labels.Count ? tagger.Labels[i] : $"class {i}", s))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Index).Take(top).ToArray();
    }

    /// <summary>The <paramref name="top"/> best labels of a WAV file, best first.</summary>
    public static IReadOnlyList<TagScore> Classify(this IAudioTagger tagger, string wavPath, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var (samples, rate) = tagger.ReadWav(wavPath);
        return tagger.Classify(samples, rate, top);
    }

    /// <summary>The clip embedding of a WAV file.</summary>
    public static float[] Embed(this IAudioTagger tagger, string wavPath)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var (samples, rate) = tagger.ReadWav(wavPath);
        return tagger.Embed(samples, rate);
    }

    /// <summary>Probabilities from logits: sigmoid for multi-label models, softmax for single-label ones.</summary>
    public static float[] Activate(float[] logits, bool multiLabel)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (multiLabel) return logits.Select(x => 1f / (1f + MathF.Exp(-x))).ToArray();
        var max = logits.Max();
        var exp = logits.Select(x => MathF.Exp(x - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }
}
