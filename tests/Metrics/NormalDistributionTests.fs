module AstDsl.Metrics.Tests.NormalDistributionTests

open System
open AstDsl.Metrics
open Xunit

// Reference quantiles of the standard normal to 16 digits (tables of Phi^-1, e.g. scipy.stats.norm.ppf).
[<Theory>]
[<InlineData(0.5, 0.0)>]
[<InlineData(0.975, 1.959963984540054)>]
[<InlineData(0.9, 1.2815515655446004)>]
[<InlineData(0.75, 0.6744897501960817)>]
[<InlineData(0.025, -1.959963984540054)>]
[<InlineData(0.999, 3.090232306167813)>]
[<InlineData(1e-10, -6.361340902404056)>]
let ``inverse CDF matches reference quantiles`` (p: float, expected: float) =
    Assert.Equal(expected, NormalDistribution.inverseCdf p, 12)

[<Fact>]
let ``inverse CDF is antisymmetric around one half`` () =
    // Powers of two keep 1 - p exact, so any asymmetry is the algorithm's.
    for p in [ 2.0 ** -40.0; 2.0 ** -20.0; 0.0078125; 0.25; 0.375 ] do
        Assert.Equal(-NormalDistribution.inverseCdf p, NormalDistribution.inverseCdf (1.0 - p), 9)

[<Fact>]
let ``inverse CDF edges follow scipy`` () =
    Assert.Equal(Double.NegativeInfinity, NormalDistribution.inverseCdf 0.0)
    Assert.Equal(Double.PositiveInfinity, NormalDistribution.inverseCdf 1.0)
    Assert.True(Double.IsNaN(NormalDistribution.inverseCdf 1.5))

[<Fact>]
let ``d-prime of chance AUC is zero`` () = Assert.Equal(0.0, NormalDistribution.dPrime 0.5)
