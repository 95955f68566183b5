module AstDsl.Metrics.Tests.MetricProperties

open AstDsl.Metrics
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit

/// A class column: small integer scores (so ties are common) with labels, at least one positive and one negative.
let private labelledScores =
    gen {
        let! rest = Gen.listOf (Gen.zip (Gen.choose (0, 20)) (Gen.elements [ true; false ]))
        let! first = Gen.choose (0, 20)
        let! second = Gen.choose (0, 20)
        return (first, true) :: (second, false) :: rest |> List.toArray
    }
    |> Arb.fromGen

let private evaluate (score: int -> float) (samples: (int * bool)[]) =
    let scores = array2D [ for s, _ in samples -> [ score s ] ]
    let targets = array2D [ for _, positive in samples -> [ (if positive then 1.0 else 0.0) ] ]
    Stats.computeDouble scores targets

let private near (a: float) (b: float) = abs (a - b) <= 1e-12

[<Property>]
let ``AP and AUC of a perfect ranking are 1`` () =
    Prop.forAll labelledScores (fun samples ->
        let perfect = samples |> Array.map (fun (s, positive) -> ((if positive then 100 else 0) + s, positive))
        let r = evaluate float perfect
        near r.AP.[0] 1.0 && near r.AUC.[0] 1.0)

[<Property>]
let ``AUC is invariant to strictly increasing transforms of the scores`` () =
    Prop.forAll labelledScores (fun samples ->
        near (evaluate float samples).AUC.[0] (evaluate (fun s -> exp (float s / 3.0)) samples).AUC.[0])

[<Property>]
let ``AP is invariant to strictly increasing transforms of the scores`` () =
    Prop.forAll labelledScores (fun samples ->
        near (evaluate float samples).AP.[0] (evaluate (fun s -> sqrt (float s) - 7.0) samples).AP.[0])

[<Property>]
let ``AUC of reversed scores is one minus AUC`` () =
    Prop.forAll labelledScores (fun samples ->
        near (evaluate (fun s -> -(float s)) samples).AUC.[0] (1.0 - (evaluate float samples).AUC.[0]))

[<Property>]
let ``AUC is the Mann-Whitney probability that a positive outranks a negative`` () =
    Prop.forAll labelledScores (fun samples ->
        let positives = samples |> Array.filter snd |> Array.map fst
        let negatives = samples |> Array.filter (snd >> not) |> Array.map fst
        let wins =
            Seq.sum (seq { for p in positives do for n in negatives -> if p > n then 1.0 elif p = n then 0.5 else 0.0 })
        near (evaluate float samples).AUC.[0] (wins / float (positives.Length * negatives.Length)))

[<Property>]
let ``AP is the mean over positives of the precision at their threshold`` () =
    Prop.forAll labelledScores (fun samples ->
        let precisionAt threshold =
            let above = samples |> Array.filter (fun (s, _) -> s >= threshold)
            float (above |> Array.filter snd |> Array.length) / float above.Length
        let expected = samples |> Array.filter snd |> Array.averageBy (fst >> precisionAt)
        near (evaluate float samples).AP.[0] expected)

[<Property>]
let ``metrics do not depend on the order of the samples`` () =
    Prop.forAll labelledScores (fun samples ->
        let a = evaluate float samples
        let b = evaluate float (Array.rev samples)
        near a.AP.[0] b.AP.[0] && near a.AUC.[0] b.AUC.[0])

[<Property>]
let ``inverse CDF is increasing`` (a: NormalFloat) (b: NormalFloat) =
    let p x = 1.0 / (1.0 + exp (-(x % 30.0)))
    let pa, pb = p a.Get, p b.Get
    pa >= pb || NormalDistribution.inverseCdf pa <= NormalDistribution.inverseCdf pb
