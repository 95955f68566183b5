using static TorchSharp.torch;

namespace AstDsl.Audio.Streaming;

/// <summary>One window of raw log-mel frames of a stream (not yet padded or normalised).</summary>
/// <param name="StartFrame">Index of its first frame counted from the start of the stream.</param>
/// <param name="Features">(frames, mel bins): the window length, or fewer for a stream shorter than one window.</param>
public sealed record FbankWindow(int StartFrame, Tensor Features) : IDisposable
{
    /// <summary>Frees the features.</summary>
    public void Dispose() => Features.Dispose();
}
