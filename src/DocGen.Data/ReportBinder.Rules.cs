using DocGen.Tables;

namespace DocGen.Data;

public sealed partial class ReportBinder
{
    /// <summary>
    /// Computes the table's totals and checks its rules (<see cref="TableRules"/>), then says each break at the cell it concerns:
    /// an error, or a warning when the data file acknowledges that break (and the acknowledgement is then used).
    /// </summary>
    private void Rules(TableDefinition def, TableValues tv, JObject tableNode, List<Ack> acks)
    {
        foreach (var ruleBreak in TableRules.Apply(def, tv))
        {
            var rule = ruleBreak.Rule;
            switch (ruleBreak)
            {
                case WrongTotal w:
                    Error(rule.Id, CellNode(def, w.Row, w.Column) ?? tableNode,
                        $"{def.CellName(w.Row, w.Column)}：填写的合计为 {Fmt(w.Typed)}，但按规则「{rule.Description}」应为 {Fmt(w.Sum)}（{w.Parts}）。合计由程序自动计算，可以不填");
                    break;
                case Unbalanced u:
                    string op = rule.Kind == RuleKind.Equal ? "应等于" : "不应大于";
                    string msg = $"{def.DisplayName}「{def.Column(u.Column).Label}」列：{u.Left} = {Fmt(u.LeftSum)}，{op}{u.Right} = {Fmt(u.RightSum)}（规则：{rule.Description}）";
                    var node = u.Cells.Select(c => CellNode(def, c.Row, c.Column)).FirstOrDefault(n => n is not null) ?? tableNode;
                    var ack = acks.FirstOrDefault(a => a.Rule == rule.Id && a.Table == def.Id && a.Column == u.Column);
                    if (ack is not null)
                    {
                        ack.Used = true;
                        Warning("W-" + rule.Id, node, $"{msg}。数据文件已确认按原样发布，原因：{ack.Reason}", acknowledged: true);
                    }
                    else Error(rule.Id, node, msg + "。如果这就是机关实际发布的数据，请在 acknowledgements 中说明原因");
                    break;
            }
        }
    }

    private static string Fmt(decimal v) => ValueFormatter.Plain(v);
}
