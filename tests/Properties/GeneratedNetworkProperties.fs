/// The generated networks: random valid specs go through the real generator, compiled in memory as `astc run` does,
/// and the network class it writes has the shapes the language infers.
module AstDsl.Properties.Tests.GeneratedNetworkProperties

open System.IO
open AstDsl.Hosting
open AstDsl.Properties.Tests.Generators
open FsCheck.FSharp
open FsCheck.Xunit
open TorchSharp

/// The spec of a shape, written to a file of its own and compiled by the generator in memory.
let private compileInMemory shape =
    let folder = Directory.CreateTempSubdirectory "astdsl-property-"
    try
        let path = Path.Combine(folder.FullName, "shape.ast")
        File.WriteAllText(path, specText shape false)
        ExperimentCompiler.Compile path
    finally
        folder.Delete true

// Each case is a Roslyn compilation (about a second), so the case count is kept small.
[<Property(MaxTest = 16)>]
let ``a generated network has the inferred output shape and parameter count`` () =
    Prop.forAll (Arb.fromGen shapes) (fun shape ->
        let compiled = compileInMemory shape
        let spec = nonNull compiled.Spec
        use network = (nonNull compiled.Experiment).CreateModel()
        let parameters = network.parameters () |> Seq.sumBy (fun p -> p.numel ())
        use input = torch.randn (2L, int64 spec.Model.InputTDim, int64 spec.Model.InputFDim)
        use output = network.forward input
        network.GetType().Name = "ShapeNetwork"
        && parameters = spec.Shapes.ParameterCount
        && output.shape = [| 2L; int64 spec.Model.LabelCount |])
