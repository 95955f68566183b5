namespace AstDsl.CodeGen.Emit;

/// <summary>The runtime enum member for each option word of the language.</summary>
internal static class EnumNames
{
    public static string Pretrain(string kind) => kind switch
    {
        "imagenet" => "ImageNet",
        "audioset" => "AudioSet",
        _ => "None",
    };

    public static string BadFile(string policy) => policy == "skip" ? "Skip" : "Fail";

    public static string Loss(string loss) => loss == "ce" ? "Ce" : "Bce";

    public static string Schedule(string kind) => kind switch
    {
        "constant" => "Constant",
        "plateau" => "Plateau",
        _ => "MultiStep",
    };
}
