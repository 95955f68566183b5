using System.CommandLine;
using AstDsl.Audio.Data;
using AstDsl.Cli.Console;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Inference;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc embed CHECKPOINT INPUT --out PATH [--per-token] [--layer N]</c>: clip embeddings of a datafile, a folder
/// (every .wav, .flac, .ogg and .mp3 in it, recursively) or one file, as .npy or .safetensors plus a row index.
/// </summary>
public static class EmbedCommand
{
    private static readonly string[] AudioExtensions = [".wav", ".flac", ".ogg", ".mp3"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var checkpoint = new Argument<FileInfo>("checkpoint") { Description = "A checkpoint written by astc run (or a run directory)." };
        var input = new Argument<string>("input") { Description = "A datafile (.json), a folder of audio files, or one audio file." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write: .npy or .safetensors (an index PATH.index.csv goes beside it).", Required = true };
        var perToken = new Option<bool>("--per-token") { Description = "Every token's output (files, tokens, D) instead of the pooled (files, D)." };
        var layer = new Option<int?>("--layer") { Description = "Output of transformer block N (1-based) instead of the final LayerNorm." };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var precision = CommonOptions.Precision();
        var import = new ImportFlags();
        var command = new Command("embed", "Clip embeddings (the pooled input of the classifier head, or tokens) of audio files.")
            { checkpoint, input, output, perToken, layer, device, threads, precision };
        import.AddTo(command);
        command.SetAction(result => UserErrors.Guard(() =>
        {
            CommonOptions.ApplyThreads(result.GetValue(threads));
            var files = Files(result.GetValue(input)!);
            using var classifier = new ClipClassifier(ModelEvaluator.ResolveCheckpoint(result.GetValue(checkpoint)!.FullName), result.GetValue(device)!, import.Read(result), result.GetValue(precision));
            CheckpointPrinter.PrintNotes(classifier);
            using var embeddings = ClipEmbedder.Embed(classifier, files, new EmbeddingOptions(result.GetValue(layer), result.GetValue(perToken)));
            var path = result.GetValue(output)!.FullName;
            EmbeddingFile.Write(path, embeddings, files);
            System.Console.WriteLine($"{path}: {string.Join(" x ", embeddings.shape)} float32; rows listed in {EmbeddingFile.IndexPath(path)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static IReadOnlyList<string> Files(string input)
    {
        if (Directory.Exists(input))
        {
            var found = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => AudioExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToArray();
            return found.Length > 0 ? found : throw new ArgumentException($"{input}: the folder holds no .wav, .flac, .ogg or .mp3 files.");
        }
        if (!File.Exists(input)) throw new FileNotFoundException($"{input}: no such file or folder.");
        return Path.GetExtension(input).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? Datafile.LoadUnlabelled(input).Select(e => e.Wav).ToArray()
            : [Path.GetFullPath(input)];
    }
}
