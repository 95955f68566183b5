using AstDsl.Network.Devices;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

public sealed class DeviceSelectorTests
{
    [Fact]
    public void Cpu_and_auto_resolve_on_a_cpu_machine()
    {
        Assert.Equal(DeviceType.CPU, DeviceSelector.Resolve("cpu").type);
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, DeviceSelector.Resolve("auto").type);
    }

    [Theory]
    [InlineData("gpu", "expected auto, cpu, cuda or cuda:N")]
    [InlineData("cuda:x", "CUDA")]
    public void Bad_device_is_explained(string spec, string fragment)
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceSelector.Resolve(spec));
        Assert.Contains(fragment, error.Message);
    }
}
