using System.CommandLine;
using DocGen.Engine;
using DocGen.Model;

// Minimal command line (render, validate) until the full CLI lands; exit codes are the FailureKind values.
var inputs = new Argument<string[]>("inputs") { Description = "数据文件（JSON）", Arity = ArgumentArity.OneOrMore };
var output = new Option<string>("--output", "-o") { Description = "输出文件夹", DefaultValueFactory = _ => "." };
var format = new Option<string>("--format") { Description = "输出格式：docx,pdf", DefaultValueFactory = _ => "docx,pdf" };
var render = new Command("render", "生成报告（DOCX 和 PDF）") { inputs, output, format };
render.SetAction(pr =>
{
    var pipeline = new ReportPipeline(new TemplateLocator());
    IReadOnlyList<IDocumentWriter> writers;
    try { writers = OutputFormats.Create(pr.GetValue(format)!.Split(','), []); }
    catch (DocGenException e) { Console.Error.WriteLine(e.Message); return (int)e.Kind; }
    var outcomes = new ReportRenderer(pipeline, writers).RenderAll(pr.GetValue(inputs)!, pr.GetValue(output)!, Environment.ProcessorCount);
    foreach (var o in outcomes)
    {
        foreach (var d in o.Diagnostics) Console.Error.WriteLine(d.Format());
        foreach (var f in o.Outputs) Console.WriteLine(f);
    }
    return outcomes.FirstOrDefault(o => !o.Ok)?.ExitCode ?? 0;
});
var vinputs = new Argument<string[]>("inputs") { Description = "数据文件（JSON）", Arity = ArgumentArity.OneOrMore };
var validate = new Command("validate", "检查数据文件，不生成文件") { vinputs };
validate.SetAction(pr =>
{
    var pipeline = new ReportPipeline(new TemplateLocator());
    int code = 0;
    foreach (var input in pr.GetValue(vinputs)!)
    {
        var result = pipeline.Build(input);
        foreach (var d in result.Diagnostics) Console.Error.WriteLine(d.Format());
        if (!result.Ok && code == 0) code = (int)(result.Failure ?? FailureKind.InvalidData);
    }
    return code;
});
return new RootCommand("DocGen：政府信息公开工作年度报告生成器") { render, validate }.Parse(args).Invoke();
