/// The official top-1 accuracy.
module AstDsl.Metrics.Accuracy

/// <summary>Index of the first maximum of a row, as numpy.argmax.</summary>
let firstArgMax (row: int -> float) (length: int) : int =
    let mutable best = 0
    for j in 1 .. length - 1 do
        if row j > row best then best <- j
    best

/// <summary>Share of rows whose output argmax equals the target argmax (first maximum wins in both, so a multi-label row counts as its first positive class and a row without positives as class 0).</summary>
let topOne (scores: float[,]) (targets: float[,]) : float =
    let rows = Array2D.length1 scores
    let columns = Array2D.length2 scores
    if rows = 0 then nan
    else
        let hits =
            Seq.init rows (fun i -> firstArgMax (fun j -> scores.[i, j]) columns = firstArgMax (fun j -> targets.[i, j]) columns)
            |> Seq.filter id
            |> Seq.length
        float hits / float rows
