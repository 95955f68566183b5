namespace AstDsl.Tagging;

/// <summary>
/// A trained audio tagger: <see cref="AudioTagger"/> runs an exported <c>.onnx</c> through ONNX Runtime alone;
/// <c>TorchAudioTagger</c> (package AstDsl.Tagging.Torch) runs an <c>.astckpt</c> checkpoint through TorchSharp.
/// Both read the same clip the same way and give the same scores.
/// </summary>
public interface IAudioTagger : IDisposable
{
    /// <summary>Display names by output index.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>True for a multi-label model (independent sigmoid scores), false for a single-label one (softmax).</summary>
    bool IsMultiLabel { get; }

    /// <summary>The sample rate the model's front end expects, in Hz; other rates are resampled.</summary>
    int SampleRate { get; }

    /// <summary>Every label's probability for mono samples in [-1, 1], by output index.</summary>
    float[] Scores(float[] samples, int sampleRate);

    /// <summary>The clip embedding that feeds the classifier head.</summary>
    float[] Embed(float[] samples, int sampleRate);

    /// <summary>A WAV file as the model reads it: mono samples (channel 0, or the channel mean for a downmix model) and their rate.</summary>
    (float[] Samples, int SampleRate) ReadWav(string wavPath);
}
