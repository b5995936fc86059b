using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using DocGen.Engine;
using DocGen.Model;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen serve`: the report as a form in the browser, served from inside this process on 127.0.0.1. The web server lives in
/// DocGen.Serve; this file only parses the options and hands over, so ASP.NET Core is loaded when serve runs and never slows the
/// start of the other commands.
/// </summary>
public static class ServeCommand
{
    public static Command Create(Globals g)
    {
        var file = new Argument<string?>("data")
        {
            Description = g.T("要填写的数据文件；不存在时先在网页上选择格式、填写机关和年度，按 docgen init 的骨架新建",
                "Data file to fill in; when it does not exist, the page first asks for the format, agency and year and starts from docgen init's skeleton"),
            Arity = ArgumentArity.ZeroOrOne,
        };
        var port = new Option<int>("--port")
        {
            Description = g.T("端口（默认：系统分配的空闲端口）", "Port (default: a free port chosen by the system)"),
            HelpName = "N",
        };
        var noBrowser = new Option<bool>("--no-browser")
        {
            Description = g.T("不自动打开浏览器，只打印网址", "Do not open the browser; only print the address"),
        };
        var fontsDir = g.FontsDir();
        var command = new Command("serve", g.T(
            "在浏览器中以表单填写报告：三张统计表按印刷样式排列，合计自动计算，规则检查（如 T3-1）随输入更新；可保存数据文件、生成 DOCX 和 PDF、预览。" +
            "服务只监听本机 127.0.0.1，网址带随机令牌。按 Ctrl-C 或页面上的「停止服务」结束。\n\n" +
            "示例：\n  docgen serve 2024.json\n  docgen serve 新报告.json --port 8080 --no-browser",
            "Fill in the report as a form in the browser: the three tables as printed, totals computed, rule checks (such as T3-1) updated as you type; " +
            "save the data file, render DOCX and PDF, preview. Listens on 127.0.0.1 only; the address carries a random token. Ctrl-C or the page's stop button ends it.\n\n" +
            "Examples:\n  docgen serve 2024.json\n  docgen serve new-report.json --port 8080 --no-browser"))
        {
            file, port, noBrowser, fontsDir,
        };
        command.SetAction(p =>
        {
            var ctx = g.Context();
            int portNumber = p.GetValue(port);
            if (portNumber is < 0 or > 65535) return ctx.Usage("--port 应在 0 到 65535 之间", "--port must be between 0 and 65535");
            IReadOnlyList<IDocumentWriter> writers;
            try { writers = OutputFormats.Create(OutputFormats.Names, p.GetValue(fontsDir) ?? []); }
            catch (DocGenException e) { return ctx.Fail(e); }
            return Run(ctx, g.Locator(p), writers, p.GetValue(file), portNumber, !p.GetValue(noBrowser));
        });
        return command;
    }

    /// <summary>Kept out of line: the JIT loads DocGen.Serve (and with it ASP.NET Core) only when this method first runs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Run(CliContext ctx, TemplateLocator templates, IReadOnlyList<IDocumentWriter> writers, string? file, int port, bool openBrowser)
    {
        var options = new DocGen.Serve.ServeOptions
        {
            DataFile = file is null ? null : Path.GetFullPath(file),
            Port = port,
            Templates = templates,
            Writers = writers,
            English = ctx.English,
        };
        DocGen.Serve.ServeHost host;
        try { host = DocGen.Serve.ServeHost.StartAsync(options, ctx.Cancel).GetAwaiter().GetResult(); }
        catch (DocGenException e) { return ctx.Fail(e); }
        ctx.Out.WriteLine(ctx.T($"表单已就绪：{host.Url}", $"The form is ready: {host.Url}"));
        ctx.Out.WriteLine(ctx.T("（网址含访问令牌，只在本机有效；按 Ctrl-C 或页面上的「停止服务」结束）", "(the address carries an access token and works on this machine only; Ctrl-C or the page's stop button ends the server)"));
        ctx.Out.Flush();
        if (openBrowser && OpenBrowser(host.Url) is { } problem)
            ctx.Err.WriteLine(ctx.T($"提示：无法自动打开浏览器（{problem}），请手动打开上面的网址。", $"note: could not open a browser ({problem}); open the address above yourself."));
        host.WaitAsync(ctx.Cancel).GetAwaiter().GetResult();
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        ctx.Err.WriteLine(ctx.T("表单服务已停止。", "The form server stopped."));
        return 0;
    }

    /// <summary>The desktop's way to open an address; a failure is only a note: the printed address still works.</summary>
    private static string? OpenBrowser(string url)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url) { UseShellExecute = true }
            : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [url]);
        start.RedirectStandardError = !OperatingSystem.IsWindows();
        start.RedirectStandardOutput = !OperatingSystem.IsWindows();
        try
        {
            using var process = Process.Start(start);
            return process is null ? "no process" : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
