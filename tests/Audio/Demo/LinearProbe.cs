using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Demo;

/// <summary>One-vs-rest logistic regression on standardised features (Adam, full batch), scored by mAP.</summary>
internal static class LinearProbe
{
    public static double FitAndScore(float[,] trainX, float[,] trainY, float[,] testX, float[,] testY)
    {
        using var scope = NewDisposeScope();
        var x = tensor(trainX);
        var y = tensor(trainY);
        var mean = x.mean([0L], keepdim: true);
        var std = x.std([0L], keepdim: true) + 1e-6;
        x = (x - mean) / std;
        var w = new TorchSharp.Modules.Parameter(zeros(x.shape[1], y.shape[1]));
        var b = new TorchSharp.Modules.Parameter(zeros(y.shape[1]));
        using var optimizer = optim.Adam([w, b], lr: 0.05);
        for (var step = 0; step < 400; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(x.matmul(w) + b, y);
            loss.backward();
            optimizer.step();
        }
        using (no_grad())
        {
            var scores = ((tensor(testX) - mean) / std).matmul(w) + b;
            var rows = (int)scores.shape[0];
            var cols = (int)scores.shape[1];
            var flat = scores.data<float>().ToArray();
            var s = new float[rows, cols];
            Buffer.BlockCopy(flat, 0, s, 0, flat.Length * sizeof(float));
            return AveragePrecision.Mean(s, testY);
        }
    }
}
