using System.Globalization;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Experiments;

namespace AstDsl.Cli.Console;

/// <summary>Prints what a loaded model is: shape, input, activation, numerics, and for imported weights what was derived or assumed.</summary>
public static class CheckpointPrinter
{
    /// <summary>Writes a short description of <paramref name="metadata"/> to standard output.</summary>
    public static void Print(ModelMetadata metadata)
    {
        var m = metadata.Model;
        var f = metadata.Features;
        System.Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "model: width {0}, depth {1}, {2} heads, patch {3} x {4} stride {5} x {6}, grid {7} x {8}, {9}, {10} outputs ({11}), {12} position embeddings",
            m.Width, m.Depth, m.Heads, m.FPatch, m.TPatch, m.FStride, m.TStride, m.FDim, m.TDim,
            m.DistillationToken ? "cls+dist tokens" : "cls token", m.LabelCount, metadata.Loss == LossKind.Bce ? "sigmoid" : "softmax",
            LanguageWords.Of(m.Position)));
        System.Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "input: {0} frames x {1} mel bins at {2} Hz, normalised with mean {3} / std {4}", f.TargetLength, f.MelBins, f.SampleRate, f.NormMean, f.NormStd));
        WriteNotes(metadata, System.Console.Out);
    }

    /// <summary>
    /// Writes what was derived or assumed on import (if anything), then the numerical convention, to standard error:
    /// commands whose output is data (<c>tag --json</c>, tables) keep standard output clean.
    /// </summary>
    public static void PrintNotes(ModelMetadata metadata) => WriteNotes(metadata, System.Console.Error);

    /// <summary>The notes of <see cref="PrintNotes(ModelMetadata)"/> for a loaded classifier, and a warning when its precision is slow here.</summary>
    public static void PrintNotes(Training.Inference.ClipClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        PrintNotes(classifier.Metadata);
        if (classifier.PrecisionWarning is { } slow) System.Console.Error.WriteLine($"warning: {slow}");
    }

    private static void WriteNotes(ModelMetadata metadata, TextWriter writer)
    {
        var convention = metadata.ConventionSummary();
        foreach (var note in metadata.Notes.Where(n => n != convention)) writer.WriteLine($"note: {note}");
        writer.WriteLine(convention);
    }
}
