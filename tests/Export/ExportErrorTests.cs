using AstDsl.Network.Tests;
using Xunit;

namespace AstDsl.Export.Tests;

/// <summary>Weights that do not fit the description are refused with the weight, both shapes, and no file left behind.</summary>
public sealed class ExportErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("astdsl-onnx-").FullName;

    [Fact]
    public void Weights_of_another_input_length_name_the_weight_and_both_shapes()
    {
        var stateDict = GoldenCases.FullStateDict(GoldenCases.CaseFile("sc128"));
        var options = GoldenCases.Options("sc128") with { InputTDim = 100 };
        var path = Path.Combine(_dir, "wrong.onnx");

        var error = Assert.Throws<ExportException>(() =>
            OnnxExporter.Export(new ExportDescription { Experiment = "sc128", Network = options }, stateDict, path, frontEnd: false, source: "sc128.astckpt"));

        Assert.Equal("sc128.astckpt: weight 'v.pos_embed' has shape [1, 146, 192], the model description needs [1, 110, 192].", error.Message);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Front_end_that_does_not_fit_the_network_is_refused()
    {
        var stateDict = GoldenCases.FullStateDict(GoldenCases.CaseFile("sc128"));
        var description = new ExportDescription { Experiment = "sc128", Network = GoldenCases.Options("sc128") }; // pipeline: 1024 frames

        var error = Assert.Throws<ExportException>(() =>
            OnnxExporter.Export(description, stateDict, Path.Combine(_dir, "x.onnx"), frontEnd: true));

        Assert.Equal("the front end makes 1024 x 128 features but the network reads 128 x 128.", error.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
