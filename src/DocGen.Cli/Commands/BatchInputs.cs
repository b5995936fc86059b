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

    /// <summary>Most inputs processed at once: more threads than this only cost memory (each report holds its fonts and layout).</summary>
    private const int MaxJobs = 1024;

    public static Option<int> Parallelism(Globals g)
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = g.T("同时处理的文件数（默认：处理器核数）", "How many inputs to process at once (default: processor count)"),
            DefaultValueFactory = _ => Environment.ProcessorCount,
            HelpName = "N",
            // Parsed here rather than by System.CommandLine: its own failure for "abc" or "1.5" is an English message, and a
            // validator reading the value of a token that did not parse threw (exit 134, a stack trace).
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= MaxJobs)
                    return n;
                r.AddError(g.T($"-j 须为 1 到 {MaxJobs} 之间的整数，实际为「{text}」", $"-j must be a whole number from 1 to {MaxJobs}, not '{text}'"));
                return 0;
            },
        };
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
