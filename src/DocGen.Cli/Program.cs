using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using DocGen.Cli;
using DocGen.Cli.Commands;
using DocGen.Model;

// The language must be known before the commands are built: their descriptions and System.CommandLine's own help titles follow it.
bool english = LanguageFromArgs(args);
CultureInfo.CurrentUICulture = english ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("zh-Hans");
if (OperatingSystem.IsWindows()) Console.OutputEncoding = System.Text.Encoding.UTF8;

// Ctrl-C and SIGTERM cancel the run and end it with exit 130 within a second (Interrupts); outputs are renamed into place only
// after every writer finished, so nothing partial remains.
using var interrupts = new Interrupts(() => english ? "Cancelled: no partial file was written." : "已取消：没有写出不完整的文件。");

var globals = new Globals(english, interrupts.Token);
var root = new RootCommand(globals.T(
    "DocGen：由 JSON 数据文件生成政府信息公开工作年度报告（DOCX 与 PDF）。\n\n示例：\n  docgen init --template gov-info-annual-2021 --agency 某某局 --year 2024 -o 2024.json\n  docgen validate 2024.json\n  docgen render 2024.json -o out",
    "DocGen: government information disclosure annual reports (DOCX and PDF) from JSON data files.\n\nExamples:\n  docgen init --template gov-info-annual-2021 --agency 某某局 --year 2024 -o 2024.json\n  docgen validate 2024.json\n  docgen render 2024.json -o out"));
root.Add(globals.Lang);
root.Add(globals.Verbose);
root.Add(globals.Templates);
root.Add(RenderCommand.Create(globals));
root.Add(ValidateCommand.Create(globals));
root.Add(CheckCommand.Create(globals));
root.Add(InitCommand.Create(globals));
root.Add(TemplatesCommand.Create(globals));
root.Add(SchemaCommand.Create(globals));
root.Add(WatchCommand.Create(globals));
root.Add(FontsCommand.Create(globals));
root.Add(MergeCommand.Create(globals));
root.Add(ServeCommand.Create(globals));
root.Add(DiagnosticsCommand.Create(globals));
foreach (var help in root.Options.OfType<HelpOption>()) help.Description = globals.T("显示帮助、用法和示例", "Show help, usage and examples");
foreach (var version in root.Options.OfType<VersionOption>()) version.Description = globals.T("显示版本", "Show the version");

// Bare `docgen` shows the overview instead of an error: it is how newcomers start.
if (args.Length == 0) args = ["--help"];

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine(globals.T("用法错误：", "usage error: ") + error.Message);
    string command = parse.CommandResult.Command == root ? "docgen" : "docgen " + parse.CommandResult.Command.Name;
    Console.Error.WriteLine(globals.T($"运行「{command} --help」查看用法和示例。", $"Run '{command} --help' for usage and examples."));
    return ExitCodes.Of(FailureKind.Usage);
}

// System.CommandLine prints no help for a hidden command, even when asked for it by name (`docgen schema --help`).
if (parse.Action is HelpAction) parse.CommandResult.Command.Hidden = false;

bool verbose = parse.GetValue(globals.Verbose);
try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (Exception e) when (e is OperationCanceledException || (e is AggregateException a && a.InnerExceptions.All(i => i is OperationCanceledException)))
{
    Console.Error.WriteLine(globals.T("已取消：没有写出不完整的文件。", "Cancelled: no partial file was written."));
    return ExitCodes.Cancelled;
}
catch (DocGenException e)
{
    foreach (var d in e.Diagnostics) Console.Error.WriteLine(d.Format(english));
    if (verbose) Console.Error.WriteLine(e);
    return ExitCodes.Of(e.Kind);
}
catch (Exception e)
{
    Console.Error.WriteLine(globals.T($"内部错误：{e.GetType().Name}: {e.Message}", $"internal error: {e.GetType().Name}: {e.Message}"));
    Console.Error.WriteLine(verbose ? e.ToString() : globals.T("（加 --verbose 查看详细信息；请把这条消息报告给开发者）", "(add --verbose for details; please report this to the developers)"));
    return ExitCodes.Of(FailureKind.Internal);
}

static bool LanguageFromArgs(string[] args)
{
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--lang" && i + 1 < args.Length) return args[i + 1] == "en";
        if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal)) return args[i][7..] == "en";
    }
    return Environment.GetEnvironmentVariable("DOCGEN_LANG") == "en";
}
