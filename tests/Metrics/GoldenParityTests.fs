module AstDsl.Metrics.Tests.GoldenParityTests

open AstDsl.Metrics
open AstDsl.TestSupport
open TorchSharp
open Xunit

let private golden = lazy (Golden.Load "metrics.safetensors")

let private values (name: string) : float32[] = golden.Value.[name].data<float32>().ToArray()

let private scalar name = float (values name).[0]

let private report (scoresName: string) (targetsName: string) =
    let shape = golden.Value.[scoresName].shape
    Stats.computeFlat (values scoresName) (values targetsName) (int shape.[0]) (int shape.[1])

let private assertClose (what: string) (expected: float) (actual: float) =
    let diff = abs (expected - actual)
    if not (diff <= 1e-6) then failwith $"{what}: expected {expected}, got {actual} (abs diff {diff:G3} > 1e-6)"

let private assertAllClose what (expected: float32[]) (actual: float[]) =
    Assert.Equal(expected.Length, actual.Length)
    Array.iteri2 (fun i e a -> assertClose $"{what}[{i}]" (float e) a) expected actual

[<Fact>]
let ``multi-label metrics equal the official stats code`` () =
    let r = report "scores" "targets"
    assertAllClose "ap" (values "ap") r.AP
    assertAllClose "auc" (values "auc") r.AUC
    assertClose "mAP" (scalar "mAP") r.MAP
    assertClose "mAUC" (scalar "mAUC") r.MAUC
    assertClose "d_prime" (scalar "d_prime") r.DPrime
    assertClose "acc" (scalar "acc") r.Accuracy
    Assert.Empty r.ExcludedClasses

[<Fact>]
let ``single-label metrics equal the official stats code`` () =
    let r = report "sl_scores" "sl_targets"
    assertAllClose "sl_ap" (values "sl_ap") r.AP
    assertAllClose "sl_auc" (values "sl_auc") r.AUC
    assertClose "sl_mAP" (scalar "sl_mAP") r.MAP
    assertClose "sl_mAUC" (scalar "sl_mAUC") r.MAUC
    assertClose "sl_d_prime" (scalar "sl_d_prime") r.DPrime
    assertClose "sl_acc" (scalar "sl_acc") r.Accuracy

[<Fact>]
let ``tied-score classes are where implementations differ and still match`` () =
    // Classes 6..11 are quantised to 0.05 steps in the golden data; a per-sample (not per-threshold) AP fails here.
    let r = report "scores" "targets"
    let ap = values "ap"
    for c in 6 .. 11 do
        assertClose $"ap[{c}]" (float ap.[c]) r.AP.[c]
