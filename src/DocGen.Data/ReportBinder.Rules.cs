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
                    RuleBreak(rule.Id, CellNode(def, w.Row, w.Column) ?? tableNode,
                        $"{def.CellName(w.Row, w.Column)}：填写的合计为 {Fmt(w.Typed)}，但按规则「{rule.Description}」应为 {Fmt(w.Sum)}（{w.Parts}）。合计由程序自动计算，可以不填",
                        $"{def.CellNameEn(w.Row, w.Column)}: the total typed is {Fmt(w.Typed)}, but by the rule \"{rule.Description}\" it is {Fmt(w.Sum)} ({w.PartsEn}). Totals are computed for you and may be left out");
                    break;
                case Unbalanced u:
                    string op = rule.Kind == RuleKind.Equal ? "应等于" : "不应大于";
                    string msg = $"{def.DisplayName}「{def.Column(u.Column).Label}」列：{u.Left} = {Fmt(u.LeftSum)}，{op}{u.Right} = {Fmt(u.RightSum)}（规则：{rule.Description}）";
                    string opEn = rule.Kind == RuleKind.Equal ? "should equal" : "should not exceed";
                    string msgEn = $"{def.DisplayName}, column \"{def.Column(u.Column).Label}\": {u.LeftEn} = {Fmt(u.LeftSum)} {opEn} {u.RightEn} = {Fmt(u.RightSum)} (rule: {rule.Description})";
                    var node = u.Cells.Select(c => CellNode(def, c.Row, c.Column)).FirstOrDefault(n => n is not null) ?? tableNode;
                    var ack = acks.FirstOrDefault(a => a.Rule == rule.Id && a.Table == def.Id && a.Column == u.Column);
                    if (ack is not null)
                    {
                        ack.Used = true;
                        RuleBreak(rule.Id, node, $"{msg}。数据文件已确认按原样发布，原因：{ack.Reason}",
                            $"{msgEn}. The data file acknowledges publishing it as it is, because: {ack.Reason}", acknowledged: true);
                    }
                    else
                    {
                        RuleBreak(rule.Id, node, msg + "。如果这就是机关实际发布的数据，请在 acknowledgements 中说明原因",
                            msgEn + ". If these are the figures the agency really published, give the reason in acknowledgements");
                    }
                    break;
            }
        }
    }

    private static string Fmt(decimal v) => ValueFormatter.Plain(v);
}
