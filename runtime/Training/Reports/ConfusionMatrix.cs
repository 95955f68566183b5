using AstDsl.Training.Evaluation;

namespace AstDsl.Training.Reports;

/// <summary>Counts of (true class, predicted class) pairs for single-label predictions, using first-maximum argmax as the official accuracy.</summary>
public static class ConfusionMatrix
{
    /// <summary>C x C counts: rows are true classes, columns predicted classes.</summary>
    public static int[,] Count(Predictions predictions)
    {
        var c = predictions.Classes;
        var counts = new int[c, c];
        for (var i = 0; i < predictions.Rows; i++)
            counts[ArgMax(predictions.Targets, i, c), ArgMax(predictions.Scores, i, c)]++;
        return counts;
    }

    private static int ArgMax(float[] values, int row, int classes)
    {
        var best = 0;
        for (var j = 1; j < classes; j++)
            if (values[row * classes + j] > values[row * classes + best]) best = j;
        return best;
    }
}
