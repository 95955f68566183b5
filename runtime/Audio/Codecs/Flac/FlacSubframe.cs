namespace AstDsl.Audio.Codecs.Flac;

/// <summary>
/// Decodes one channel of one frame: a constant, verbatim samples, or a fixed/LPC prediction plus Rice-coded residuals,
/// with "wasted" low zero bits shifted back in. Arithmetic is 64-bit so 32-bit streams and side channels cannot overflow.
/// </summary>
internal static class FlacSubframe
{
    public static void Decode(FlacBitReader reader, int bits, long[] output, int count)
    {
        if (reader.Bits(1, "a subframe header") != 0) throw reader.Error("a subframe header must start with a zero bit");
        var type = (int)reader.Bits(6, "a subframe header");
        var wasted = 0;
        if (reader.Bits(1, "a subframe header") == 1) wasted = reader.Unary("a subframe header") + 1;
        if (wasted >= bits) throw reader.Error($"{wasted} wasted bits of {bits}-bit samples");
        bits -= wasted;
        switch (type)
        {
            case 0:
                var value = ReadSample(reader, bits);
                Array.Fill(output, value, 0, count);
                break;
            case 1:
                for (var i = 0; i < count; i++) output[i] = ReadSample(reader, bits);
                break;
            case >= 8 and <= 12:
                Predicted(reader, bits, output, count, type - 8, lpc: false);
                break;
            case >= 32:
                Predicted(reader, bits, output, count, type - 31, lpc: true);
                break;
            default:
                throw reader.Error($"reserved subframe type {type}");
        }
        if (wasted > 0)
            for (var i = 0; i < count; i++) output[i] <<= wasted;
    }

    private static long ReadSample(FlacBitReader reader, int bits) =>
        bits <= 32 ? reader.Signed(bits, "subframe samples") : ((long)reader.Signed(bits - 32, "subframe samples") << 32) | reader.Bits(32, "subframe samples");

    private static void Predicted(FlacBitReader reader, int bits, long[] output, int count, int order, bool lpc)
    {
        if (order > count) throw reader.Error($"predictor order {order} exceeds the block size {count}");
        for (var i = 0; i < order; i++) output[i] = ReadSample(reader, bits);
        long[] coefficients;
        var shift = 0;
        if (lpc)
        {
            var precision = (int)reader.Bits(4, "LPC parameters") + 1;
            if (precision == 16) throw reader.Error("invalid LPC coefficient precision (code 15)");
            shift = reader.Signed(5, "LPC parameters");
            if (shift < 0) throw reader.Error($"negative LPC shift {shift}");
            coefficients = new long[order];
            for (var i = 0; i < order; i++) coefficients[i] = reader.Signed(precision, "LPC coefficients");
        }
        else
        {
            coefficients = FixedCoefficients[order];
        }
        ReadResidual(reader, output, count, order);
        for (var i = order; i < count; i++)
        {
            long prediction = 0;
            for (var j = 0; j < coefficients.Length; j++) prediction += coefficients[j] * output[i - 1 - j];
            output[i] += prediction >> shift;
        }
    }

    // The fixed predictors of orders 0-4 are LPC filters with these integer coefficients and no shift.
    private static readonly long[][] FixedCoefficients = [[], [1], [2, -1], [3, -3, 1], [4, -6, 4, -1]];

    private static void ReadResidual(FlacBitReader reader, long[] output, int count, int order)
    {
        var method = reader.Bits(2, "a residual header");
        if (method > 1) throw reader.Error($"reserved residual coding method {method}");
        var parameterBits = method == 0 ? 4 : 5;
        var escape = (1u << parameterBits) - 1;
        var partitionOrder = (int)reader.Bits(4, "a residual header");
        var partitions = 1 << partitionOrder;
        if (count % partitions != 0 || count / partitions < order)
            throw reader.Error($"residual partition order {partitionOrder} does not fit a block of {count} samples");
        var index = order;
        for (var p = 0; p < partitions; p++)
        {
            var samples = count / partitions - (p == 0 ? order : 0);
            var parameter = reader.Bits(parameterBits, "a residual partition");
            if (parameter == escape)
            {
                var raw = (int)reader.Bits(5, "a residual partition");
                for (var i = 0; i < samples; i++) output[index++] = reader.Signed(raw, "residuals");
                continue;
            }
            var k = (int)parameter;
            for (var i = 0; i < samples; i++)
            {
                var quotient = (ulong)reader.Unary("residuals");
                var folded = (quotient << k) | reader.Bits(k, "residuals");
                output[index++] = (long)(folded >> 1) ^ -(long)(folded & 1);
            }
        }
    }
}
