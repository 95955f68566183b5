using AstDsl.Network.Pretraining;
using AstDsl.Training.Pretraining;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests.Pretraining;

/// <summary>SSAST's masking and objectives on tiny shapes.</summary>
public sealed class MaskedPatchTests
{
    // 32 mel bins x 64 frames in 16 x 16 patches: a 2 x 4 grid, patch p = f * 4 + t.
    private static readonly AstOptions Tiny = new()
    {
        LabelCount = 1, InputFDim = 32, InputTDim = 64, FStride = 16, TStride = 16, Width = 32, Depth = 2, Heads = 2,
    };

    [Fact]
    public void Masked_patches_never_reach_the_trunk_but_visible_ones_do()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new MaskedPatchModel(Tiny);
        model.eval();
        var frames = randn(2, 64, 32);
        var positions = tensor(new long[] { 1, 6, 0, 7 }, new long[] { 2, 2 });
        var mask = PatchMasking.Dense(positions, Tiny.PatchCount);
        Assert.Equal(new[] { false, true, false, false, false, false, true, false }, mask[0].data<bool>().ToArray());

        var changed = frames.clone();
        // Clip 0's patch 1 (f 0, t 1) and 6 (f 1, t 2); clip 1's patch 0 (f 0, t 0) and 7 (f 1, t 3): noise of another scale.
        foreach (var (clip, f, t) in new[] { (0, 0, 1), (0, 1, 2), (1, 0, 0), (1, 1, 3) })
            changed[clip, (t * 16)..((t + 1) * 16), (f * 16)..((f + 1) * 16)] = randn(16, 16).mul(100.0.ToScalar());
        using (no_grad())
        {
            var before = model.EncodeMasked(frames, mask);
            Assert.Equal(0, before.sub(model.EncodeMasked(changed, mask)).abs().max().item<float>());
            var visibleChanged = frames.clone();
            visibleChanged[0, 0..16, 0..16] = randn(16, 16);
            Assert.True(before.sub(model.EncodeMasked(visibleChanged, mask)).abs().max().item<float>() > 1e-3);
        }
    }

    [Fact]
    public void Masking_draws_the_exact_count_of_distinct_positions_in_square_clusters()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 50; trial++)
        {
            var single = PatchMasking.Positions(8, 64, 400, cluster: false, random);
            Assert.Equal(400, single.Distinct().Count());
            Assert.All(single, p => Assert.InRange(p, 0, 511));
            var clustered = PatchMasking.Positions(8, 64, 400, cluster: true, random);
            Assert.Equal(400, clustered.Distinct().Count());
            Assert.All(clustered, p => Assert.InRange(p, 0, 511));
        }
        // One cluster on an empty grid: the first 9 positions form a 3 x 3 (or larger) square block.
        var first = PatchMasking.Positions(10, 10, 9, cluster: true, new Random(1));
        var rows = first.Select(p => p / 10).Distinct().Count();
        var columns = first.Select(p => p % 10).Distinct().Count();
        Assert.True(rows <= 5 && columns <= 5 && rows * columns >= 9, $"rows {rows}, columns {columns}");
    }

    [Fact]
    public void InfoNCE_picks_each_prediction_s_own_patch_among_the_clip_s_masked_patches()
    {
        using var scope = NewDisposeScope();
        // Four masked patches of 16 pixels, orthogonal; predictions point at their own patch (right) or the next one (wrong).
        var patches = eye(4, 16).unsqueeze(0).mul(3.0.ToScalar());
        var right = patches.clone();
        var wrong = patches.roll(1, 1);
        var (rightLoss, rightAccuracy) = MaskedPatchLosses.InfoNce(right, patches);
        var (wrongLoss, wrongAccuracy) = MaskedPatchLosses.InfoNce(wrong, patches);
        Assert.Equal(1f, rightAccuracy.item<float>());
        Assert.Equal(0f, wrongAccuracy.item<float>());
        // Scores 9 for the own patch, 0 for the three others: -log(e^9 / (e^9 + 3)).
        Assert.Equal(Math.Log(1 + 3 * Math.Exp(-9)), rightLoss.item<float>(), 5);
        Assert.Equal(-Math.Log(1 / (Math.Exp(9) + 3)), wrongLoss.item<float>(), 3);
    }
}
