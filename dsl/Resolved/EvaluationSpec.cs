using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Resolved;

/// <summary>Evaluation.</summary>
/// <param name="Metrics">Reported metrics.</param>
/// <param name="MainMetric">Metric that picks the best checkpoint.</param>
/// <param name="Ensemble">Also report the checkpoint ensemble.</param>
public sealed record EvaluationSpec(ValueList<string> Metrics, string MainMetric, bool Ensemble);
