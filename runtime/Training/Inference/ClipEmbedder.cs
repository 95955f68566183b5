using static TorchSharp.torch;

namespace AstDsl.Training.Inference;

/// <summary>What <c>astc embed</c> extracts from each clip.</summary>
/// <param name="Layer">Transformer block (1-based) whose output is taken; null: the final LayerNorm output the head sees.</param>
/// <param name="PerToken">Every token (tokens, D) instead of the pooled (D) vector.</param>
public sealed record EmbeddingOptions(int? Layer = null, bool PerToken = false);

/// <summary>
/// Clip embeddings (<c>astc embed</c>): each file goes through the same front end as evaluation (first model-input
/// frames, padded or cut, normalised), then the model's token outputs, pooled as the head's input unless per token.
/// </summary>
public static class ClipEmbedder
{
    /// <summary>One row per file, stacked: (files, D) pooled or (files, tokens, D) per token, float32 on the CPU.</summary>
    public static Tensor Embed(ClipClassifier classifier, IReadOnlyList<string> files, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        if (files.Count == 0) throw new ArgumentException("no audio files to embed.");
        using var scope = NewDisposeScope();
        var rows = new List<Tensor>(files.Count);
        using (no_grad())
            foreach (var file in files)
            {
                using var input = classifier.Pipeline.Process(file).unsqueeze(0).to(classifier.Device);
                using var tokens = classifier.Model.Tokens(input, options.Layer);
                rows.Add((options.PerToken ? tokens.clone() : classifier.Model.PoolTokens(tokens))[0].cpu());
            }
        return stack(rows.ToArray()).MoveToOuterDisposeScope();
    }
}
