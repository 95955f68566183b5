using System.Text.Json;
using System.Text.Json.Serialization;

namespace AstDsl.Network.Checkpoints;

/// <summary>Reads and writes the snake_case JSON files of a Hugging Face model folder, with errors naming the file.</summary>
internal static class HuggingFaceJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The JSON object in <paramref name="path"/>.</summary>
    public static T Read<T>(string path) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                   ?? throw new CheckpointException(path, "is empty; expected a JSON object.");
        }
        catch (JsonException e)
        {
            throw new CheckpointException(path, $"is not a valid Hugging Face {Path.GetFileName(path)} ({e.Message}).", e);
        }
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/>.</summary>
    public static void Write<T>(string path, T value) => File.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");
}
