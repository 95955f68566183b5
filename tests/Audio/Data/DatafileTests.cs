using AstDsl.Audio.Data;

namespace AstDsl.Audio.Tests.Data;

public sealed class DatafileTests
{
    private static LabelMap Labels() => new(["/m/a", "/m/b", "/m/c"], ["A", "B", "C"]);

    [Fact]
    public void Resolves_paths_relative_to_the_json_and_labels_to_indices()
    {
        using var dir = new TempDir();
        var path = dir.Write("sets/train.json",
            "{\"data\": [\n {\"video_id\": \"x\", \"wav\": \"../audio/a.wav\", \"labels\": \"/m/a,/m/c\"},\n {\"wav\": \"/abs/b.wav\", \"labels\": \"/m/b\"}\n]}");
        var entries = Datafile.Load(path, Labels());
        Assert.Equal(2, entries.Count);
        Assert.Equal(Path.GetFullPath(dir.File("audio/a.wav")), entries[0].Wav);
        Assert.Equal(new[] { 0, 2 }, entries[0].LabelIndices);
        Assert.Equal("/abs/b.wav", entries[1].Wav);
    }

    [Fact]
    public void Save_writes_relative_paths_that_load_back()
    {
        using var dir = new TempDir();
        var labels = Labels();
        var entries = new[] { DatafileEntry.Create(dir.File("audio/x.wav"), ["/m/b", "/m/a"], labels) };
        Datafile.Save(dir.File("json/d.json"), entries);
        Assert.Contains("\"../audio/x.wav\"", File.ReadAllText(dir.File("json/d.json")));
        var back = Datafile.Load(dir.File("json/d.json"), labels);
        Assert.Equal(entries[0].Wav, back[0].Wav);
        Assert.Equal(new[] { 1, 0 }, back[0].LabelIndices);
    }

    [Theory]
    [InlineData("{\"data\": [\n{\"wav\": \"a.wav\", \"labels\": \"/m/a\"},\n{\"wav\": \"b.wav\", \"labels\": \"/m/zz\"}]}", 3, "label '/m/zz'")]
    [InlineData("{\"data\": [\n{\"labels\": \"/m/a\"}]}", 2, "no \"wav\"")]
    [InlineData("{\"data\": [\n{\"wav\": \"a.wav\"}]}", 2, "no \"labels\"")]
    [InlineData("{\"data\": [\n{\"wav\": 3, \"labels\": \"/m/a\"}]}", 2, "must be a string")]
    [InlineData("{\"data\": [\n{\"wav\": \"a.wav\",, }]}", 2, "invalid JSON")]
    [InlineData("{\"items\": []}", 0, "no \"data\" array")]
    [InlineData("[1, 2]", 1, "must be a JSON object")]
    public void Malformed_datafiles_name_file_line_and_problem(string json, int line, string problem) =>
        FormatErrorAssert.Rejects("bad.json", json, path => Datafile.Load(path, Labels()), line, problem);
}
