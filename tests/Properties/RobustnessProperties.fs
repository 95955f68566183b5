/// Whatever the input, the front end returns diagnostics and never throws.
module AstDsl.Properties.Tests.RobustnessProperties

open System.Text
open AstDsl.Dsl
open AstDsl.Dsl.Loading
open AstDsl.Dsl.Printing
open AstDsl.Dsl.Serialization
open AstDsl.Properties.Tests.Generators
open FsCheck.FSharp
open FsCheck.Xunit

/// Runs every entry point on one spec file; true when nothing threw and every diagnostic has a real position.
let private survives (files: (string * string) list) (path: string) =
    let fs = InMemoryFileSystem(files |> Seq.map (fun (p, t) -> System.Collections.Generic.KeyValuePair(p, t)))
    let result = SpecCompiler.Load(path, fs)
    let text = files |> List.find (fun (p, _) -> p = path) |> snd
    SpecFormatter.Format(text, path) |> ignore
    match result.Spec with
    | null -> ()
    | spec -> SpecYaml.Serialize spec |> ignore
    (result.Succeeded || result.Diagnostics |> Seq.exists (fun d -> d.IsError))
    && result.Diagnostics |> Seq.forall (fun d -> d.Span.Line >= 1 && d.Span.Column >= 1 && d.Message <> "")

[<Property(MaxTest = 300)>]
let ``random strings never make the checker throw`` (text: string | null) =
    let text = match text with null -> "" | t -> t
    survives [ "r.ast", text ] "r.ast"

[<Property(MaxTest = 300)>]
let ``random bytes never make the checker throw`` (bytes: byte array | null) =
    let bytes = match bytes with null -> [||] | b -> b
    survives [ "u.ast", Encoding.UTF8.GetString bytes ] "u.ast" && survives [ "l.ast", Encoding.Latin1.GetString bytes ] "l.ast"

[<Property(MaxTest = 500)>]
let ``damaged shipped specs never make the checker throw`` () =
    Prop.forAll (Arb.fromGen damagedSpecs) (fun (path, damaged) ->
        let others = shippedSpecs |> List.filter (fun (p, _) -> p <> path)
        survives ((path, damaged) :: others) path)
