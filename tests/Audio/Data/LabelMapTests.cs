using AstDsl.Audio.Data;

namespace AstDsl.Audio.Tests.Data;

public sealed class LabelMapTests
{
    [Fact]
    public void Reads_quoted_display_names_with_commas_and_escaped_quotes()
    {
        using var dir = new TempDir();
        var path = dir.Write("labels.csv",
            "index,mid,display_name\n0,/m/09x0r,\"Speech\"\n1,/m/05zppz,\"Male speech, man speaking\"\n2,/m/x,\"The \"\"big\"\" one\"\n");
        var map = LabelMap.Load(path);
        Assert.Equal(3, map.Count);
        Assert.Equal("Male speech, man speaking", map.DisplayNames[1]);
        Assert.Equal("The \"big\" one", map.DisplayNames[2]);
        Assert.True(map.TryGetIndex("/m/05zppz", out var index));
        Assert.Equal(1, index);
    }

    [Fact]
    public void Save_then_load_round_trips()
    {
        using var dir = new TempDir();
        var map = new LabelMap(["/m/a", "/m/b"], ["A, with comma", "B \"quoted\""]);
        map.Save(dir.File("out.csv"));
        var back = LabelMap.Load(dir.File("out.csv"));
        Assert.Equal(map.Mids, back.Mids);
        Assert.Equal(map.DisplayNames, back.DisplayNames);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("index,name\n0,a\n", 1, "no 'mid' column")]
    [InlineData("index,mid,display_name\n0,/m/a,\"open\n", 2, "quoted field is not closed")]
    [InlineData("index,mid,display_name\nzero,/m/a,A\n", 2, "not a non-negative integer")]
    [InlineData("index,mid,display_name\n0,/m/a,A\n0,/m/b,B\n", 3, "used twice")]
    [InlineData("index,mid,display_name\n0,/m/a,A\n5,/m/b,B\n", 3, "out of range")]
    [InlineData("index,mid,display_name\n0,/m/a,A\n1,/m/a,B\n", 3, "already appears on line 2")]
    public void Malformed_files_name_file_line_and_problem(string text, int line, string problem) =>
        FormatErrorAssert.Rejects("bad.csv", text, path => LabelMap.Load(path), line, problem);
}
