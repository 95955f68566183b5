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
        var sum = TrainingCheckpoint.Load(checkpoints[0]).StateDict();
        foreach (var path in checkpoints.Skip(1))
        {
            var next = TrainingCheckpoint.Load(path).StateDict();
            if (!next.Keys.ToHashSet().SetEquals(sum.Keys))
                throw new Errors.CorruptCheckpointException(path, "its weights have different names from the first checkpoint; average checkpoints of one run only");
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
