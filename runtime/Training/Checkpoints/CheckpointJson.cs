using System.Text.Json;
using System.Text.Json.Serialization;

namespace AstDsl.Training.Checkpoints;

/// <summary>JSON settings shared by checkpoint headers: NaN and infinities survive (metrics and the plateau state use them).</summary>
internal static class CheckpointJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
