using System.CommandLine;
using DocGen.Cli.Inputs;

namespace DocGen.Cli.Commands;

/// <summary>The inputs argument shared by render and validate, and its expansion with the usage errors it can raise.</summary>
public static class BatchInputs
{
    public static Argument<string[]> Argument(Globals g)
    {
        var argument = new Argument<string[]>("inputs")
        {
            Description = g.T("数据文件、文件夹（其中所有 .json）或通配符（* ? **，可加引号由 docgen 展开）",
                "Data files, folders (every .json inside) or patterns (* ? **, may be quoted: docgen expands them)"),
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown option would otherwise pass for an input file and fail later with a confusing message.
        argument.Validators.Add(r =>
        {
            foreach (var t in r.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1 && !File.Exists(t.Value)))
                r.AddError(g.T($"无法识别的选项「{t.Value}」", $"unrecognized option '{t.Value}'"));
        });
        return argument;
    }

    public static Option<int> Parallelism(Globals g)
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = g.T("同时处理的文件数（默认：处理器核数）", "How many inputs to process at once (default: processor count)"),
            DefaultValueFactory = _ => Environment.ProcessorCount,
            HelpName = "N",
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError(g.T("-j 须为正整数", "-j must be a positive integer"));
        });
        return option;
    }

    /// <summary>Expands the inputs; returns null (after printing why) when the command line names nothing usable.</summary>
    public static IReadOnlyList<string>? Expand(CliContext ctx, string[] args)
    {
        var result = InputExpander.Expand(args);
        foreach (var u in result.Unmatched)
            ctx.Err.WriteLine(ctx.T($"用法错误：「{u}」没有匹配到任何 .json 文件", $"usage error: '{u}' matches no .json file"));
        if (result.Unmatched.Count > 0) return null;
        return result.Files;
    }
}
