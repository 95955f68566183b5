/// Per-class ranking metrics and curves with sklearn's exact definitions.
module AstDsl.Metrics.Curves

open AstDsl.Metrics.ThresholdCounts

/// <summary>sklearn average_precision_score: sum over thresholds of (R_n - R_(n-1)) * P_n, no interpolation.</summary>
/// <remarks>Needs at least one positive (the caller excludes classes without one).</remarks>
let averagePrecision (counts: Counts) : float =
    let positives = counts.Positives
    let mutable previousRecall = 0.0
    let mutable sum = 0.0
    for n in 0 .. counts.Thresholds.Length - 1 do
        let tp = counts.TruePositives.[n]
        let recall = tp / positives
        let precision = tp / (tp + counts.FalsePositives.[n])
        sum <- sum + (recall - previousRecall) * precision
        previousRecall <- recall
    sum

/// <summary>sklearn roc_auc_score: trapezoidal area under the ROC curve; tied scores give a diagonal segment.</summary>
/// <remarks>Needs at least one positive and one negative.</remarks>
let rocAuc (counts: Counts) : float =
    let positives = counts.Positives
    let negatives = counts.Negatives
    let mutable previousTpr = 0.0
    let mutable previousFpr = 0.0
    let mutable area = 0.0
    for n in 0 .. counts.Thresholds.Length - 1 do
        let tpr = counts.TruePositives.[n] / positives
        let fpr = counts.FalsePositives.[n] / negatives
        area <- area + (fpr - previousFpr) * (tpr + previousTpr) / 2.0
        previousTpr <- tpr
        previousFpr <- fpr
    area

/// <summary>sklearn precision_recall_curve order: increasing threshold, closed by the point (recall 0, precision 1).</summary>
let precisionRecall (counts: Counts) : float[] * float[] =
    let positives = counts.Positives
    let precision =
        Array.map2 (fun tp fp -> if tp + fp = 0.0 then 0.0 else tp / (tp + fp)) counts.TruePositives counts.FalsePositives
    let recall = counts.TruePositives |> Array.map (fun tp -> if positives = 0.0 then 1.0 else tp / positives)
    Array.append (Array.rev precision) [| 1.0 |], Array.append (Array.rev recall) [| 0.0 |]

/// <summary>ROC points from (0, 0) through every distinct threshold in descending order: false positive rates and true positive rates.</summary>
/// <remarks>sklearn's roc_curve also drops collinear intermediate points; that changes neither the curve nor its area.</remarks>
let roc (counts: Counts) : float[] * float[] =
    let rate total = Array.map (fun c -> if total = 0.0 then nan else c / total)
    Array.append [| 0.0 |] (rate counts.Negatives counts.FalsePositives),
    Array.append [| 0.0 |] (rate counts.Positives counts.TruePositives)
