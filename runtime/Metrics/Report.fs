namespace AstDsl.Metrics

open System
open AstDsl.Contract

/// <summary>Scores or targets that cannot be evaluated (shape mismatch, NaN); the message says which entry and what to fix.</summary>
type MetricsInputException(message: string) =
    inherit ArgumentException(message)

/// <summary>A class left out of mAP/mAUC because AP or AUC is undefined for it.</summary>
/// <remarks>The official stats.py raises (roc_auc_score ValueError) on such a class; reporting and excluding it lets a small or imbalanced evaluation set still be evaluated.</remarks>
type ExcludedClass =
    { /// <summary>Class index (column).</summary>
      Class: int
      /// <summary>Samples whose target marks the class.</summary>
      Positives: int
      /// <summary>Samples whose target does not.</summary>
      Negatives: int
      /// <summary>Why the class was excluded.</summary>
      Reason: string }

/// <summary>The official per-class statistics (stats.py calculate_stats) for one class.</summary>
type ClassStats =
    { /// <summary>Class index (column).</summary>
      Class: int
      /// <summary>Average precision; NaN for an excluded class.</summary>
      AveragePrecision: float
      /// <summary>ROC AUC; NaN for an excluded class.</summary>
      Auc: float
      /// <summary>Precision-recall curve precisions in sklearn order (increasing threshold, ending at 1).</summary>
      Precisions: float[]
      /// <summary>Matching recalls (ending at 0).</summary>
      Recalls: float[]
      /// <summary>ROC false positive rates from (0, 0) through every distinct threshold.</summary>
      FalsePositiveRates: float[]
      /// <summary>Matching false negative rates (1 - true positive rate).</summary>
      FalseNegativeRates: float[] }

/// <summary>Evaluation metrics of one set of predictions, as the official traintest.validate reports them.</summary>
type Report =
    { /// <summary>Per-class average precision (NaN for excluded classes).</summary>
      AP: float[]
      /// <summary>Per-class ROC AUC (NaN for excluded classes).</summary>
      AUC: float[]
      /// <summary>Mean AP over the classes that are not excluded.</summary>
      MAP: float
      /// <summary>Mean AUC over the classes that are not excluded.</summary>
      MAUC: float
      /// <summary>sqrt(2) * Phi^-1(MAUC), the official d_prime of the mean AUC.</summary>
      DPrime: float
      /// <summary>Top-1 accuracy (argmax of output vs argmax of target over all samples).</summary>
      Accuracy: float
      /// <summary>Classes without positives or without negatives, left out of the means.</summary>
      ExcludedClasses: ExcludedClass[]
      /// <summary>Per-class curves and values.</summary>
      Classes: ClassStats[] }

    /// <summary>Human-readable warnings, one per excluded class.</summary>
    member this.Warnings =
        this.ExcludedClasses
        |> Array.map (fun e -> $"class {e.Class}: {e.Reason} ({e.Positives} positives, {e.Negatives} negatives); left out of mAP/mAUC")

    /// <summary>A metric by its official name (<see cref="T:AstDsl.Contract.MetricNames"/>: mAP, mAUC, d_prime or acc; case-insensitive).</summary>
    member this.Get(name: string) : float =
        let is (official: string) = String.Equals(name, official, StringComparison.OrdinalIgnoreCase)
        if is MetricNames.MeanAveragePrecision then this.MAP
        elif is MetricNames.MeanAuc then this.MAUC
        elif is MetricNames.DPrime then this.DPrime
        elif is MetricNames.Accuracy then this.Accuracy
        else
            let known = String.Join(", ", MetricNames.All)
            raise (MetricsInputException $"unknown metric '{name}'; use one of {known}")
