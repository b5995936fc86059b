using System.CommandLine;
using DocGen.Engine;

namespace DocGen.Cli;

/// <summary>Options every command understands (--lang, --verbose, --templates) and how a command's action gets its context.</summary>
public sealed class Globals
{
    public bool English { get; }
    public CancellationToken Cancel { get; }

    public Option<string> Lang { get; }
    public Option<bool> Verbose { get; }
    public Option<string?> Templates { get; }

    public Globals(bool english, CancellationToken cancel)
    {
        English = english;
        Cancel = cancel;
        Lang = new Option<string>("--lang")
        {
            Description = T("界面语言：zh（中文，默认）或 en（英文）；也可用环境变量 DOCGEN_LANG 设置", "Language of messages: zh (Chinese, default) or en; DOCGEN_LANG sets the default"),
            Recursive = true,
            HelpName = "zh|en",
        };
        Lang.AcceptOnlyFromAmong("zh", "en");
        Verbose = new Option<bool>("--verbose")
        {
            Description = T("出现内部错误时显示详细信息（堆栈），并逐条列出已说明的规则例外", "Show details (stack traces) of internal errors, and every acknowledged rule break in full"),
            Recursive = true,
        };
        Templates = new Option<string?>("--templates")
        {
            Description = T("模板文件夹（默认：环境变量 DOCGEN_TEMPLATES、上级目录中的 templates/，或随程序安装的模板）",
                "Templates folder (default: $DOCGEN_TEMPLATES, a templates/ folder above the current directory, or the installed one)"),
            Recursive = true,
            HelpName = "DIR",
        };
    }

    public string T(string zh, string en) => English ? en : zh;

    /// <summary>
    /// Makes an option of a command required with our own message in both languages. System.CommandLine's Required would report
    /// it in its own words, which could only be recognised again by matching its English text; this check adds the error itself.
    /// </summary>
    public void Require(Command command, Option option)
    {
        option.Description += T("（必需）", " (required)");
        command.Validators.Add(result =>
        {
            if (result.GetResult(option) is null) result.AddError(T($"缺少必需的选项 {option.Name}", $"the option {option.Name} is required"));
        });
    }

    public CliContext Context() => new(English, Console.Out, Console.Error, Cancel);

    public TemplateLocator Locator(ParseResult p) => new(p.GetValue(Templates));

    public bool IsVerbose(ParseResult p) => p.GetValue(Verbose);

    /// <summary>The --fonts-dir option of the commands that lay out PDFs (repeatable).</summary>
    public Option<string[]> FontsDir() => new("--fonts-dir")
    {
        Description = T("存放字体文件（如 仿宋_GB2312.ttf）的文件夹，优先于内置候选字体；可重复", "Folder of font files (e.g. 仿宋_GB2312.ttf), searched before the stand-ins; repeatable"),
        HelpName = "DIR",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>-o for commands that write reports (render, watch): a folder; file names follow the data file.</summary>
    public Option<string> OutputFolder() => new("--output", "-o")
    {
        Description = T("输出文件夹（默认：当前文件夹）；文件名取数据文件名，如 a.json → a.docx、a.pdf",
            "Output folder (default: the current folder); names follow the data file: a.json → a.docx, a.pdf"),
        DefaultValueFactory = _ => ".",
        HelpName = "DIR",
    };

    public Option<string> Formats() => new("--format")
    {
        Description = T("输出格式，逗号分隔：docx、pdf", "Output formats, comma separated: docx, pdf"),
        DefaultValueFactory = _ => "docx,pdf",
        HelpName = "docx,pdf",
    };

    public Option<bool> Json() => new("--json")
    {
        Description = T("只向标准输出打印机器可读的 JSON 摘要", "Print only a machine-readable JSON summary to stdout"),
    };
}
