using AstDsl.Audio.Features;
using AstDsl.Network.Tests;
using AstDsl.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace AstDsl.Export.Tests;

/// <summary>
/// The exported front end (graph input: samples) against the official dataloader's model inputs in shared/golden
/// (section D), by the golden README's rule: log-mel within 1e-3 where the reference is above -9, energies within
/// 1e-3 relative + 1e-6 of the clip's largest everywhere, padded rows bit-exact.
/// </summary>
public sealed class FrontEndParityTests(ITestOutputHelper output) : IDisposable
{
    private const double NormScale = 2 * (double)ClipPipelineOptions.AudioSetStd;
    private readonly string _dir = Directory.CreateTempSubdirectory("astdsl-onnx-").FullName;

    [Theory]
    [InlineData("noise16k", "input", "as1024")]
    [InlineData("sweep16k", "input", "as1024")]
    [InlineData("speech16k", "input", "as1024")]
    [InlineData("speech16k", "input_t128", "sc128")]
    public void Exported_front_end_matches_the_official_model_input(string clip, string inputKey, string network)
    {
        var golden = Golden.Load("fbank.safetensors");
        var caseFile = GoldenCases.CaseFile(network);
        var options = GoldenCases.Options(network);
        var path = Path.Combine(_dir, network + ".onnx");
        var description = new ExportDescription
        {
            Experiment = network, Network = options, Pipeline = new ClipPipelineOptions { TargetLength = options.InputTDim },
        };
        OnnxExporter.Export(description, GoldenCases.FullStateDict(caseFile), path, frontEnd: true);

        var features = OnnxRun.Run(path, "waveform", golden[$"{clip}_waveform"])["features"][0];
        var expected = golden[$"{clip}_{inputKey}"];
        var frames = Math.Min(golden[$"{clip}_fbank"].shape[0], options.InputTDim);

        using var scope = NewDisposeScope();
        var actualLog = features[..(int)frames].to(float64) * NormScale + ClipPipelineOptions.AudioSetMean;
        var referenceLog = expected[..(int)frames].to(float64) * NormScale + ClipPipelineOptions.AudioSetMean;
        var loud = referenceLog > -9;
        var logDiff = (actualLog - referenceLog).abs().masked_select(loud).max().item<double>();
        var energyDiff = (actualLog.exp() - referenceLog.exp()).abs();
        var allowance = referenceLog.exp() * 1e-3 + referenceLog.exp().max() * 1e-6;
        var used = (energyDiff / allowance).max().item<double>();
        output.WriteLine($"{clip}/{inputKey}: log-mel max diff where ref > -9: {logDiff:G3}; energy rule uses {used:G3} of its allowance");
        Assert.True(logDiff <= 1e-3, $"log-mel differs by {logDiff:G3} where the reference is above -9");
        Assert.True(used <= 1, $"energy differs by {used:G3} times the allowance");
        if (frames < options.InputTDim)
            TensorAssert.Equal(features[(int)frames..], expected[(int)frames..], "padded rows");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
