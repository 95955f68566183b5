using Xunit;

namespace AstDsl.Network.Tests;

/// <summary>
/// Tests that compare two runs drawing from torch's process-wide generator (initialisation, dropout): they run alone,
/// since a test on another thread drawing in between would make the two runs differ.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRandomCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "global random state";
}
