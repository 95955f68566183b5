/// Confusion counts of one class at every distinct score threshold, the common ground of AP, AUC and the curves.
module AstDsl.Metrics.ThresholdCounts

/// <summary>Cumulative true/false positives when predicting positive for every score at or above each threshold.</summary>
/// <remarks>Thresholds are the distinct scores in descending order, so tied scores form one step, as sklearn's _binary_clf_curve.</remarks>
type Counts =
    { /// <summary>Distinct scores, descending.</summary>
      Thresholds: float[]
      /// <summary>True positives with score >= threshold.</summary>
      TruePositives: float[]
      /// <summary>False positives with score >= threshold.</summary>
      FalsePositives: float[] }

    /// <summary>All positives of the class.</summary>
    member this.Positives = if this.TruePositives.Length = 0 then 0.0 else Array.last this.TruePositives

    /// <summary>All negatives of the class.</summary>
    member this.Negatives = if this.FalsePositives.Length = 0 then 0.0 else Array.last this.FalsePositives

/// <summary>Counts for one class from its scores and 0/1 labels (same length).</summary>
let compute (scores: float[]) (isPositive: bool[]) : Counts =
    let order = Array.init scores.Length id |> Array.sortWith (fun a b -> compare scores.[b] scores.[a])
    let thresholds = ResizeArray()
    let tps = ResizeArray()
    let fps = ResizeArray()
    let mutable tp = 0.0
    let mutable fp = 0.0
    for k in 0 .. order.Length - 1 do
        let i = order.[k]
        if isPositive.[i] then tp <- tp + 1.0 else fp <- fp + 1.0
        // A threshold closes where the next (lower) score differs, so a run of ties counts as one step.
        if k = order.Length - 1 || scores.[order.[k + 1]] <> scores.[i] then
            thresholds.Add scores.[i]
            tps.Add tp
            fps.Add fp
    { Thresholds = thresholds.ToArray(); TruePositives = tps.ToArray(); FalsePositives = fps.ToArray() }
