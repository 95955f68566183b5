using System.CommandLine;
using AstDsl.Audio.Prepare;
using AstDsl.Cli.Console;

namespace AstDsl.Cli.Commands;

/// <summary><c>astc prepare esc50|speechcommands|weights ...</c>: turn public datasets into official datafiles.</summary>
public static class PrepareCommand
{
    /// <summary>Builds the command with its three subcommands.</summary>
    public static Command Create() => new("prepare", "Write datafiles and label CSVs for a public dataset.")
    {
        Esc50(), SpeechCommands(), Weights(),
    };

    private static Command Esc50()
    {
        var root = new Argument<DirectoryInfo>("dir") { Description = "ESC-50 root (meta/esc50.csv, audio/)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("data/esc50") };
        var command = new Command("esc50", "Five folds of ESC-50, resampled to 16 kHz.") { root, output };
        command.SetAction(result => UserErrors.Guard(() =>
        {
            var prepared = Esc50Preparer.Prepare(result.GetValue(root)!.FullName, result.GetValue(output)!.FullName);
            System.Console.WriteLine($"{prepared.Clips} clips; labels {prepared.LabelCsv}");
            foreach (var (train, eval) in prepared.TrainDatafiles.Zip(prepared.EvalDatafiles)) System.Console.WriteLine($"  {train}  {eval}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command SpeechCommands()
    {
        var root = new Argument<DirectoryInfo>("dir") { Description = "Speech Commands V2 root (validation_list.txt, testing_list.txt, one folder per word)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("data/speechcommands") };
        var command = new Command("speechcommands", "Train/valid/test datafiles of Speech Commands V2 (35 classes).") { root, output };
        command.SetAction(result => UserErrors.Guard(() =>
        {
            var prepared = SpeechCommandsPreparer.Prepare(result.GetValue(root)!.FullName, result.GetValue(output)!.FullName);
            System.Console.WriteLine($"{prepared.Classes} classes; train {prepared.Counts.Train} ({prepared.Train}), valid {prepared.Counts.Valid} ({prepared.Valid}), test {prepared.Counts.Eval} ({prepared.Eval}); labels {prepared.LabelCsv}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Weights()
    {
        var datafile = new Argument<FileInfo>("datafile") { Description = "Training datafile." };
        var labels = new Argument<FileInfo>("label_csv") { Description = "class_labels_indices.csv." };
        var command = new Command("weights", "Balanced-sampling weights for a datafile (as the official gen_weight_file).") { datafile, labels };
        command.SetAction(result => UserErrors.Guard(() =>
        {
            System.Console.WriteLine(WeightFile.Generate(result.GetValue(datafile)!.FullName, result.GetValue(labels)!.FullName));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
