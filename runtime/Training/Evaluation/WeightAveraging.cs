using TorchSharp;
using AstDsl.Training.Checkpoints;
using static TorchSharp.torch;

namespace AstDsl.Training.Evaluation;

/// <summary>The paper's weight averaging (WA): the element-wise mean of the weights of several epochs' checkpoints.</summary>
public static class WeightAveraging
{
    /// <summary>Mean state dict of <paramref name="checkpoints"/>, summed in file order then divided, as the official wa code.</summary>
    public static Dictionary<string, Tensor> Average(IReadOnlyList<string> checkpoints)
    {
        if (checkpoints.Count == 0) throw new ArgumentException("weight averaging needs at least one checkpoint", nameof(checkpoints));
        // Explicit Scalars held to the end: TorchSharp's implicit ones (including the alpha = 1 of a tensor sum) can be
        // finalized during the native call (see HeldScalars).
        using var count = checkpoints.Count.ToScalar();
        var first = TrainingCheckpoint.Load(checkpoints[0]);
        var sum = first.StateDict();
        foreach (var path in checkpoints.Skip(1))
        {
            var loaded = TrainingCheckpoint.Load(path);
            if (!ModelShape.Same(loaded.Metadata.Model, first.Metadata.Model))
                throw new Errors.CheckpointShapeException(path, loaded.Metadata.Model, checkpoints[0], first.Metadata.Model, "Average checkpoints of one run only.");
            var next = loaded.StateDict();
            foreach (var key in sum.Keys.ToList())
            {
                var added = sum[key].add(next[key], HeldScalars.One);
                sum[key].Dispose();
                next[key].Dispose();
                sum[key] = added;
            }
        }
        foreach (var key in sum.Keys.ToList())
        {
            var mean = sum[key].div(count);
            sum[key].Dispose();
            sum[key] = mean;
        }
        return sum;
    }
}
