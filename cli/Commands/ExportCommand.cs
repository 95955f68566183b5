using System.CommandLine;
using System.Globalization;
using AstDsl.Cli.Console;
using AstDsl.Export;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc export CHECKPOINT|RUN --onnx model.onnx [--frontend]</c>: the trained network as an ONNX model, optionally
/// starting from 16 kHz samples through the Kaldi fbank, for ONNX Runtime and the AstDsl.Tagging library.
/// </summary>
public static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var checkpoint = new Argument<FileSystemInfo>("checkpoint") { Description = "A checkpoint written by astc run, a run directory (its best weights), an official AST .pth/.safetensors or a Hugging Face folder." };
        var onnx = new Option<FileInfo>("--onnx") { Description = "The ONNX file to write.", Required = true };
        var frontEnd = new Option<bool>("--frontend") { Description = "Start the graph from mono float samples at the model's rate (front end included)." };
        var import = new ImportFlags();
        var command = new Command("export", "Export a trained model as ONNX (opset 17).") { checkpoint, onnx, frontEnd };
        import.AddTo(command);
        command.SetAction(result => UserErrors.Guard(() =>
        {
            var target = result.GetValue(onnx)!.FullName;
            var withFrontEnd = result.GetValue(frontEnd);
            OnnxExporter.ExportCheckpoint(result.GetValue(checkpoint)!.FullName, target, withFrontEnd, import.Read(result));
            var megabytes = new FileInfo(target).Length / 1e6;
            System.Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "wrote {0} ({1:F1} MB, input: {2})",
                target, megabytes, withFrontEnd ? "waveform [batch, samples]" : "features [batch, frames, mel bins]"));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
