using AstDsl.Dsl.Printing;
using AstDsl.Dsl.Serialization;
using Xunit;
using YamlDotNet.Serialization;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Formatting;

public sealed class FormatterTests
{
    [Fact]
    public void Formatting_prints_the_canonical_layout()
    {
        var formatted = SpecFormatter.Format("""
            experiment  t extends "b.ast" # base
            model{labels=3;stride=10x10 ; pretrain audioset "x \"q\".pth"}
            train { optimizer = adam( lr :1e-5 ,betas:(0.9,0.99)) ; wa = 1 .. 5 }
            """, FileName);
        Assert.Equal("""
            experiment t extends "b.ast" # base

            model {
              labels = 3
              stride = 10 x 10
              pretrain = audioset("x \"q\".pth")
            }

            train {
              optimizer = adam(lr: 1e-5, betas: (0.9, 0.99))
              wa = 1..5
            }

            """.Replace("\r\n", "\n"), formatted.Text);
    }

    [Fact]
    public void Formatting_refuses_text_with_syntax_errors()
    {
        var formatted = SpecFormatter.Format("experiment t\nmodel { labels = }\n", FileName);
        Assert.Null(formatted.Text);
        Assert.Equal("AST0001", Assert.Single(formatted.Diagnostics).Id);
    }

    [Fact]
    public void Resolved_yaml_holds_every_section_and_the_inferred_shapes()
    {
        var spec = SpecCompiler.Load(Shipped("esc50")).Spec!;
        var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(SpecYaml.Serialize(spec));
        Assert.Equal("esc50", yaml["experiment"]);
        Assert.Equal(spec.SpecHash, yaml["spec_hash"]);
        var shapes = (Dictionary<object, object>)yaml["shapes"];
        Assert.Equal("12", shapes["f_dim"]);
        Assert.Equal("50", shapes["t_dim"]);
        Assert.Equal(spec.Shapes.ParameterCount.ToString(), shapes["parameters"]);
        var train = (Dictionary<object, object>)yaml["train"];
        Assert.Equal("ce", train["loss"]);
        Assert.Equal(new object[] { "acc", "mAP" }, (List<object>)((Dictionary<object, object>)yaml["evaluation"])["metrics"]);
    }
}
