/// Entry point: every metric of the paper from scores and targets.
module AstDsl.Metrics.Stats

open System

let private validate (scores: float[,]) (targets: float[,]) =
    if Array2D.length1 scores <> Array2D.length1 targets || Array2D.length2 scores <> Array2D.length2 targets then
        raise (MetricsInputException
                   $"scores are {Array2D.length1 scores}x{Array2D.length2 scores} but targets are {Array2D.length1 targets}x{Array2D.length2 targets}; pass one row per sample and one column per class in both")
    scores |> Array2D.iteri (fun i j v ->
        if Double.IsNaN v then
            raise (MetricsInputException $"score of sample {i}, class {j} is NaN; the model diverged or the input contains NaN"))

let private classStats (scores: float[,]) (targets: float[,]) (c: int) : ClassStats * ExcludedClass option =
    let column = scores.[*, c]
    // Targets above 0.5 are positive so label-smoothed targets still mean the same classes.
    let isPositive = targets.[*, c] |> Array.map (fun t -> t > 0.5)
    let counts = ThresholdCounts.compute column isPositive
    let positives = int counts.Positives
    let negatives = int counts.Negatives
    let precisions, recalls = Curves.precisionRecall counts
    let fpr, tpr = Curves.roc counts
    let excluded =
        if positives = 0 then Some "no positive sample"
        elif negatives = 0 then Some "no negative sample"
        else None
    let stats =
        { Class = c
          AveragePrecision = if excluded.IsSome then nan else Curves.averagePrecision counts
          Auc = if excluded.IsSome then nan else Curves.rocAuc counts
          Precisions = precisions
          Recalls = recalls
          FalsePositiveRates = fpr
          FalseNegativeRates = tpr |> Array.map (fun r -> 1.0 - r) }
    stats, excluded |> Option.map (fun reason -> { Class = c; Positives = positives; Negatives = negatives; Reason = reason })

let private meanOfDefined (values: float[]) =
    let defined = values |> Array.filter (Double.IsNaN >> not)
    if defined.Length = 0 then nan else Array.average defined

/// <summary>Every metric from double-precision scores (N x C, e.g. sigmoid outputs) and targets (N x C, 0/1 or label-smoothed).</summary>
/// <exception cref="MetricsInputException">Shapes differ or a score is NaN.</exception>
let computeDouble (scores: float[,]) (targets: float[,]) : Report =
    validate scores targets
    let perClass = Array.init (Array2D.length2 scores) (classStats scores targets)
    let classes = perClass |> Array.map fst
    let ap = classes |> Array.map (fun s -> s.AveragePrecision)
    let auc = classes |> Array.map (fun s -> s.Auc)
    let mauc = meanOfDefined auc
    { AP = ap
      AUC = auc
      MAP = meanOfDefined ap
      MAUC = mauc
      DPrime = NormalDistribution.dPrime mauc
      Accuracy = Accuracy.topOne scores targets
      ExcludedClasses = perClass |> Array.choose snd
      Classes = classes }

/// <summary>Every metric from single-precision scores and targets (N x C), computed in double precision as the official code does on numpy copies.</summary>
/// <exception cref="MetricsInputException">Shapes differ or a score is NaN.</exception>
let compute (scores: float32[,]) (targets: float32[,]) : Report =
    computeDouble (Array2D.map float scores) (Array2D.map float targets)

/// <summary>Every metric from row-major flat arrays of <paramref name="rows"/> x <paramref name="classes"/> values (e.g. a tensor's data).</summary>
/// <exception cref="MetricsInputException">An array does not hold rows x classes values, or a score is NaN.</exception>
let computeFlat (scores: float32[]) (targets: float32[]) (rows: int) (classes: int) : Report =
    let toMatrix (name: string) (values: float32[]) =
        if values.Length <> rows * classes then
            raise (MetricsInputException $"{name} has {values.Length} values but {rows} samples x {classes} classes need {rows * classes}")
        Array2D.init rows classes (fun i j -> float values.[i * classes + j])
    computeDouble (toMatrix "scores" scores) (toMatrix "targets" targets)
