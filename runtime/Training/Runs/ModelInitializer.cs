using AstDsl.Network;
using AstDsl.Network.Transfer;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Runs;

/// <summary>The initial model of a run: the spec's shape, then the pretrained weights the spec names.</summary>
public static class ModelInitializer
{
    /// <summary>Wraps <paramref name="createModel"/> so that it also transfers ImageNet or AudioSet weights.</summary>
    /// <exception cref="TrainingConfigurationException">Pretraining is requested without a checkpoint path.</exception>
    public static Func<AstNetwork> WithPretraining(ExperimentDefinition definition, Func<AstNetwork> createModel)
    {
        var pretrain = definition.Pretrain;
        if (pretrain.Kind == PretrainKind.None) return createModel;
        if (string.IsNullOrWhiteSpace(pretrain.CheckpointPath))
            throw new TrainingConfigurationException("model.pretrain", $"{pretrain.Kind} pretraining needs a checkpoint path.");
        var path = DataFileLocator.Existing(definition, pretrain.CheckpointPath, "model.pretrain");
        return () =>
        {
            var model = createModel();
            if (pretrain.Kind == PretrainKind.ImageNet) ImageNetTransfer.Apply(model, path);
            else if (pretrain.Kind == PretrainKind.Ssl) ApplySsl(model, path);
            else AudioSetTransfer.Apply(model, path);
            return model;
        };
    }

    private static void ApplySsl(AstNetwork model, string path)
    {
        var checkpoint = TrainingCheckpoint.Load(path);
        var weights = checkpoint.StateDict();
        try
        {
            SslTransfer.Apply(model, weights, checkpoint.Metadata.Model, path);
        }
        finally
        {
            foreach (var tensor in weights.Values) tensor.Dispose();
        }
    }
}
