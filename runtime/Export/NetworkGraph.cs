using AstDsl.Network;

namespace AstDsl.Export;

/// <summary>
/// The AST network as ONNX operations (opset 17): Conv patch embedding, class/distillation tokens, position embeddings,
/// pre-norm transformer blocks (LayerNormalization, MatMul/Softmax attention, exact erf GELU), the final norm, the
/// pooled embedding and the classifier head (LayerNorm + Gemm). Batch size is symbolic.
/// </summary>
internal sealed class NetworkGraph(OnnxGraphBuilder g, AstOptions options, StateDictWeights weights)
{
    // LayerNorm epsilons follow the weights' convention (official: 1e-6 backbone, 1e-5 head; Hugging Face: 1e-12).
    private float BackboneEps => (float)options.BackboneLayerNormEps;

    /// <summary>Appends the network reading <paramref name="features"/> (batch, T, F) and naming its outputs as given.</summary>
    public void Append(string features, string embeddingOutput, string logitsOutput)
    {
        var tokens = Tokens(features);
        for (var i = 0; i < options.Depth; i++) tokens = Block(tokens, $"v.blocks.{i}");
        tokens = LayerNorm(tokens, "v.norm", BackboneEps);
        Pool(tokens, embeddingOutput);
        var normed = LayerNorm(embeddingOutput, "mlp_head.0", (float)options.HeadLayerNormEps);
        g.NodeWithOutput("Gemm", "mlp_head.1", logitsOutput,
            [normed, Weight("mlp_head.1.weight", options.LabelCount, options.Width), Weight("mlp_head.1.bias", options.LabelCount)],
            OnnxGraphBuilder.Int("transB", 1));
    }

    // (B, T, F) -> tokens + position embeddings (B, N, D).
    private string Tokens(string features)
    {
        var d = options.Width;
        // (B, T, F) -> (B, 1, F, T): image height is frequency, width is time, as the official forward.
        var image = g.Node("Unsqueeze", "v.input", [g.Node("Transpose", "v.input", [features], OnnxGraphBuilder.Ints("perm", 0, 2, 1)), g.Int64s("axis", 1)]);
        var conv = g.Node("Conv", "v.patch_embed.proj",
            [image, Weight("v.patch_embed.proj.weight", d, 1, options.FPatch, options.TPatch), Weight("v.patch_embed.proj.bias", d)],
            OnnxGraphBuilder.Ints("kernel_shape", options.FPatch, options.TPatch), OnnxGraphBuilder.Ints("strides", options.FStride, options.TStride));
        // (B, D, f, t) -> (B, f * t, D): frequency-major token order.
        var flat = g.Node("Reshape", "v.patch_embed", [conv, g.Int64s("shape", 0, d, -1)]);
        var patches = g.Node("Transpose", "v.patch_embed", [flat], OnnxGraphBuilder.Ints("perm", 0, 2, 1));

        var special = options.DistillationToken
            ? g.Node("Concat", "v.special", [Weight("v.cls_token", 1, 1, d), Weight("v.dist_token", 1, 1, d)], OnnxGraphBuilder.Int("axis", 1))
            : Weight("v.cls_token", 1, 1, d);
        var batch = g.Node("Shape", "v.batch", [patches], OnnxGraphBuilder.Int("start", 0), OnnxGraphBuilder.Int("end", 1));
        var specialShape = g.Node("Concat", "v.special", [batch, g.Int64s("special_shape", options.SpecialTokenCount, d)], OnnxGraphBuilder.Int("axis", 0));
        var expanded = g.Node("Expand", "v.special", [special, specialShape]);
        var tokens = g.Node("Concat", "v.tokens", [expanded, patches], OnnxGraphBuilder.Int("axis", 1));
        return g.Node("Add", "v.pos_embed", [tokens, Weight("v.pos_embed", 1, options.TokenCount, d)]);
    }

    private string Block(string x, string prefix)
    {
        var attended = Attention(LayerNorm(x, $"{prefix}.norm1", BackboneEps), $"{prefix}.attn");
        x = g.Node("Add", prefix, [x, attended]);
        var mlp = Mlp(LayerNorm(x, $"{prefix}.norm2", BackboneEps), $"{prefix}.mlp");
        return g.Node("Add", prefix, [x, mlp]);
    }

