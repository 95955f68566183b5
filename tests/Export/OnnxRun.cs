using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace AstDsl.Export.Tests;

/// <summary>Runs an exported model with ONNX Runtime on TorchSharp tensors and returns its outputs as tensors.</summary>
public static class OnnxRun
{
    public static Dictionary<string, Tensor> Run(string modelPath, string inputName, Tensor input)
    {
        using var session = new InferenceSession(modelPath);
        using var contiguous = input.to(float32).contiguous();
        var dense = new DenseTensor<float>(contiguous.data<float>().ToArray(), contiguous.shape.Select(d => (int)d).ToArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, dense)]);
        return results.ToDictionary(r => r.Name, r =>
        {
            var t = r.AsTensor<float>();
            return tensor(t.ToArray(), t.Dimensions.ToArray().Select(d => (long)d).ToArray());
        });
    }
}
