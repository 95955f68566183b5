using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AstDsl.Audio.Streaming;
using AstDsl.Cli.Console;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Inference;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc tag RUN [INPUT] [--stream]</c>: one line per window with its time and top labels, either over a whole file
/// or, with <c>--stream</c>, live from stdin (<c>-</c>) or a growing file.
/// </summary>
public static class TagCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var checkpoint = new Argument<FileInfo>("checkpoint") { Description = "A checkpoint written by astc run (or a run directory)." };
        var input = new Argument<string>("input") { Description = "Audio file, or - for standard input (with --stream).", DefaultValueFactory = _ => "-" };
        var stream = new Option<bool>("--stream") { Description = "Read PCM as it arrives (WAV header, or raw s16le with --rate) and tag each window as soon as it is complete." };
        var rate = new Option<int?>("--rate") { Description = "Headerless 16-bit little-endian PCM at this rate (Hz); any rate, resampled to the model's." };
        var channels = new Option<int>("--channels") { Description = "Channels of headerless PCM.", DefaultValueFactory = _ => 1 };
        var follow = new Option<double>("--follow") { Description = "For a file being written: seconds to wait for more audio before ending.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of text." };
        var top = new Option<int>("--top") { Description = "How many labels per window.", DefaultValueFactory = _ => 3 };
        var window = WindowOptions.Window();
        var hop = WindowOptions.Hop();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var precision = CommonOptions.Precision();
        var import = new ImportFlags();
        var command = new Command("tag", "Top labels per window of a long file or a live PCM stream.")
            { checkpoint, input, stream, rate, channels, follow, json, top, window, hop, device, threads, precision };
        import.AddTo(command);
        command.SetAction(result => UserErrors.Guard(() =>
        {
            CommonOptions.ApplyThreads(result.GetValue(threads));
            var count = result.GetValue(top);
            if (count < 1) throw new ArgumentException($"--top {count}: use at least 1.");
            var path = result.GetValue(input)!;
            using var classifier = new ClipClassifier(ModelEvaluator.ResolveCheckpoint(result.GetValue(checkpoint)!.FullName), result.GetValue(device)!, import.Read(result), result.GetValue(precision));
            CheckpointPrinter.PrintNotes(classifier);
            var schedule = classifier.Schedule(result.GetValue(window), result.GetValue(hop));
            Action<WindowPrediction> print = result.GetValue(json) ? PrintJson : PrintText;
            if (!result.GetValue(stream))
            {
                if (path == "-") throw new ArgumentException("reading standard input needs --stream.");
                var clip = classifier.Classify(path, count, schedule.Window, schedule.Hop);
                foreach (var w in clip.Windows.Count > 0 ? clip.Windows : [classifier.Window(0, schedule.Window, clip.Top)]) print(w);
                return ExitCodes.Ok;
            }
            using var source = path == "-" ? System.Console.OpenStandardInput() : File.OpenRead(path);
            var pcm = PcmStream.Open(source, path == "-" ? "standard input" : path, result.GetValue(rate), result.GetValue(channels),
                TimeSpan.FromSeconds(result.GetValue(follow)));
            StreamTagger.Run(classifier, pcm, schedule, count, print);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void PrintText(WindowPrediction window)
    {
        var c = CultureInfo.InvariantCulture;
        System.Console.WriteLine(string.Format(c, "{0,8:F2} {1,8:F2}  {2}", window.StartSeconds, window.EndSeconds,
            string.Join(", ", window.Top.Select(s => string.Format(c, "{0} {1:F3}", s.Name, s.Probability)))));
        System.Console.Out.Flush();
    }

    private static void PrintJson(WindowPrediction window)
    {
        System.Console.WriteLine(JsonSerializer.Serialize(new
        {
            start = Math.Round(window.StartSeconds, 3),
            end = Math.Round(window.EndSeconds, 3),
            top = window.Top.Select(s => new { label = s.Name, index = s.Index, probability = Math.Round(s.Probability, 5) }),
        }));
        System.Console.Out.Flush();
    }
}
