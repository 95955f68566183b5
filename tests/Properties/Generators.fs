/// Random specs: model shapes as spec text, arbitrary syntax trees, and damaged texts.
module AstDsl.Properties.Tests.Generators

open System
open System.IO
open AstDsl.Dsl.Syntax
open AstDsl.Dsl.Text
open AstDsl.Contract
open FsCheck
open FsCheck.FSharp

/// A small model shape; every field is valid, so the spec must check.
type Shape =
    { FPatch: int
      TPatch: int
      FStride: int
      TStride: int
      MelBins: int
      Frames: int
      Heads: int
      HeadDim: int
      Depth: int
      MlpRatio: int
      Labels: int
      Distilled: bool
      FreqTime: bool
      /// The patchout as spec text: none, structured(freq: f, time: t) or unstructured(share).
      Patchout: string }

    member s.Width = s.Heads * s.HeadDim

/// Shapes kept tiny so that building and running the real model stays fast.
let shapes =
    gen {
        // Rectangular patches and independent strides, as SSAST's (fshape x tshape, fstride x tstride).
        let! fpatch = Gen.choose (1, 6)
        let! tpatch = Gen.choose (1, 6)
        let! fstride = Gen.choose (1, fpatch)
        let! tstride = Gen.choose (1, tpatch)
        let! melBins = Gen.choose (fpatch, fpatch + 12)
        let! frames = Gen.choose (tpatch, tpatch + 24)
        let! heads = Gen.choose (1, 3)
        let! headDim = Gen.choose (1, 4)
        let! depth = Gen.choose (1, 2)
        let! mlp = Gen.choose (1, 3)
        let! labels = Gen.choose (1, 5)
        let! distilled = Gen.elements [ true; false ]
        let! freqTime = Gen.elements [ true; false ]
        let fDim = (melBins - fpatch) / fstride + 1
        let tDim = (frames - tpatch) / tstride + 1
        // Patchout that leaves at least one patch (AST0028 refuses the rest).
        let! patchout =
            Gen.oneof
                [ Gen.constant "none"
                  Gen.map2 (sprintf "structured(freq: %d, time: %d)") (Gen.choose (0, fDim - 1)) (Gen.choose (0, tDim - 1))
                  Gen.map (sprintf "unstructured(%g)") (Gen.elements [ 0.0; 0.25; 0.5; 0.9 ]) ]
        return
            { FPatch = fpatch; TPatch = tpatch; FStride = fstride; TStride = tstride; MelBins = melBins; Frames = frames
              Heads = heads; HeadDim = headDim; Depth = depth; MlpRatio = mlp; Labels = labels; Distilled = distilled
              FreqTime = freqTime; Patchout = patchout }
    }

/// The spec text of a shape, with the layout varied (semicolons, comments, blank lines) so layout never matters.
let specText (s: Shape) (semicolons: bool) =
    let sep = if semicolons then "; " else "\n  "
    String.concat "\n" [
        "# generated"
        "experiment shape"
        sprintf "features { mel_bins = %d%starget_length = %d frames }" s.MelBins sep s.Frames
        sprintf "model {\n  patch = %d x %d%sstride = %d x %d%swidth = %d // custom width" s.FPatch s.TPatch sep s.FStride s.TStride sep s.Width
        sprintf "  position = %s%spatchout = %s" (if s.FreqTime then "freqtime" else "grid") sep s.Patchout
        sprintf "  heads = %d%sdepth = %d%smlp_ratio = %d" s.Heads sep s.Depth sep s.MlpRatio
        sprintf "  labels = %d%stokens = %s\n}" s.Labels sep (if s.Distilled then "distilled" else "cls")
        "data { train = \"t.json\"; eval = \"e.json\"; label_csv = \"l.csv\" }"
    ]

let private letters = [ 'a' .. 'z' ] @ [ 'A' .. 'Z' ] @ [ '_' ]

let identifiers =
    gen {
        let! first = Gen.elements letters
        let! rest = Gen.listOfLength 4 (Gen.elements (letters @ [ '0' .. '9' ])) |> Gen.resize 4
        let! length = Gen.choose (0, 4)
        return String(first :: List.truncate length rest |> List.toArray)
    }

let private numberTexts =
    gen {
        let! whole = Gen.choose (0, 5000)
        let! fraction = Gen.choose (0, 999)
        let! exponent = Gen.choose (-9, 9)
        let! negative = Gen.elements [ false; false; true ]
        let! form = Gen.choose (0, 2)
        let digits =
            match form with
            | 0 -> string whole
            | 1 -> sprintf "%d.%d" whole fraction
            | _ -> sprintf "%de%d" whole exponent
        return (if negative then "-" else "") + digits
    }

let private number (unit: string option) (text: string) =
    NumberSyntax(text, Double.Parse(text, Globalization.CultureInfo.InvariantCulture), Option.toObj unit, SourceSpan())

let private stringValues =
    Gen.elements [ 'a'; 'Z'; ' '; '"'; '\\'; '\n'; '\t'; '/'; '#'; '{'; '}'; 'é'; '0' ]
    |> Gen.listOf
    |> Gen.map (fun chars -> String(List.toArray chars))

