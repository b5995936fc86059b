using DocGen.Engine;

namespace DocGen.Tests.Support;

public static class Pipelines
{
    public static ReportPipeline Default { get; } = new(new TemplateLocator(Repo.Templates));
}
