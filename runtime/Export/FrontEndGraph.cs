using AstDsl.Audio.Features;
using static TorchSharp.torch;

namespace AstDsl.Export;

/// <summary>
/// The Kaldi log-mel front end as ONNX operations, step for step as <see cref="KaldiFbank"/> and
/// <see cref="ClipPipeline"/>: mean removal, snip-edges framing (only the frames the model uses), per-frame DC removal,
/// pre-emphasis, the analysis window, the power spectrum (DFT op, zero-padded to the FFT size), mel banks, log with
/// torchaudio's float32-epsilon floor, zero rows up to the target length, and (x - mean) / (2 std). Batch size and
/// clip length are symbolic; the window and mel matrix are the very tensors the TorchSharp front end uses.
/// </summary>
internal sealed class FrontEndGraph(OnnxGraphBuilder g, ClipPipelineOptions pipeline, int sampleRate)
{
    private const float LogFloor = 1.1920929e-07f; // torch.finfo(torch.float32).eps, as KaldiFbank

    /// <summary>Throws <see cref="ExportException"/> for settings the graph does not reproduce.</summary>
    public static void Check(ClipPipelineOptions pipeline, int sampleRate)
    {
        var f = pipeline.Fbank;
        f.Validate(sampleRate);
        if (!f.SnipEdges || f.Dither != 0 || !f.RemoveDcOffset || !f.UsePower || !f.UseLog || pipeline.SkipNormalization)
            throw new ExportException(
                "--frontend reproduces the official AST front end (snip edges, no dither, DC removal, power, log, normalised); this model's features differ, export without --frontend.");
    }

    /// <summary>Appends the front end reading <paramref name="waveform"/> (batch, samples) and writing <paramref name="output"/> (batch, T, mel bins).</summary>
    public void Append(string waveform, string output)
    {
        var f = pipeline.Fbank;
        var size = f.WindowSize(sampleRate);
        var shift = f.WindowShift(sampleRate);
        var target = pipeline.TargetLength;

        // Hugging Face checkpoints were trained on waveforms whose mean was kept.
        var centred = pipeline.RemoveWaveformMean
            ? g.Node("Sub", "mean", [waveform, g.Node("ReduceMean", "mean", [waveform], OnnxGraphBuilder.Ints("axes", 1), OnnxGraphBuilder.Int("keepdims", 1))])
            : waveform;

        // frames = 1 + (samples - size) / shift with snip edges (0 below one window), cut to the target length.
        var samples = g.Node("Shape", "frames", [centred], OnnxGraphBuilder.Int("start", 1), OnnxGraphBuilder.Int("end", 2));
        var room = g.Node("Max", "frames", [g.Node("Sub", "frames", [samples, g.Int64s("size_minus_shift", size - shift)]), g.Int64s("zero", 0)]);
        var count = g.Node("Min", "frames", [g.Node("Div", "frames", [room, g.Int64s("shift", shift)]), g.Int64s("target", target)]);
        var starts = g.Node("Mul", "frames", [g.Node("Range", "frames", [g.Int64Scalar("zero", 0), g.Node("Squeeze", "frames", [count, g.Int64s("axes", 0)]), g.Int64Scalar("one", 1)]), g.Int64Scalar("shift", shift)]);
        var offsets = Enumerable.Range(0, size).Select(i => (long)i).ToArray();
        var indices = g.Node("Add", "frames", [g.Node("Unsqueeze", "frames", [starts, g.Int64s("axes", 1)]), g.Int64s("offsets", offsets)]);
        var frames = g.Node("Gather", "frames", [centred, indices], OnnxGraphBuilder.Int("axis", 1)); // (B, n, size)

        frames = g.Node("Sub", "dc", [frames, g.Node("ReduceMean", "dc", [frames], OnnxGraphBuilder.Ints("axes", -1), OnnxGraphBuilder.Int("keepdims", 1))]);
        if (f.Preemphasis != 0)
        {
            // y[j] = x[j] - c x[max(j - 1, 0)]
            var first = g.Node("Slice", "preemphasis", [frames, g.Int64s("starts", 0), g.Int64s("ends", 1), g.Int64s("axes", 2)]);
            var rest = g.Node("Slice", "preemphasis", [frames, g.Int64s("starts", 0), g.Int64s("ends", -1), g.Int64s("axes", 2)]);
            var previous = g.Node("Concat", "preemphasis", [first, rest], OnnxGraphBuilder.Int("axis", 2));
            frames = g.Node("Sub", "preemphasis", [frames, g.Node("Mul", "preemphasis", [previous, g.Scalar("coefficient", (float)f.Preemphasis)])]);
        }
        using (var window = FeatureWindow.Create(f.Window, size))
            frames = g.Node("Mul", "window", [frames, g.Constant("window", window.data<float>().ToArray(), size)]);

        // |rfft|^2 of the frame zero-padded to the FFT size: (B, n, fft / 2 + 1).
        var fftSize = f.FftSize(sampleRate);
        var spectrum = g.Node("DFT", "spectrum",
            [g.Node("Unsqueeze", "spectrum", [frames, g.Int64s("axes", 3)]), g.Int64Scalar("fft_size", fftSize)],
            OnnxGraphBuilder.Int("axis", 2), OnnxGraphBuilder.Int("onesided", 1));
        var power = g.Node("ReduceSumSquare", "power", [spectrum], OnnxGraphBuilder.Ints("axes", 3), OnnxGraphBuilder.Int("keepdims", 0));

        string melT;
        using (var banks = MelBanks.Create(f, sampleRate))
        using (var transposed = banks.t().contiguous())
            melT = g.Constant("mel_banks", transposed.data<float>().ToArray(), fftSize / 2 + 1, f.MelBins);
        var mel = g.Node("MatMul", "mel", [power, melT]);
        var logMel = g.Node("Log", "log", [g.Node("Max", "log", [mel, g.Scalar("floor", LogFloor)])]);

        // Zero rows appended up to the target length (in the log-mel domain, before normalisation).
        var missing = g.Node("Sub", "pad", [g.Int64s("target", target), count]);
        var pads = g.Node("Concat", "pad", [g.Int64s("pads_before", 0, 0, 0, 0), missing, g.Int64s("pads_after", 0)], OnnxGraphBuilder.Int("axis", 0));
        var padded = g.Node("Pad", "pad", [logMel, pads]);

        var normalised = g.Node("Sub", "normalise", [padded, g.Scalar("norm_mean", pipeline.NormMean)]);
        g.NodeWithOutput("Div", "normalise", output, [normalised, g.Scalar("norm_scale", pipeline.NormStd * 2f)]);
    }
}
