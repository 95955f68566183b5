namespace AstDsl.Audio.Tests.Demo;

/// <summary>Mean over classes of average precision (sum over positives of precision at their rank).</summary>
internal static class AveragePrecision
{
    public static double Mean(float[,] scores, float[,] targets)
    {
        var n = scores.GetLength(0);
        var classes = scores.GetLength(1);
        var total = 0.0;
        for (var c = 0; c < classes; c++)
        {
            var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i, c]).ToArray();
            var positives = order.Count(i => targets[i, c] > 0.5f);
            double hits = 0, sum = 0;
            for (var rank = 0; rank < n; rank++)
            {
                if (targets[order[rank], c] <= 0.5f) continue;
                hits++;
                sum += hits / (rank + 1);
            }
            total += positives > 0 ? sum / positives : 0;
        }
        return total / classes;
    }
}