let private units = Gen.elements [ None; None; Some "Hz"; Some "kHz"; Some "ms"; Some "s"; Some "frames"; Some "bins"; Some "steps" ]

let rec private values depth : Gen<ValueSyntax> =
    let leaves =
        [ Gen.map2 (fun unit text -> number unit text :> ValueSyntax) units numberTexts
          Gen.map (fun s -> StringSyntax(s, SourceSpan()) :> ValueSyntax) stringValues
          Gen.map (fun name -> IdentifierSyntax(name, SourceSpan()) :> ValueSyntax) identifiers
          Gen.map2 (fun a b -> PairSyntax(number None a, number None b, SourceSpan()) :> ValueSyntax) numberTexts numberTexts
          Gen.map2 (fun a b -> RangeSyntax(number None a, number None b, SourceSpan()) :> ValueSyntax) numberTexts numberTexts ]
    if depth = 0 then
        Gen.oneof leaves
    else
        let items = Gen.choose (0, 3) |> Gen.bind (fun n -> Gen.listOfLength n (values (depth - 1)))
        let argument =
            Gen.map2
                (fun (name: string option) value -> ArgumentSyntax(Option.toObj name, value, SourceSpan()))
                (Gen.optionOf identifiers)
                (values (depth - 1))
        let call =
            Gen.map2
                (fun name args -> CallSyntax(name, ValueList<ArgumentSyntax>(args), SourceSpan()) :> ValueSyntax)
                identifiers
                (Gen.choose (0, 3) |> Gen.bind (fun n -> Gen.listOfLength n argument))
        Gen.oneof (
            leaves
            @ [ Gen.map (fun xs -> ListSyntax(ValueList<ValueSyntax>(xs), SourceSpan()) :> ValueSyntax) items
                Gen.map (fun xs -> TupleSyntax(ValueList<ValueSyntax>(xs), SourceSpan()) :> ValueSyntax) items
                call ]
        )

let private fields =
    Gen.map2 (fun key value -> FieldSyntax(key, value, SourceSpan())) identifiers (values 2)

let private blocks =
    Gen.map2
        (fun name fs -> BlockSyntax(name, ValueList<FieldSyntax>(fs), SourceSpan()))
        identifiers
        (Gen.choose (0, 5) |> Gen.bind (fun n -> Gen.listOfLength n fields))

/// Arbitrary syntax trees (not necessarily valid specs), positions cleared.
let syntaxTrees =
    gen {
        let! name = identifiers
        let! extends = Gen.optionOf stringValues
        let! bs = Gen.choose (0, 4) |> Gen.bind (fun n -> Gen.listOfLength n blocks)
        let extendsSyntax = extends |> Option.map (fun path -> StringSyntax(path, SourceSpan())) |> Option.toObj
        return SpecSyntax(name, extendsSyntax, ValueList<BlockSyntax>(bs), SourceSpan())
    }

/// The shipped specs, read from the copies next to the test assembly.
let shippedSpecs =
    [ "audioset"; "audioset_balanced"; "esc50"; "speechcommands"; "demo" ]
    |> List.map (fun name ->
        let path = Path.Combine(AppContext.BaseDirectory, "models", name + ".ast")
        path, File.ReadAllText path)

let private fragments =
    [ "{"; "}"; "="; ";"; ".."; " x "; "\""; "("; ")"; "["; "]"; ","; ":"; "#"; "//"; "\n"; "1e999"; "-"; "99999999999"
      " kHz"; " s"; "experiment"; "extends"; "model"; "labels"; "heads = 0"; "\\"; "\u0000"; "é"; "on"; "off"; "0.5" ]

type private Mutation =
    | Delete of start: int * length: int
    | Insert of at: int * text: string
    | DuplicateLine of line: int

let private apply (text: string) mutation =
    let clamp i = max 0 (min text.Length i)
    match mutation with
    | Delete(start, length) ->
        let s = clamp start
        text.Remove(s, min length (text.Length - s))
    | Insert(at, fragment) -> text.Insert(clamp at, fragment)
    | DuplicateLine line ->
        let lines = text.Split('\n')
        let i = line % lines.Length
        String.Join("\n", Array.insertAt i lines[i] lines)

/// A shipped spec with 1-5 random edits: deletions, inserted grammar fragments, duplicated lines.
let damagedSpecs =
    gen {
        let! path, text = Gen.elements shippedSpecs
        let mutation =
            Gen.oneof
                [ Gen.map2 (fun s l -> Delete(s, l)) (Gen.choose (0, text.Length)) (Gen.choose (1, 40))
                  Gen.map2 (fun a f -> Insert(a, f)) (Gen.choose (0, text.Length)) (Gen.elements fragments)
                  Gen.map DuplicateLine (Gen.choose (0, 200)) ]
        let! count = Gen.choose (1, 5)
        let! mutations = Gen.listOfLength count mutation
        return path, List.fold apply text mutations
    }
