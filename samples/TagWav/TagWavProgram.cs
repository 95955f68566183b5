using System.Globalization;
using AstDsl.Tagging;

namespace AstDsl.Samples.TagWav;

/// <summary>
/// <c>dotnet run --project samples/TagWav -- model.onnx clip.wav [top]</c>: prints the best labels of a clip, one
/// "label&lt;TAB&gt;score" line each, using a model written by <c>astc export RUN --onnx model.onnx --frontend</c>.
/// </summary>
public static class TagWavProgram
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the sample, writing results to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length is < 2 or > 3 || (args.Length == 3 && !int.TryParse(args[2], out _)))
        {
            error.WriteLine("usage: TagWav MODEL.onnx CLIP.wav [TOP]");
            return 1;
        }
        var top = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        try
        {
            using var tagger = AudioTagger.Load(args[0]);
            foreach (var tag in tagger.Classify(args[1], top))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag.Label}\t{tag.Score:F4}"));
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ArgumentException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
