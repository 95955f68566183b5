using Xunit;

// Every test trains or seeds through torch's single global generator; running them concurrently would make the
// determinism and resume comparisons depend on thread timing.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
