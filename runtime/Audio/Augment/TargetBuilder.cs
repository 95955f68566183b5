namespace AstDsl.Audio.Augment;

/// <summary>Multi-hot targets with the official label smoothing and mixup weighting.</summary>
public static class TargetBuilder
{
    /// <summary>
    /// One clip: every class eps / classes, then each positive set to 1 - eps.
    /// </summary>
    public static float[] Single(IReadOnlyList<int> labels, int classCount, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var target = Filled(classCount, smoothing);
        foreach (var l in labels) target[l] = 1 - smoothing;
        return ToFloat(target);
    }

    /// <summary>
    /// A mixture: every class eps / classes, plus lambda (1 - eps) for each label of the first clip and
    /// (1 - lambda)(1 - eps) for each label of the second.
    /// </summary>
    public static float[] Mixed(IReadOnlyList<int> first, IReadOnlyList<int> second, double lambda, int classCount, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var target = Filled(classCount, smoothing);
        foreach (var l in first) target[l] += lambda * (1 - smoothing);
        foreach (var l in second) target[l] += (1 - lambda) * (1 - smoothing);
        return ToFloat(target);
    }

    private static double[] Filled(int classCount, double smoothing)
    {
        if (classCount < 1) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "needs at least one class");
        return Enumerable.Repeat(smoothing / classCount, classCount).ToArray();
    }

    private static float[] ToFloat(double[] values) => Array.ConvertAll(values, v => (float)v);
}
