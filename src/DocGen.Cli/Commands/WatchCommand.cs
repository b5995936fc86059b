using System.CommandLine;
using DocGen.Engine;
using DocGen.Model;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen watch`: renders once, then again whenever the data file or any file of its template folder (report, tables,
/// style sheet) changes. For template maintainers who keep the PDF open beside the editor.
/// </summary>
public static class WatchCommand
{
    /// <summary>Editors save in bursts (temp file, rename, touch); one render per burst.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>How often the data file's folder is checked for having been removed or replaced.</summary>
    private static readonly TimeSpan FolderCheck = TimeSpan.FromMilliseconds(500);

    public static Command Create(Globals g)
    {
        var input = new Argument<string>("data")
        {
            Description = g.T("数据文件", "Data file"),
        };
        var output = g.OutputFolder();
        var format = g.Formats();
        var fontsDir = g.FontsDir();
        var force = RenderCommand.ForceOption(g);
        var command = new Command("watch", g.T(
            "监视数据文件及其模板文件夹（模板、表格定义、样式表），有改动就重新生成，每次生成打印一行。按 Ctrl-C 结束。\n\n" +
            "示例：\n  docgen watch examples/pingluo-county-2023.json -o out\n  docgen watch 2024.json -o out --format pdf",
            "Watch a data file and its template folder (template, table definitions, style sheet) and render again on every change, one line per render. Ctrl-C stops.\n\n" +
            "Examples:\n  docgen watch examples/pingluo-county-2023.json -o out\n  docgen watch 2024.json -o out --format pdf"))
        {
            input, output, format, fontsDir, force,
        };
        command.SetAction(p =>
        {
            var ctx = g.Context();
            IReadOnlyList<IDocumentWriter> writers;
            try { writers = OutputFormats.Create(p.GetValue(format)!.Split(','), p.GetValue(fontsDir) ?? []); }
            catch (DocGenException e) { return ctx.Fail(e); }
            string data = p.GetValue(input)!;
            if (!File.Exists(data)) return ctx.Fail(DiagnosticCatalog.IoNotFound.Fail("找不到数据文件", "data file not found", data));
            var locator = g.Locator(p);
            return new Watcher(ctx, locator, new ReportRenderer(new ReportPipeline(locator), writers) { Force = p.GetValue(force) }, data, p.GetValue(output)!).Run();
        });
        return command;
    }

    private sealed class Watcher(CliContext ctx, TemplateLocator locator, ReportRenderer renderer, string data, string outDir)
    {
        private readonly AutoResetEvent _changed = new(false);
        private volatile bool _templateChanged;
        private FileSystemWatcher? _templateWatcher;
        private string? _templateFolder;
        private int _count;

        public int Run()
        {
            string full = Path.GetFullPath(data);
            string folder = Path.GetDirectoryName(full)!;
            var dataWatcher = WatchData(full);
            string? folderKey = FileIdentity.Key(folder);
            ctx.Err.WriteLine(ctx.T($"正在监视 {data}（按 Ctrl-C 结束）", $"watching {data} (Ctrl-C stops)"));
            try
            {
                RenderOnce();
                var handles = new[] { _changed, ctx.Cancel.WaitHandle };
                while (true)
                {
                    int signalled = WaitHandle.WaitAny(handles, FolderCheck);
                    if (ctx.Cancel.IsCancellationRequested) break;
                    if (signalled == WaitHandle.WaitTimeout)
                    {
                        // A folder removed and made again (a checkout, a sync tool) is a new folder: the old watch sees nothing
                        // of it, so watch the new one, and render when the data file is back.
                        string? key = FileIdentity.Key(folder);
                        if (key == folderKey) continue;
                        dataWatcher.Dispose();
                        folderKey = key;
                        if (key is null)
                        {
                            ctx.Err.WriteLine(ctx.T($"文件夹 {folder} 已不存在；它重新出现后继续监视", $"the folder {folder} is gone; watching resumes when it is back"));
                            continue;
                        }
                        dataWatcher = WatchData(full);
                        ctx.Err.WriteLine(ctx.T($"文件夹 {folder} 已重新出现，继续监视", $"the folder {folder} is back; watching again"));
                        if (!File.Exists(full)) continue;
                    }
                    while (_changed.WaitOne(Debounce)) { }
                    if (ctx.Cancel.IsCancellationRequested) break;
                    // Removed (the folder with it, or an editor saving by delete and rename): wait for it instead of failing.
                    if (!File.Exists(full)) continue;
                    RenderOnce();
                }
            }
            catch (OperationCanceledException) { }
            finally
            {
                dataWatcher.Dispose();
                _templateWatcher?.Dispose();
            }
            ctx.Err.WriteLine(ctx.T("已停止监视。", "stopped watching."));
            // As every command stopped by Ctrl-C or SIGTERM (README, exit codes).
            return 130;
        }

        private FileSystemWatcher WatchData(string full)
        {
            var w = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            Hook(w, template: false);
            try { w.EnableRaisingEvents = true; }
            catch (Exception e) when (e is IOException or ArgumentException) { }
            return w;
        }

        private void Hook(FileSystemWatcher w, bool template)
        {
            void Changed(object? _, FileSystemEventArgs e)
            {
                if (Path.GetFileName(e.FullPath).StartsWith('.')) return; // editors' swap files, our own temp files
                if (template) _templateChanged = true;
                _changed.Set();
            }
            w.Changed += Changed;
            w.Created += Changed;
            w.Deleted += Changed;
            w.Renamed += (s, e) => Changed(s, e);
        }

        private void RenderOnce()
        {
            _count++;
            WatchTemplateOf();
            if (_templateChanged && _templateFolder is not null)
            {
                _templateChanged = false;
                try { TemplateInfo.CheckFresh(_templateFolder); }
                catch (DocGenException e)
                {
                    ctx.PrintDiagnostics(e.Diagnostics);
                    ctx.Out.WriteLine(ctx.T($"[{_count}] 模板有错误，未生成", $"[{_count}] the template has errors; nothing rendered"));
                    return;
                }
            }
            var o = renderer.Render(data, outDir, ctx.Cancel, formatsInParallel: true);
            ctx.PrintDiagnostics(o.Diagnostics);
            int errors = o.Diagnostics.Count(d => d.Severity == Severity.Error), warnings = o.Diagnostics.Count - errors;
            string ms = $"{(long)o.Elapsed.TotalMilliseconds} ms";
            ctx.Out.WriteLine(o.Ok
                ? ctx.T($"[{_count}] 完成 → {string.Join(", ", o.Outputs.Select(Path.GetFileName))}（{warnings} 个警告，{ms}）",
                        $"[{_count}] done → {string.Join(", ", o.Outputs.Select(Path.GetFileName))} ({warnings} warning(s), {ms})")
                : ctx.T($"[{_count}] 失败：{errors} 个错误（退出码 {ExitCodes.Of(o.Failure)}）", $"[{_count}] failed: {errors} error(s) (exit code {ExitCodes.Of(o.Failure)})"));
            ctx.Out.Flush();
        }

        /// <summary>The data file names its template; follow it when that name changes (or first becomes readable).</summary>
        private void WatchTemplateOf()
        {
            string? name = ReportPipeline.TemplateNameOf(data);
            if (name is null || name.Contains('/') || name.Contains('\\') || name.Contains("..")) return;
            string folder = Path.GetFullPath(Path.Combine(locator.Root, name));
            if (folder == _templateFolder || !Directory.Exists(folder)) return;
            _templateWatcher?.Dispose();
            _templateFolder = folder;
            _templateWatcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            Hook(_templateWatcher, template: true);
            _templateWatcher.EnableRaisingEvents = true;
        }
    }
}
