using AstDsl.Training.Evaluation;

namespace AstDsl.Training.Tests;

/// <summary>
/// What a metric reaches by chance on a given evaluation set: the predictions' rows are shuffled against the targets
/// (keeping the score distribution and the class prevalences), and the best of several shuffles is the bar a real
/// model must clear (beating all of 20 shuffles means p &lt; 0.05).
/// </summary>
internal static class ChanceLevel
{
    public static double BestOfShuffles(Predictions predictions, string metric, int shuffles = 20)
    {
        var best = double.NegativeInfinity;
        for (var s = 0; s < shuffles; s++)
        {
            var rows = Enumerable.Range(0, predictions.Rows).ToArray();
            new Random(s).Shuffle(rows);
            var scores = new float[predictions.Scores.Length];
            for (var i = 0; i < predictions.Rows; i++)
                Array.Copy(predictions.Scores, rows[i] * predictions.Classes, scores, i * predictions.Classes, predictions.Classes);
            best = Math.Max(best, MetricSet.From((predictions with { Scores = scores }).Metrics())[metric]);
        }
        return best;
    }
}
