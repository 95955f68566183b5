/// The inferred shapes and parameter count equal what the real AstModel has.
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
        spec.Shapes.FDim = (shape.MelBins - shape.Patch) / shape.FStride + 1
        && spec.Shapes.TDim = (shape.Frames - shape.Patch) / shape.TStride + 1
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
