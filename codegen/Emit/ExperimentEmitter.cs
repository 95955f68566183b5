using AstDsl.Dsl.Resolved;
using Scriban;

namespace AstDsl.CodeGen.Emit;

/// <summary>Renders the C# experiment class of a resolved spec from the embedded Scriban template.</summary>
internal static class ExperimentEmitter
{
    private const string TemplateResource = "AstDsl.CodeGen.Templates.Experiment.scriban";

    private static readonly Lazy<Template> ExperimentTemplate = new(LoadTemplate);

    /// <summary>The C# source of <paramref name="spec"/>'s experiment class.</summary>
    public static string Render(ResolvedSpec spec) =>
        ExperimentTemplate.Value.Render(new ExperimentView(spec), member => member.Name);

    private static Template LoadTemplate()
    {
        using var stream = typeof(ExperimentEmitter).Assembly.GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"embedded template {TemplateResource} is missing from the generator assembly");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), TemplateResource);
        if (template.HasErrors)
            throw new InvalidOperationException($"template {TemplateResource} does not parse: {string.Join("; ", template.Messages)}");
        return template;
    }
}
