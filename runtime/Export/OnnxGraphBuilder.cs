using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace AstDsl.Export;

/// <summary>
/// Appends nodes and constant tensors to an ONNX graph under readable, unique names. Every method returns the name of
/// the tensor it produced, so graph code reads as a chain of operations.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private const int FloatType = 1;
    private const int Int64Type = 7;
    private int _counter;

    /// <summary>The graph being built.</summary>
    public GraphProto Graph { get; } = new() { Name = "ast" };

    /// <summary>A float constant of the given shape (stored as raw little-endian data).</summary>
    public string Constant(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Unique(name), DataType = FloatType, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values)) };
        tensor.Dims.AddRange(dims);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A float scalar constant (rank 0).</summary>
    public string Scalar(string name, float value) => Constant(name, [value]);

    /// <summary>A 1-d int64 constant (shapes, axes, indices).</summary>
    public string Int64s(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = Unique(name), DataType = Int64Type };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>An int64 scalar constant (rank 0), e.g. a Gather index or a Range bound.</summary>
    public string Int64Scalar(string name, long value)
    {
        var tensor = new TensorProto { Name = Unique(name), DataType = Int64Type };
        tensor.Int64Data.Add(value);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds one node with a single output and returns that output's name.</summary>
    public string Node(string op, string name, string[] inputs, params AttributeProto[] attributes) =>
        NodeWithOutput(op, name, Unique(name), inputs, attributes);

    /// <summary>Adds one node whose single output gets the given (graph-level) name.</summary>
    public string NodeWithOutput(string op, string name, string output, string[] inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = Unique(name + "/" + op) };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    /// <summary>Declares a float graph input or output; a null size is a symbolic dimension with the given symbol.</summary>
    public static ValueInfoProto FloatValue(string name, params (long? Size, string Symbol)[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var (size, symbol) in dims)
            shape.Dim.Add(size is { } fixedSize
                ? new TensorShapeProto.Types.Dimension { DimValue = fixedSize }
                : new TensorShapeProto.Types.Dimension { DimParam = symbol });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = FloatType, Shape = shape } },
        };
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>An integer-list attribute.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private string Unique(string name) => $"{name}_{_counter++}";
}
