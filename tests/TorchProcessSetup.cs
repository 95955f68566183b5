using System.Runtime.CompilerServices;

namespace AstDsl.Tests;

/// <summary>
/// Compiled into each torch test assembly (see its project file): the tests compute on the process settings astc runs
/// with, applied before any test's first tensor operation.
/// </summary>
internal static class TorchProcessSetup
{
#pragma warning disable CA2255 // A test assembly is this process's entry point for torch: nothing else would run it early enough.
    [ModuleInitializer]
    internal static void Prepare() => Torch.TorchProcess.Prepare();
#pragma warning restore CA2255
}