    private string Attention(string x, string prefix)
    {
        var (d, heads, headDim) = (options.Width, options.Heads, options.HeadDim);
        // The fused qkv Linear as three MatMuls on its row blocks [0, D), [D, 2D), [2D, 3D): q, k, v.
        string Project(int part, long[] perm)
        {
            var w = g.Constant($"{prefix}.qkv.w{part}", weights.TransposedRows($"{prefix}.qkv.weight", part * d, d, 3 * d, d), d, d);
            var bias = weights.Values($"{prefix}.qkv.bias", 3 * d).AsSpan(part * d, d);
            var y = g.Node("Add", $"{prefix}.qkv", [g.Node("MatMul", $"{prefix}.qkv", [x, w]), g.Constant($"{prefix}.qkv.b{part}", bias, d)]);
            var split = g.Node("Reshape", $"{prefix}.heads", [y, g.Int64s("heads_shape", 0, 0, heads, headDim)]);
            return g.Node("Transpose", $"{prefix}.heads", [split], OnnxGraphBuilder.Ints("perm", perm));
        }
        var q = Project(0, [0, 2, 1, 3]);      // (B, H, N, hd)
        var kT = Project(1, [0, 2, 3, 1]);     // (B, H, hd, N)
        var v = Project(2, [0, 2, 1, 3]);      // (B, H, N, hd)
        var scores = g.Node("Mul", $"{prefix}.scale", [g.Node("MatMul", $"{prefix}.scores", [q, kT]), g.Scalar("scale", (float)(1 / Math.Sqrt(headDim)))]);
        var attn = g.Node("Softmax", $"{prefix}.softmax", [scores], OnnxGraphBuilder.Int("axis", -1));
        var context = g.Node("Transpose", $"{prefix}.context", [g.Node("MatMul", $"{prefix}.context", [attn, v])], OnnxGraphBuilder.Ints("perm", 0, 2, 1, 3));
        var merged = g.Node("Reshape", $"{prefix}.context", [context, g.Int64s("merge_shape", 0, 0, d)]);
        return Linear(merged, $"{prefix}.proj", d, d);
    }

    private string Mlp(string x, string prefix)
    {
        var hidden = options.Width * options.MlpRatio;
        var h = Linear(x, $"{prefix}.fc1", options.Width, hidden);
        // Exact GELU: 0.5 x (1 + erf(x / sqrt 2)).
        var erf = g.Node("Erf", $"{prefix}.act", [g.Node("Div", $"{prefix}.act", [h, g.Scalar("sqrt2", MathF.Sqrt(2f))])]);
        var gate = g.Node("Add", $"{prefix}.act", [erf, g.Scalar("one", 1f)]);
        var gelu = g.Node("Mul", $"{prefix}.act", [g.Node("Mul", $"{prefix}.act", [h, gate]), g.Scalar("half", 0.5f)]);
        return Linear(gelu, $"{prefix}.fc2", hidden, options.Width);
    }

    // Mean of the class and distillation token outputs (or the class token alone): (B, D).
    private void Pool(string tokens, string output)
    {
        if (options.DistillationToken)
        {
            var special = g.Node("Slice", "pool", [tokens, g.Int64s("starts", 0), g.Int64s("ends", 2), g.Int64s("axes", 1)]);
            g.NodeWithOutput("ReduceMean", "pool", output, [special], OnnxGraphBuilder.Ints("axes", 1), OnnxGraphBuilder.Int("keepdims", 0));
        }
        else
        {
            g.NodeWithOutput("Gather", "pool", output, [tokens, g.Int64Scalar("cls_index", 0)], OnnxGraphBuilder.Int("axis", 1));
        }
    }

    private string Linear(string x, string prefix, int inputs, int outputs)
    {
        var w = g.Constant($"{prefix}.weight", weights.Transposed($"{prefix}.weight", outputs, inputs), inputs, outputs);
        return g.Node("Add", prefix, [g.Node("MatMul", prefix, [x, w]), Weight($"{prefix}.bias", outputs)]);
    }

    private string LayerNorm(string x, string prefix, float eps) =>
        g.Node("LayerNormalization", prefix,
            [x, Weight($"{prefix}.weight", options.Width), Weight($"{prefix}.bias", options.Width)],
            OnnxGraphBuilder.Int("axis", -1), OnnxGraphBuilder.Float("epsilon", eps));

    private string Weight(string key, params long[] shape) => g.Constant(key, weights.Values(key, shape), shape);
}
