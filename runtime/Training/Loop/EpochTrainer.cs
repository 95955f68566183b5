using TorchSharp;
using AstDsl.Training.Errors;
using AstDsl.Training.Progress;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>
/// One pass over the training batches: forward, loss, backward (of the loss scaled for float16), optional gradient
/// accumulation and clipping, optimiser step with the scheduled learning rate. Stops with a typed error on a non-finite loss and, when
/// cancelled, at the next optimiser-step boundary so the saved state is consistent.
/// </summary>
internal static class EpochTrainer
{
    public static EpochOutcome Run(TrainingContext context, int epoch, int skip, double lossSum, CancellationToken cancel)
    {
        var model = context.Model;
        var recipe = context.Recipe;
        var batches = context.Train.BatchesPerEpoch;
        var accumulation = recipe.AccumulationSteps;
        // Held for the whole epoch: an implicit Scalar can be finalized mid-call (see Optimization/AdamUpdate).
        using var accumulationScalar = accumulation.ToScalar();
        var done = skip;
        var pending = 0;
        model.train();
        context.Optimizer.zero_grad();
        foreach (var batch in context.Train.Batches(epoch, skip))
        {
            using (batch)
            using (NewDisposeScope())
            {
                if (pending == 0)
                {
                    context.Schedule.BeforeStep(context.GlobalStep);
                    context.Schedule.ApplyTo(context.Optimizer);
                }
                var loss = context.Objective is { } objective
                    ? objective.Loss(model, batch, context.Device, epoch, done)
                    : recipe.Loss.Compute(model.forward(batch.Features.to(context.Device)), batch.Targets.to(context.Device));
                var value = loss.item<float>();
                if (!float.IsFinite(value))
                    throw new NonFiniteLossException(epoch, context.GlobalStep, value, context.Schedule.LearningRate, context.LastGoodCheckpoint);
                context.Scaler.Scaled(accumulation == 1 ? loss : loss.div(accumulationScalar)).backward();
                lossSum += value;
                done++;
                pending++;
                context.Meter.Add(batch.Size);
            }
            if (pending < accumulation && done < batches) continue;
            Step(context);
            pending = 0;
            context.Reporter.Step(Snapshot(context, epoch, done, batches, lossSum / done));
            if (cancel.IsCancellationRequested && done < batches) return new EpochOutcome(lossSum, done, Interrupted: true);
        }
        return new EpochOutcome(lossSum, done, Interrupted: false);
    }

    private static void Step(TrainingContext context)
    {
        var outcome = OptimizerStep.Take(context.Model.parameters().ToArray(), context.Optimizer, context.Scaler, context.Recipe.ClipNorm);
        context.Optimizer.zero_grad();
        context.GlobalStep++;
        if (!outcome.Applied) context.SkippedSteps.Record(context.GlobalStep, outcome.ScaleBefore, outcome.ScaleAfter);
    }

    private static StepProgress Snapshot(TrainingContext context, int epoch, int done, int batches, double meanLoss)
    {
        var batchesLeft = (long)(context.Epochs - epoch) * batches + (batches - done);
        return new StepProgress(epoch, context.Epochs, done, batches, context.GlobalStep, meanLoss,
            context.Schedule.LearningRate, context.Meter.ClipsPerSecond, context.Meter.Remaining(batchesLeft));
    }
}
