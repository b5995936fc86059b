using System.Text;

namespace DocGen.Serve;

/// <summary>The frame every page shares: head, styles and script, all served by DocGen itself.</summary>
public static class Shell
{
    public const string ParagraphTools =
        "<span class=\"tools\" hidden><button type=\"button\" data-move=\"-1\" title=\"上移\">↑</button><button type=\"button\" data-move=\"1\" title=\"下移\">↓</button>" +
        "<button type=\"button\" class=\"remove-paragraph\" title=\"删除本段\">删除</button></span>";

    public static void Open(StringBuilder html, string title)
    {
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<title>{Html.E(title)} — DocGen</title><link rel=\"stylesheet\" href=\"/assets/form.css\"></head><body>");
    }

    public static void Close(StringBuilder html) => html.Append("<script src=\"/assets/form.js\"></script></body></html>");

    public static string Summary(CheckResult check) =>
        check.Errors == 0 && check.Warnings == 0 ? "✓ 没有发现问题"
        : check.Errors == 0 ? $"✓ 有效（{check.Warnings} 个警告）"
        : $"✗ {check.Errors} 个错误，{check.Warnings} 个警告";

    /// <summary>A short page for a message (stopped, a save that needs confirmation without scripts, a refused request).</summary>
    public static string Message(string title, string text, bool backLink)
    {
        var html = new StringBuilder();
        Open(html, title);
        html.Append($"<main class=\"message\"><h1>{Html.E(title)}</h1><p>{Html.E(text)}</p>");
        if (backLink) html.Append("<p><a href=\"/\">返回表单</a></p>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The first page when the data file does not exist yet: template, agency and year, as `docgen init` asks them.</summary>
    public static string NewReport(string fileName, IEnumerable<(string Name, string Description)> templates, int defaultYear, string? error)
    {
        var html = new StringBuilder();
        Open(html, fileName);
        html.Append($"<main class=\"message\"><h1>新建数据文件 {Html.E(fileName)}</h1>");
        if (error is not null) html.Append($"<p class=\"notice warn\">{Html.E(error)}</p>");
        html.Append("<form method=\"post\" action=\"/new\" class=\"new\">");
        html.Append("<label class=\"field\"><span>报告格式</span><select name=\"template\">");
        foreach (var (name, description) in templates)
            html.Append($"<option value=\"{Html.E(name)}\">{Html.E(description)}（{Html.E(name)}）</option>");
        html.Append("</select></label>");
        html.Append("<label class=\"field\"><span>机关名称（简称）</span><input name=\"agency\" required autocomplete=\"organization\"></label>");
        html.Append($"<label class=\"field\"><span>报告年度</span><input name=\"year\" value=\"{defaultYear}\" inputmode=\"numeric\" required></label>");
        html.Append("<button type=\"submit\">开始填写</button></form></main></body></html>");
        return html.ToString();
    }
}
