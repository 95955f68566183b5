/// The formatter is a faithful inverse of the parser.
module AstDsl.Properties.Tests.RoundTripProperties

open AstDsl.Dsl
open AstDsl.Dsl.Parsing
open AstDsl.Dsl.Printing
open AstDsl.Properties.Tests.Generators
open FsCheck.FSharp
open FsCheck.Xunit
open Xunit

[<Property(MaxTest = 500)>]
let ``parse (print tree) = tree for arbitrary syntax trees`` () =
    Prop.forAll (Arb.fromGen syntaxTrees) (fun tree ->
        let parsed = SpecParser.Parse(SpecPrinter.Print tree, "p.ast")
        parsed.Succeeded && (nonNull parsed.Syntax).WithoutPositions() = tree.WithoutPositions())

[<Property>]
let ``formatting is idempotent and keeps the structure of valid specs`` () =
    Prop.forAll (Arb.fromGen (Gen.zip shapes (Gen.elements [ true; false ]))) (fun (shape, semicolons) ->
        let original = nonNull (SpecParser.Parse(specText shape semicolons, "s.ast").Syntax)
        let once = SpecPrinter.Print original
        let reparsed = nonNull (SpecParser.Parse(once, "s.ast").Syntax)
        reparsed.WithoutPositions() = original.WithoutPositions() && SpecPrinter.Print reparsed = once)

[<Fact>]
let ``shipped specs survive formatting unchanged in meaning`` () =
    shippedSpecs
    |> List.iter (fun (path, text) ->
        let formatted = nonNull (SpecFormatter.Format(text, path).Text)
        let original = nonNull (SpecParser.Parse(text, path).Syntax)
        let reformatted = nonNull (SpecParser.Parse(formatted, path).Syntax)
        let standalone = isNull original.Extends
        Assert.Equal(original.WithoutPositions(), reformatted.WithoutPositions())
        if standalone then
            let model text = (nonNull (SpecCompiler.Compile(text, path).Spec)).Model
            Assert.Equal(model text, model formatted))
