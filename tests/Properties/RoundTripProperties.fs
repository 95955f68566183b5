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

/// Comments added at line ends and on lines of their own, as a researcher would write them.
let private commentedSpecs =
    gen {
        let! tree = syntaxTrees
        let lines = (SpecPrinter.Print tree).Split('\n')
        let! marks = Gen.listOfLength lines.Length (Gen.elements [ 0; 0; 1; 2 ])
        // A line ending in a backslash continues a string literal, so no comment may end it or start the next line.
        let insideString i = i > 0 && lines[i - 1].EndsWith "\\"
        let comment i mark =
            let line = lines[i]
            match mark with
            | 1 when not (line.EndsWith "\\") -> line + " # note"
            | 2 when not (insideString i) -> "  // aside\n" + line
            | _ -> line
        return tree, String.concat "\n" (List.mapi comment marks)
    }

[<Property(MaxTest = 300)>]
let ``formatting with comments is idempotent and keeps the tree`` () =
    Prop.forAll (Arb.fromGen commentedSpecs) (fun (tree, text) ->
        match SpecFormatter.Format(text, "c.ast").Text with
        | null -> false
        | once ->
            (nonNull (SpecParser.Parse(once, "c.ast").Syntax)).WithoutPositions() = tree.WithoutPositions()
            && SpecFormatter.Format(once, "c.ast").Text = once)
