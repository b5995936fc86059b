
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
        if (n is not JArray arr) { Error("E-DATA-TYPE", n, "「acknowledgements」应为数组"); return list; }
        foreach (var item in arr.Items)
        {
            if (item is not JObject o) { Error("E-DATA-TYPE", item, "确认项应为对象 { \"rule\", \"table\", \"column\", \"reason\" }"); continue; }
            string? S(string k) => o[k] is JString s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value : null;
            string? rule = S("rule"), table = S("table"), column = S("column"), reason = S("reason");
            if (rule is null || table is null || column is null)
            {
                Error("E-DATA-ACK", o, "确认项须写明 rule（规则编号）、table（表格）和 column（列）");
                continue;
            }
            if (reason is null) { Error("E-DATA-ACK", o, $"确认项（规则 {rule}）须写明原因 reason：为什么按原样发布不一致的数据"); continue; }
            list.Add(new Ack(rule, table, column, o) { Reason = reason });
        }
        return list;
    }
}
