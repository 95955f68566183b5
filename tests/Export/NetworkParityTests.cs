using AstDsl.Network;
using AstDsl.Network.Tests;
using AstDsl.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace AstDsl.Export.Tests;

/// <summary>
/// The exported network (no front end) run by ONNX Runtime against the official PyTorch logits of the six golden
/// configurations and against the TorchSharp model with the same weights.
/// </summary>
public sealed class NetworkParityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("astdsl-onnx-").FullName;

    [Theory]
    [MemberData(nameof(GoldenCases.Names), MemberType = typeof(GoldenCases))]
    public void Logits_and_embedding_match_the_official_code_and_TorchSharp(string name)
    {
        var caseFile = GoldenCases.CaseFile(name);
        var stateDict = GoldenCases.FullStateDict(caseFile);
        var options = GoldenCases.Options(name);
        var path = Path.Combine(_dir, name + ".onnx");
        OnnxExporter.Export(new ExportDescription { Experiment = name, Network = options }, stateDict, path, frontEnd: false);

        var outputs = OnnxRun.Run(path, "features", caseFile["input"]);

        output.WriteLine($"{name}: logits max abs diff vs official {TensorAssert.MaxAbsDiff(outputs["logits"], caseFile["output"]):G3}");
        TensorAssert.RelativelyClose(outputs["logits"], caseFile["output"], 1e-4, $"{name} ONNX logits vs official");
        TensorAssert.RelativelyClose(outputs["embedding"], caseFile["pooled"], 1e-4, $"{name} ONNX embedding vs official");
        using var model = new AstModel(options);
        using (no_grad())
        {
            model.load_state_dict(stateDict.Where(kv => !kv.Key.StartsWith("v.head", StringComparison.Ordinal)).ToDictionary(), strict: true);
            model.eval();
            using var torchLogits = model.forward(caseFile["input"]);
            TensorAssert.RelativelyClose(outputs["logits"], torchLogits, 1e-4, $"{name} ONNX logits vs TorchSharp");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
