using AstDsl.Network.Checkpoints;
using AstDsl.Network.Transfer;
using AstDsl.TestSupport;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>
/// Transfers and forwards leave no tensor of theirs alive: loaded checkpoints and intermediates are disposed, not left
/// to the finalizer (which runs late and, for a base384 checkpoint, keeps hundreds of MB resident meanwhile).
/// </summary>
/// <remarks>TorchSharp counts live tensors per thread, so collections and other tests cannot disturb the count.</remarks>
public sealed class TensorLifetimeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("astdsl-life-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(GoldenCases.DeitSafetensors)]
    [InlineData(GoldenCases.DeitPth)]
    public void ImageNet_transfer_from_a_file_disposes_the_loaded_state_dict(string checkpoint)
    {
        using var model = new AstModel(GoldenCases.Options("sc128"));
        Assert.Equal(0, LiveTensorsAdded(() => ImageNetTransfer.Apply(model, Golden.PathOf(checkpoint))));
    }

    [Fact]
    public void AudioSet_transfer_from_a_file_disposes_the_loaded_state_dict()
    {
        var source = new AstOptions { LabelCount = 527, InputTDim = 1024, Width = 48, Depth = 1, Heads = 4 };
        var path = Path.Combine(dir, "audioset.safetensors");
        using (var audioset = new AstModel(source)) StateDictFile.Write(path, AstStateDict.Of(audioset));
        using var model = new AstModel(source with { LabelCount = 10, InputTDim = 512 });
        Assert.Equal(0, LiveTensorsAdded(() => AudioSetTransfer.Apply(model, path)));
    }

    [Fact]
    public void Forward_keeps_only_its_output()
    {
        using var model = new AstModel(new AstOptions { LabelCount = 5, InputTDim = 128, Width = 48, Depth = 2, Heads = 4 });
        model.eval();
        using var input = randn(2, 128, 128);
        Assert.Equal(0, LiveTensorsAdded(() =>
        {
            using var noGrad = no_grad();
            model.forward(input).Dispose();
        }));
    }

    private static long LiveTensorsAdded(Action action)
    {
        var statistics = DisposeScopeManager.Statistics.TensorStatistics;
        var before = statistics.ThreadTotalLiveCount;
        action();
        return statistics.ThreadTotalLiveCount - before;
    }
}
