using AstDsl.Training.Data;
using AstDsl.Training.Optimization;
using static TorchSharp.torch;

namespace AstDsl.Training.Evaluation;

/// <summary>Runs a model over an evaluation set, as the official validate(): eval mode, no gradients, sigmoid scores.</summary>
public static class Predictor
{
    /// <summary>Predictions of <paramref name="model"/> on every batch of <paramref name="data"/>, and the mean loss.</summary>
    public static (Predictions Predictions, double Loss) Predict(nn.Module<Tensor, Tensor> model, IBatchSource data, LossFunction loss, Device? device = null)
    {
        var wasTraining = model.training;
        model.eval();
        var scores = new List<float>();
        var targets = new List<float>();
        int rows = 0, classes = 0;
        double lossSum = 0;
        try
        {
            using var noGrad = no_grad();
            foreach (var batch in data.Batches(1))
            {
                using (batch)
                using (var scope = NewDisposeScope())
                {
                    var features = device is null ? batch.Features : batch.Features.to(device);
                    var y = device is null ? batch.Targets : batch.Targets.to(device);
                    var logits = model.forward(features);
                    lossSum += loss.Compute(logits, y).item<float>() * batch.Size;
                    scores.AddRange(LossFunction.EvaluationScores(logits).cpu().data<float>());
                    targets.AddRange(y.cpu().to(float32).data<float>());
                    rows += batch.Size;
                    classes = (int)logits.shape[1];
                }
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        if (rows == 0) throw new Errors.TrainingException("the evaluation set is empty; check the eval datafile.");
        return (new Predictions(scores.ToArray(), targets.ToArray(), rows, classes), lossSum / rows);
    }
}
