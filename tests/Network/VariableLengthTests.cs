using AstDsl.Torch;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>A model trained at one clip length runs at others: grid positions adapt, frequency/time positions are cut.</summary>
public sealed class VariableLengthTests
{
    // 4 patch rows; 64 trained frames give 8 columns.
    private static AstOptions Small(PositionKind position) => TinyGrid.Options with { Position = position };

    [Theory]
    [InlineData(PositionKind.Grid, 24)]
    [InlineData(PositionKind.Grid, 100)]
    [InlineData(PositionKind.FreqTime, 24)]
    [InlineData(PositionKind.FreqTime, 64)]
    public void Other_lengths_give_batch_by_labels_and_their_own_token_count(PositionKind position, int frames)
    {
        using var model = new AstModel(Small(position));
        model.eval();
        using var noGrad = no_grad();
        using var input = randn(2, frames, 32);
        using var output = model.forward(input);
        Assert.Equal(new long[] { 2, 3 }, output.shape);
        using var tokens = model.Tokens(input);
        Assert.Equal(1 + 4 * ((frames - 8) / 8 + 1), tokens.shape[1]);
    }

    [Fact]
    public void Freqtime_is_refused_beyond_its_time_embeddings_with_the_fix()
    {
        using var model = new AstModel(Small(PositionKind.FreqTime));
        using var input = randn(1, 72, 32);
        var e = Assert.Throws<ArgumentException>(() => model.forward(input).Dispose());
        Assert.Contains("8 to 64 frames (trained on 64)", e.Message);
    }

    /// <summary>
    /// Frequency/time embeddings are a grid embedding of a special form: the grid model whose rows are
    /// freq[f] + time[t] computes the same logits, at the trained length and (with its first columns) at a shorter one.
    /// </summary>
    [Theory]
    [InlineData(64)]
    [InlineData(40)]
    public void Freqtime_equals_the_grid_model_with_summed_embeddings(int frames)
    {
        using var freqTime = new AstModel(Small(PositionKind.FreqTime));
        var columns = (frames - 8) / 8 + 1;
        var shorter = Small(PositionKind.Grid) with { InputTDim = frames };
        using var grid = new AstModel(shorter);
        var weights = freqTime.state_dict();
        using (no_grad())
        {
            var positions = weights["v.freq_new_pos_embed"].add(weights["v.time_new_pos_embed"].narrow(3, 0, columns), HeldScalars.One)
                .flatten(2).transpose(1, 2);
            var gridWeights = weights.Where(p => !p.Key.Contains("pos_embed", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
            gridWeights["v.pos_embed"] = cat(new[] { weights["v.new_pos_embed"], positions }, 1);
            grid.load_state_dict(gridWeights);
        }
        freqTime.eval();
        grid.eval();
        using var noGrad = no_grad();
        using var input = randn(2, frames, 32);
        using var expected = grid.forward(input);
        using var actual = freqTime.forward(input);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }
}
