/// The inferred shapes, parameter count and training tokens equal what the real AstModel has, for rectangular
/// patches, both position kinds and patchout.
module AstDsl.Properties.Tests.ShapeProperties

open AstDsl.Dsl
open AstDsl.Network
open AstDsl.Properties.Tests.Generators
open FsCheck.FSharp
open FsCheck.Xunit
open TorchSharp

let private compile shape = nonNull (SpecCompiler.Compile(specText shape false, "shape.ast").Spec)

[<Property>]
let ``inferred grid and token count follow the official floor formula and AstOptions`` () =
    Prop.forAll (Arb.fromGen shapes) (fun shape ->
        let spec = compile shape
        let o = spec.Model
        spec.Shapes.FDim = (shape.MelBins - shape.FPatch) / shape.FStride + 1
        && spec.Shapes.TDim = (shape.Frames - shape.TPatch) / shape.TStride + 1
        && (spec.Shapes.FDim, spec.Shapes.TDim, spec.Shapes.PatchCount, spec.Shapes.TokenCount) = (o.FDim, o.TDim, o.PatchCount, o.TokenCount))

[<Property(MaxTest = 40)>]
let ``parameter count and output shape equal the constructed AstModel's`` () =
    Prop.forAll (Arb.fromGen shapes) (fun shape ->
        let spec = compile shape
        use model = new AstModel(spec.Model)
        let parameters = model.parameters () |> Seq.sumBy (fun p -> p.numel ())
        use input = torch.randn (2L, int64 shape.Frames, int64 shape.MelBins)
        use output = model.forward input
        parameters = spec.Shapes.ParameterCount && output.shape = [| 2L; int64 shape.Labels |])

[<Property>]
let ``valid shapes check without diagnostics whatever the layout`` () =
    Prop.forAll (Arb.fromGen (Gen.zip shapes (Gen.elements [ true; false ]))) (fun (shape, semicolons) ->
        let result = SpecCompiler.Compile(specText shape semicolons, "shape.ast")
        result.Succeeded && result.Diagnostics.Count = 0)

[<Property(MaxTest = 40)>]
let ``a training step runs the blocks on the inferred training tokens and evaluation on all`` () =
    Prop.forAll (Arb.fromGen shapes) (fun shape ->
        let spec = compile shape
        use model = new AstModel(spec.Model)
        use input = torch.randn (1L, int64 shape.Frames, int64 shape.MelBins)
        model.train () |> ignore
        use training = model.Tokens input
        model.eval () |> ignore
        use evaluation = model.Tokens input
        training.shape[1] = int64 spec.Shapes.TrainingTokenCount && evaluation.shape[1] = int64 spec.Shapes.TokenCount)

[<Property(MaxTest = 40)>]
let ``a shorter clip than the trained one gives its own grid and the same output shape`` () =
    Prop.forAll (Arb.fromGen (Gen.zip shapes (Gen.choose (0, 24)))) (fun (shape, cut) ->
        let spec = compile shape
        let frames = max shape.TPatch (shape.Frames - cut)
        use model = new AstModel(spec.Model)
        model.eval () |> ignore
        use input = torch.randn (2L, int64 frames, int64 shape.MelBins)
        use tokens = model.Tokens input
        use output = model.forward input
        let columns = (frames - shape.TPatch) / shape.TStride + 1
        tokens.shape[1] = int64 (spec.Shapes.FDim * columns + (if shape.Distilled then 2 else 1))
        && output.shape = [| 2L; int64 shape.Labels |])
