using DocGen.Model;

namespace DocGen.Data;

public sealed partial class ReportBinder
{
    private sealed class Ack(string rule, string table, string column, JNode node)
    {
        public string Rule { get; } = rule;
        public string Table { get; } = table;
        public string Column { get; } = column;
        public string Reason { get; set; } = "";
        public JNode Node { get; } = node;
        public bool Used { get; set; }
    }

    private List<Ack> Acknowledgements(JObject obj)
    {
        var list = new List<Ack>();
        if (obj["acknowledgements"] is not { } n) return list;
        if (n is not JArray arr) { Error(DiagnosticCatalog.DataType, n, "「acknowledgements」应为数组", "\"acknowledgements\" must be an array"); return list; }
        foreach (var item in arr.Items)
        {
            if (item is not JObject o)
            {
                Error(DiagnosticCatalog.DataType, item, "确认项应为对象 { \"rule\", \"table\", \"column\", \"reason\" }", "an acknowledgement must be an object { \"rule\", \"table\", \"column\", \"reason\" }");
                continue;
            }
            string? S(string k) => o[k] is JString s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value : null;
            string? rule = S("rule"), table = S("table"), column = S("column"), reason = S("reason");
            if (rule is null || table is null || column is null)
            {
                Error(DiagnosticCatalog.DataAcknowledgement, o, "确认项须写明 rule（规则编号）、table（表格）和 column（列）", "an acknowledgement must give rule (the rule id), table and column");
                continue;
            }
            if (reason is null)
            {
                Error(DiagnosticCatalog.DataAcknowledgement, o, $"确认项（规则 {rule}）须写明原因 reason：为什么按原样发布不一致的数据",
                    $"the acknowledgement (rule {rule}) must give a reason: why the inconsistent data is published as it is");
                continue;
            }
            list.Add(new Ack(rule, table, column, o) { Reason = reason });
        }
        return list;
    }
}
