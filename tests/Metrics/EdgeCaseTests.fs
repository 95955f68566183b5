module AstDsl.Metrics.Tests.EdgeCaseTests

open System
open AstDsl.Metrics
open Xunit

let private column (values: float list) = array2D [ for v in values -> [ v ] ]

[<Fact>]
let ``AP counts a tie as one threshold`` () =
    // Two tied scores, one positive one negative, then a lone positive: sklearn gives 0.5 * 0.5 + 0.5 * (2/3).
    let r = Stats.computeDouble (column [ 0.9; 0.9; 0.1 ]) (column [ 1.0; 0.0; 1.0 ])
    Assert.Equal(0.5 * 0.5 + 0.5 * (2.0 / 3.0), r.AP.[0], 12)

[<Fact>]
let ``AUC of fully tied scores is one half`` () =
    let r = Stats.computeDouble (column [ 0.3; 0.3; 0.3; 0.3 ]) (column [ 1.0; 0.0; 1.0; 0.0 ])
    Assert.Equal(0.5, r.AUC.[0], 12)

[<Fact>]
let ``a class without positives is reported and excluded from the means`` () =
    let scores = array2D [ [ 0.9; 0.2 ]; [ 0.1; 0.8 ]; [ 0.4; 0.3 ] ]
    let targets = array2D [ [ 1.0; 0.0 ]; [ 0.0; 0.0 ]; [ 0.0; 0.0 ] ]
    let r = Stats.computeDouble scores targets
    let excluded = Assert.Single r.ExcludedClasses
    Assert.Equal(1, excluded.Class)
    Assert.Equal(0, excluded.Positives)
    Assert.True(Double.IsNaN r.AP.[1])
    Assert.Equal(r.AP.[0], r.MAP)
    Assert.Equal(r.AUC.[0], r.MAUC)
    Assert.Contains("class 1", Assert.Single r.Warnings)

[<Fact>]
let ``a class without negatives is reported and excluded`` () =
    let r = Stats.computeDouble (array2D [ [ 0.9; 0.2 ]; [ 0.1; 0.8 ] ]) (array2D [ [ 1.0; 1.0 ]; [ 0.0; 1.0 ] ])
    Assert.Equal("no negative sample", (Assert.Single r.ExcludedClasses).Reason)

[<Fact>]
let ``accuracy takes the first maximum of outputs and targets`` () =
    let scores = array2D [ [ 0.5; 0.5 ]; [ 0.1; 0.9 ]; [ 0.7; 0.2 ] ]
    // Row 0: tie -> class 0, target class 0. Row 1: multi-label target counts as class 0. Row 2: no positive -> class 0.
    let targets = array2D [ [ 1.0; 0.0 ]; [ 1.0; 1.0 ]; [ 0.0; 0.0 ] ]
    Assert.Equal(2.0 / 3.0, (Stats.computeDouble scores targets).Accuracy, 12)

[<Fact>]
let ``label-smoothed targets mean the same classes`` () =
    let scores = array2D [ [ 0.9; 0.1 ]; [ 0.2; 0.7 ]; [ 0.6; 0.3 ] ]
    let hard = array2D [ [ 1.0; 0.0 ]; [ 0.0; 1.0 ]; [ 0.0; 1.0 ] ]
    let smooth = hard |> Array2D.map (fun t -> if t = 1.0 then 0.95 else 0.025)
    Assert.Equal<float[]>((Stats.computeDouble scores hard).AP, (Stats.computeDouble scores smooth).AP)

[<Fact>]
let ``NaN scores are rejected with the sample and class`` () =
    let ex = Assert.Throws<MetricsInputException>(fun () -> Stats.computeDouble (column [ 0.1; nan ]) (column [ 1.0; 0.0 ]) |> ignore)
    Assert.Contains("sample 1, class 0", ex.Message)

[<Fact>]
let ``mismatched shapes are rejected`` () =
    Assert.Throws<MetricsInputException>(fun () -> Stats.computeDouble (column [ 0.1 ]) (column [ 1.0; 0.0 ]) |> ignore) |> ignore

[<Fact>]
let ``flat arrays of the wrong length are rejected`` () =
    Assert.Throws<MetricsInputException>(fun () -> Stats.computeFlat [| 0.1f |] [| 1.0f |] 2 1 |> ignore) |> ignore

[<Fact>]
let ``curves follow sklearn order`` () =
    let r = Stats.computeDouble (column [ 0.9; 0.8; 0.1 ]) (column [ 1.0; 0.0; 1.0 ])
    let stats = r.Classes.[0]
    Assert.Equal<float[]>([| 2.0 / 3.0; 0.5; 1.0; 1.0 |], stats.Precisions)
    Assert.Equal<float[]>([| 1.0; 0.5; 0.5; 0.0 |], stats.Recalls)
    Assert.Equal<float[]>([| 0.0; 0.0; 1.0; 1.0 |], stats.FalsePositiveRates)
    Assert.Equal<float[]>([| 1.0; 0.5; 0.5; 0.0 |], stats.FalseNegativeRates)

[<Fact>]
let ``metrics are looked up by their official names`` () =
    let r = Stats.computeDouble (column [ 0.9; 0.1 ]) (column [ 1.0; 0.0 ])
    Assert.Equal(r.MAP, r.Get "mAP")
    Assert.Equal(r.DPrime, r.Get "d_prime")
    Assert.Throws<MetricsInputException>(fun () -> r.Get "f1" |> ignore) |> ignore
