using Xunit;

// The tests redirect the process-wide console to capture what astc prints; they cannot overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
