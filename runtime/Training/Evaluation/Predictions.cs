using AstDsl.Metrics;

namespace AstDsl.Training.Evaluation;

/// <summary>Scores (probabilities) and targets of an evaluation set, row-major N x C.</summary>
public sealed record Predictions(float[] Scores, float[] Targets, int Rows, int Classes)
{
    /// <summary>Every official metric of these predictions (classes without positives or negatives are reported and excluded).</summary>
    public Report Metrics() => Stats.computeFlat(Scores, Targets, Rows, Classes);

    /// <summary>The element-wise mean of several prediction sets over the same samples (checkpoint or run ensembles).</summary>
    public static Predictions Average(IReadOnlyList<Predictions> members)
    {
        if (members.Count == 0) throw new ArgumentException("an ensemble needs at least one member", nameof(members));
        var first = members[0];
        var sum = new double[first.Scores.Length];
        foreach (var member in members)
        {
            if (member.Rows != first.Rows || member.Classes != first.Classes)
                throw new ArgumentException($"ensemble members disagree in shape: {member.Rows}x{member.Classes} vs {first.Rows}x{first.Classes}; evaluate them on the same datafile.");
            for (var i = 0; i < sum.Length; i++) sum[i] += member.Scores[i];
        }
        return first with { Scores = sum.Select(s => (float)(s / members.Count)).ToArray() };
    }
}
