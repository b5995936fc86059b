using DocGen.Model;
using DocGen.Tables;

namespace DocGen.Data;

public sealed partial class ReportBinder
{
    private Dictionary<string, string> Labels(JObject obj)
    {
        var labels = new Dictionary<string, string>();
        if (obj["labels"] is not { } n) return labels;
        if (n is not JObject o)
        {
            Error(DiagnosticCatalog.DataType, n, "「labels」应为对象 { \"表格.rows|columns|cells.键\": \"印刷文字\" }", "\"labels\" must be an object { \"table.rows|columns|cells.key\": \"printed text\" }");
            return labels;
        }
        var keys = _template.Tables.SelectMany(TableBuilder.LabelKeys).ToList();
        foreach (var p in o.Properties)
        {
            if (!keys.Contains(p.Name)) { UnknownField(p, keys, "labels"); continue; }
            if (p.Value is not JString s || string.IsNullOrWhiteSpace(s.Value))
            {
                Error(DiagnosticCatalog.DataLabelEmpty, p.Value, $"标签替换「{p.Name}」应为非空字符串（留空会让表格少一个标签）",
                    $"the label override \"{p.Name}\" must be a non-empty string (an empty one would leave the table a label short)");
                continue;
            }
            CheckText(s);
            labels[p.Name] = s.Value;
        }
        return labels;
    }
}
