using AstDsl.Models.Generated;

namespace AstDsl.Network.Tests;

/// <summary>
/// The golden cases with both networks: the hand-written <see cref="AstModel"/> and the one its spec
/// (tests/Network/Specs/golden_*.ast) generates. Apart from <see cref="GoldenCases"/>, which other test projects link
/// without the generator.
/// </summary>
public static class GoldenNetworks
{
    private static readonly Dictionary<string, Func<AstNetwork>> Generated = new()
    {
        ["as1024"] = () => new GoldenAs1024Network(),
        ["esc512"] = () => new GoldenEsc512Network(),
        ["sc128"] = () => new GoldenSc128Network(),
        ["nooverlap100"] = () => new GoldenNooverlap100Network(),
        ["dense6"] = () => new GoldenDense6Network(),
        ["asym"] = () => new GoldenAsymNetwork(),
    };

    /// <summary>Every case with both networks (case name, generated).</summary>
    public static IEnumerable<object[]> NamesAndNetworks =>
        GoldenCases.CaseNames.SelectMany(k => new[] { new object[] { k, false }, new object[] { k, true } });

    /// <summary>A fresh network of case <paramref name="name"/>: generated from its spec, or the hand-written model.</summary>
    public static AstNetwork Network(string name, bool generated) => generated ? Generated[name]() : new AstModel(GoldenCases.Options(name));
}
