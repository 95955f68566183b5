using System.CommandLine;
using System.Globalization;
using AstDsl.Cli.Console;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Inference;
using Spectre.Console;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc infer CHECKPOINT FILE [--top 5] [--window N] [--hop N]</c>: label probabilities for a clip; audio longer than the model
/// input also gets a per-window table from a sliding window.
/// </summary>
public static class InferCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var checkpoint = new Argument<FileInfo>("checkpoint") { Description = "A checkpoint written by astc run (or a run directory), an official AST .pth/.safetensors or a Hugging Face folder." };
        var wav = new Argument<FileInfo>("wav") { Description = "Audio file (WAV, FLAC, Ogg Vorbis or MP3)." };
        var top = new Option<int>("--top") { Description = "How many labels to show.", DefaultValueFactory = _ => 5 };
        var window = WindowOptions.Window();
        var hop = WindowOptions.Hop();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var precision = CommonOptions.Precision();
        var import = new ImportFlags();
        var command = new Command("infer", "Classify an audio file with a trained model.") { checkpoint, wav, top, window, hop, device, threads, precision };
        import.AddTo(command);
        command.SetAction(result => UserErrors.Guard(() =>
        {
            CommonOptions.ApplyThreads(result.GetValue(threads));
            var count = result.GetValue(top);
            if (count < 1) throw new ArgumentException($"--top {count}: use at least 1.");
            using var classifier = new ClipClassifier(ModelEvaluator.ResolveCheckpoint(result.GetValue(checkpoint)!.FullName), result.GetValue(device)!,
                import.Read(result), result.GetValue(precision));
            CheckpointPrinter.PrintNotes(classifier);
            Print(classifier.Classify(result.GetValue(wav)!.FullName, count, result.GetValue(window), result.GetValue(hop)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(InferenceResult result)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var warning in result.Warnings) System.Console.Error.WriteLine($"warning: {warning}");
        if (result.Windows.Count > 1)
        {
            var windows = new Table().AddColumn("window").AddColumn("top labels");
            foreach (var window in result.Windows)
                windows.AddRow(Markup.Escape(string.Format(c, "{0,7:F2}-{1,7:F2} s", window.StartSeconds, window.EndSeconds)),
                    Markup.Escape(string.Join(", ", window.Top.Select(s => string.Format(c, "{0} {1:F3}", s.Name, s.Probability)))));
            AnsiConsole.Write(windows);
        }
        var clip = new Table().AddColumn("label").AddColumn(new TableColumn("probability").RightAligned());
        clip.Title = new TableTitle(Markup.Escape(string.Format(c, "{0} ({1:F2} s{2})", Path.GetFileName(result.File), result.DurationSeconds,
            result.Reliable ? "" : ", unreliable")));
        foreach (var score in result.Top) clip.AddRow(Markup.Escape(score.Name), score.Probability.ToString("F4", c));
        AnsiConsole.Write(clip);
    }
}
