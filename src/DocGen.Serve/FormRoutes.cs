using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using DocGen.Engine;
using DocGen.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;

namespace DocGen.Serve;

/// <summary>
/// The server's routes. Pages: GET / (the form, or the new-report page), POST /save, /render, /new, /stop for the script-free
/// form. The script's calls: POST /api/check, /api/save, /api/render, /api/preview (JSON answers). Files: /assets/NAME (embedded),
/// /preview.pdf (the last preview, from memory), /download/docx|pdf (only the outputs of the data file being edited).
/// </summary>
public sealed class FormRoutes(ServeOptions options)
{
    private static readonly FormOptions FormLimits = new() { ValueCountLimit = 20_000, ValueLengthLimit = 4 * 1024 * 1024, KeyLengthLimit = 512 };

    private readonly object _previewGate = new();
    private ReportSession? _session = options.DataFile is { } file && System.IO.File.Exists(file)
        ? ReportSession.Open(file, options.Templates, options.Writers, options.English)
        : null;
    private byte[]? _preview;

    public async Task Handle(HttpContext http, RequestGuard guard, IHostApplicationLifetime lifetime)
    {
        var request = http.Request;
        string path = request.Path.Value ?? "/";
        bool post = HttpMethods.IsPost(request.Method);
        if (!post && path.StartsWith("/assets/", StringComparison.Ordinal)) { await Asset(http, path["/assets/".Length..]); return; }
        if (post && path is "/stop" or "/api/stop")
        {
            await Page(http, Shell.Message("已停止", "DocGen 的表单服务已停止，可以关闭这个页面。", backLink: false));
            await http.Response.CompleteAsync();
            lifetime.StopApplication();
            return;
        }
        var session = _session;
        if (session is null)
        {
            if (!post && path == "/") await Page(http, NewReportPage(null));
            else if (post && path == "/new") await NewReport(http);
            else http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        switch ((post, path))
        {
            case (false, "/"):
                await Page(http, FormPage.Build(session, session.FileHasComments()));
                break;
            case (true, "/api/check"):
                await Answer(http, session.Check(await Form(http)), AnswerJsonContext.Web.CheckResult);
                break;
            case (true, "/api/save"):
                var saved = session.Save(await Form(http));
                await Answer(http, new SaveAnswer(saved.Saved, saved.NeedsConfirmation, saved.Message, session.Initial), AnswerJsonContext.Web.SaveAnswer);
                break;
            case (true, "/save"):
                var result = session.Save(await Form(http));
                if (result.Saved) http.Response.Redirect("/", permanent: false);
                else { http.Response.StatusCode = StatusCodes.Status409Conflict; await Page(http, Shell.Message("没有保存", result.Message + "（在页面顶部勾选「保存时删除注释」后再保存）", backLink: true)); }
                break;
            case (true, "/api/render"):
                var rendered = session.Render(await Form(http));
                var links = rendered.Outputs.Select(o => new OutputLink(o, "/download/" + Path.GetExtension(o).TrimStart('.'))).ToList();
                await Answer(http, new RenderAnswer(links, rendered.Problems), AnswerJsonContext.Web.RenderAnswer);
                break;
            case (true, "/render"):
                var outcome = session.Render(await Form(http));
                if (outcome.Outputs.Count > 0) http.Response.Redirect("/", permanent: false);
                else { http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity; await Page(http, Shell.Message("没有生成", string.Join("\n", outcome.Problems.Where(p => p.Severity == "error").Select(p => p.Text)), backLink: true)); }
                break;
            case (true, "/api/preview"):
                var (pdf, problems) = session.Preview(await Form(http));
                lock (_previewGate) _preview = pdf ?? _preview;
                await Answer(http, new PreviewAnswer(pdf is null ? null : $"/preview.pdf?v={Environment.TickCount64}", problems), AnswerJsonContext.Web.PreviewAnswer);
                break;
            case (false, "/preview.pdf"):
                byte[]? bytes;
                lock (_previewGate) bytes = _preview;
                await SendFile(http, bytes, "application/pdf", null);
                break;
            case (false, "/download/docx"):
            case (false, "/download/pdf"):
                string ext = "." + path["/download/".Length..];
                string? output = session.OutputPath(ext);
                await SendFile(http, output is null ? null : await System.IO.File.ReadAllBytesAsync(output),
                    ext == ".pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", session.BaseName + ext);
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private string NewReportPage(string? error)
    {
        var templates = options.Templates.Names().Select(n =>
        {
            try { var t = options.Templates.Load(n); return (n, options.English ? t.DescriptionEn : t.Description); }
            catch (DocGenException) { return (n, n); }
        });
        return Shell.NewReport(options.DataFile is null ? "" : Path.GetFileName(options.DataFile), templates, DateTime.Now.Year - 1, error);
    }

    /// <summary>Creates the data file from init's skeleton, in the folder of FILE (or the current folder), then opens it.</summary>
    private async Task NewReport(HttpContext http)
    {
        var form = await Form(http);
        string agency = form.One("agency")?.Trim() ?? "";
        bool yearOk = int.TryParse(form.One("year"), NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1990 and <= 2100;
        string? error = agency.Length == 0 ? "请填写机关名称" : !yearOk ? "报告年度应为四位年份，如 2024" : null;
        var template = error is null ? LoadTemplate(form.One("template") ?? "", out error) : null;
        if (template is null)
        {
            http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await Page(http, NewReportPage(error));
            return;
        }
        // `docgen init`'s data file, so both make the same file.
        var (target, text) = TemplateInfo.Of(template).NewDataFile(agency, year, options.DataFile ?? Path.Combine(options.Folder, "-"));
        string full = Path.GetFullPath(target);
        // A file already there (named after the title) is opened, never overwritten.
        bool created = !System.IO.File.Exists(full);
        if (created) DataFileOutput.Write(full, text, template.Styles);
        _session = ReportSession.Open(full, options.Templates, options.Writers, options.English, created ? text : null);
        http.Response.Redirect("/", permanent: false);
    }

    private Templates.TemplatePackage? LoadTemplate(string name, out string? error)
    {
        error = null;
        if (options.Templates.Names().Contains(name)) return options.Templates.Load(name);
        error = $"没有模板「{name}」";
        return null;
    }

    private static async Task<FormFields> Form(HttpContext http)
    {
        if (!http.Request.HasFormContentType) return new FormFields(new Dictionary<string, IReadOnlyList<string>>());
        var form = await http.Request.ReadFormAsync(FormLimits);
        return new FormFields(form.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? "").ToList()));
    }

    private static Task Page(HttpContext http, string html)
    {
        // Only what DocGen serves: its own script file (no inline script), its styles (the tables' column widths are inline).
        http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'";
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html);
    }

    private static Task Answer<T>(HttpContext http, T value, JsonTypeInfo<T> type) => http.Response.WriteAsJsonAsync(value, type);

    private static async Task Asset(HttpContext http, string name)
    {
        var bytes = Html.Asset(name);
        string type = Path.GetExtension(name) switch { ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8", ".png" => "image/png", _ => "application/octet-stream" };
        await SendFile(http, bytes, type, null);
    }

    private static async Task SendFile(HttpContext http, byte[]? bytes, string type, string? downloadName)
    {
        if (bytes is null) { http.Response.StatusCode = StatusCodes.Status404NotFound; return; }
        http.Response.ContentType = type;
        if (downloadName is not null)
            http.Response.Headers.ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(downloadName)}";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes);
    }
}
