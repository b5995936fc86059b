using System.Globalization;
using System.Text;
using System.Text.Json;
using DocGen.Data;
using DocGen.Model;
using DocGen.Tables;
using DocGen.Templates;

namespace DocGen.Engine.Merge;

/// <summary>
/// Adds up the data files of several agencies (same template, same year) into one regional data file. Every typed table value is
/// summed; totals that a sum rule computes are left out so the binder recomputes them from the summed parts. Nothing here knows a
/// particular format: tables, rows, columns and value types all come from the template.
/// </summary>
public static class ReportMerger
{
    /// <summary>Where the merged file's own diagnostics point, since it has no path until the caller saves it.</summary>
    public const string MergedFileName = "（汇总结果）";

    /// <param name="dataFiles">The agencies' data files; each must be valid on its own.</param>
    /// <param name="narrativeFile">Optional JSON file (usually the region's own data file) whose agency, title, narrative paragraphs,
    /// extra fields and label overrides are copied; without it the narrative is left empty and the agency blank.</param>
    public static MergeResult Merge(IReadOnlyList<string> dataFiles, ReportPipeline pipeline, string? narrativeFile)
    {
        var diags = new List<Diagnostic>();
        if (dataFiles.Count == 0)
            return Fail(diags, DiagnosticCatalog.MergeNoInput.Create("没有要汇总的数据文件", "no data files to merge"));
        foreach (var dup in dataFiles.GroupBy(Path.GetFullPath).Where(g => g.Count() > 1))
            diags.Add(DiagnosticCatalog.MergeDuplicate.Create($"数据文件被列出了 {dup.Count()} 次，会被重复计入合计",
                $"the data file is listed {dup.Count()} times and would be counted more than once", dup.First()));
        if (diags.Count > 0) return new MergeResult(null, diags);

        var inputs = new List<BoundReport>();
        foreach (var file in dataFiles)
        {
            var bound = TryBind(pipeline, file, diags);
            if (bound is not null) inputs.Add(bound);
        }
        if (inputs.Count < dataFiles.Count) return new MergeResult(null, diags);

        var first = inputs[0];
        var template = first.Template;
        int year = YearOf(first);
        foreach (var other in inputs.Skip(1))
        {
            if (other.Template.Name != template.Name)
                diags.Add(DiagnosticCatalog.MergeTemplate.Create(
                    $"使用的报告格式为「{other.Template.Name}」，与「{first.File}」的「{template.Name}」不同，不同格式的数据不能汇总",
                    $"the format is \"{other.Template.Name}\", not \"{template.Name}\" as in \"{first.File}\": data of different formats cannot be merged", other.File));
            else if (YearOf(other) != year)
                diags.Add(DiagnosticCatalog.MergeYear.Create($"报告年度为 {YearOf(other)}，与「{first.File}」的 {year} 不同，不同年度的数据不能汇总",
                    $"the report year is {YearOf(other)}, not {year} as in \"{first.File}\": data of different years cannot be merged", other.File));
        }
        if (diags.Count > 0) return new MergeResult(null, diags);

        JObject? narrative = narrativeFile is null ? null : ReadNarrative(narrativeFile, template, year, diags);
        if (diags.Any(d => d.Severity == Severity.Error)) return new MergeResult(null, diags);
        if (narrative?["agency"] is null)
            diags.Add(DiagnosticCatalog.MergeAgency.Create("汇总结果没有机关名称「agency」，保存后请填写（或用 narrativeFile 指定一个含机关名称和正文的文件）",
                "the merged file has no agency name (\"agency\"): fill it in after saving (or name a file holding the agency and the text with --narrative)", narrativeFile));

        var blanks = new HashSet<string>(StringComparer.Ordinal);
        var tables = SumTables(template, inputs, diags, blanks);
        var acks = MergeAcknowledgements(inputs.SelectMany(Acknowledgements));
        string json = Write(template, year, narrative, tables, acks);

        // Carry only the acknowledgements the summed data still needs: an input's acknowledged break can vanish in the sum.
        // W-ACK-UNUSED names its place in the written (merged) list, so the same list is filtered.
        var check = BindMerged(json, template);
        var unused = check.Diagnostics.Where(d => d.Id == DiagnosticCatalog.AcknowledgementUnused.Id).Select(d => AckIndex(d.JsonPath)).ToHashSet();
        if (unused.Count > 0)
        {
            acks = acks.Where((_, i) => !unused.Contains(i)).ToList();
            json = Write(template, year, narrative, tables, acks);
            check = BindMerged(json, template);
        }
        // The agency and narrative are the user's to complete; what the merge vouches for is the tables. A text cell left blank
        // for the clerk (W-MERGE-TEXT) is not an error of the merge; any other problem of the sum is the inputs' doing and is
        // reported at their values, since the merged file is not written when it has errors.
        foreach (var d in check.Diagnostics)
        {
            if (d.JsonPath is not { } path || !(path.StartsWith("tables", StringComparison.Ordinal) || path.StartsWith("acknowledgements", StringComparison.Ordinal)))
                continue;
            if (blanks.Contains(path)) continue;
            if (d.Severity == Severity.Error) diags.AddRange(AtInputs(d, path, inputs));
            else diags.Add(d);
        }
        return new MergeResult(json, diags);
    }

    /// <summary>An error of the summed file, said once per input at that input's value of the cell (or its file when it has none).</summary>
    private static IEnumerable<Diagnostic> AtInputs(Diagnostic d, string path, List<BoundReport> inputs)
    {
        foreach (var input in inputs)
        {
            var at = d with
            {
                Message = $"汇总后{d.Message}（本文件的数值计入了这个合计）",
                MessageEn = $"in the merged sum: {d.MessageEn} (this file's value is part of that sum)",
                File = input.File,
            };
            yield return input.Nodes.TryGetValue(path, out var node) ? at with { Line = node.Line, Column = node.Column } : at with { Line = 0, Column = 0 };
        }
    }

    private static BoundReport? TryBind(ReportPipeline pipeline, string file, List<Diagnostic> diags)
    {
        try
        {
            var bound = pipeline.Bind(file);
            if (!bound.HasErrors) return bound;
            var errors = bound.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            diags.Add(DiagnosticCatalog.MergeInput.Create($"数据文件有 {errors.Count} 处错误，改正后才能参与汇总", $"the data file has {errors.Count} error(s): correct them before it can be merged", file));
            diags.AddRange(errors);
        }
        catch (DocGenException e)
        {
            diags.Add(DiagnosticCatalog.MergeInput.Create("数据文件无法读取，不能参与汇总", "the data file cannot be read, so it cannot be merged", file));
            diags.AddRange(e.Diagnostics);
        }
        return null;
    }

    private static int YearOf(BoundReport r) => r.Context.GetValueOrDefault("year") is int y ? y : 0;

    private static JObject? ReadNarrative(string file, TemplatePackage template, int year, List<Diagnostic> diags)
    {
        try
        {
            if (ReportPipeline.ReadData(file) is not JObject root)
            {
                diags.Add(DiagnosticCatalog.MergeNarrative.Create("正文文件的最外层应为对象 { … }", "the narrative file must be an object { … } at its outermost level", file));
                return null;
            }
            if (root["template"] is JString t && t.Value != template.Name)
                diags.Add(DiagnosticCatalog.MergeTemplate.Create($"正文文件的报告格式为「{t.Value}」，与汇总数据的「{template.Name}」不同",
                    $"the narrative file's format is \"{t.Value}\", not the merged data's \"{template.Name}\"", file));
            if (root["year"] is JNumber n && n.Text != year.ToString(CultureInfo.InvariantCulture))
                diags.Add(DiagnosticCatalog.MergeNarrativeYear.Create($"正文文件的年度为 {n.Text}，汇总结果使用数据文件的年度 {year}；请检查正文中的年份",
                    $"the narrative file's year is {n.Text}; the merged file takes the data files' year {year}: check the years in the text", file));
            return root;
        }
        catch (DocGenException e)
        {
            diags.Add(DiagnosticCatalog.MergeNarrative.Create("正文文件无法读取", "the narrative file cannot be read", file));
            diags.AddRange(e.Diagnostics);
            return null;
        }
    }

    /// <summary>A summed cell: a number, or the text every input agrees on.</summary>
    private sealed record Cell(decimal? Number, string? Text);

    private static Dictionary<string, List<(string Row, List<(string Column, Cell Value)> Cells)>> SumTables(
        TemplatePackage template, List<BoundReport> inputs, List<Diagnostic> diags, HashSet<string> blanks)
    {
        var result = new Dictionary<string, List<(string, List<(string, Cell)>)>>();
        foreach (var def in template.Tables)
        {
            var rows = new List<(string, List<(string, Cell)>)>();
            // Definition order, not data-file order: the output must not depend on how each clerk ordered the keys.
            foreach (var row in def.Rows.Select(r => r.Key))
            {
                var cells = new List<(string, Cell)>();
                foreach (var col in def.Columns.Select(c => c.Key))
                {
                    if (!def.ValueCells.Contains((row, col)) || TableRules.IsComputed(def, row, col)) continue;
                    var cell = def.TypeOf(row, col) == Tables.ValueType.Text
                        ? MergeText(def, row, col, inputs, diags, blanks)
                        : new Cell(inputs.Sum(i => i.Values[def.Id].Numbers.GetValueOrDefault((row, col))), null);
                    cells.Add((col, cell));
                }
                if (cells.Count > 0) rows.Add((row, cells));
            }
            result[def.Id] = rows;
        }
        return result;
    }

    /// <summary>The text all inputs agree on, or an empty string for the clerk to fill in (its path goes into <paramref name="blanks"/>).</summary>
    private static Cell MergeText(TableDefinition def, string row, string col, List<BoundReport> inputs, List<Diagnostic> diags, HashSet<string> blanks)
    {
        var texts = inputs.Select(i => (i.File, Text: i.Values[def.Id].Texts.GetValueOrDefault((row, col)))).ToList();
        var distinct = texts.Select(t => t.Text).Distinct().ToList();
        if (distinct.Count == 1 && distinct[0] is not null) return new Cell(null, distinct[0]);
        string values = string.Join("；", texts.Select(t => $"{t.File}：{t.Text ?? "（空）"}"));
        string valuesEn = string.Join("; ", texts.Select(t => $"{t.File}: {t.Text ?? "(empty)"}"));
        string path = $"tables.{def.Id}.{row}.{col}";
        diags.Add(DiagnosticCatalog.MergeText.Create(
            $"{def.CellName(row, col)}是文字，无法相加，各文件的填写不一致（{values}），汇总结果中留空，请手工填写",
            $"{def.CellNameEn(row, col)} is text, which cannot be added up, and the files disagree ({valuesEn}): it is left blank in the merged file; fill it in by hand",
            jsonPath: path));
        blanks.Add(path);
        return new Cell(null, "");
    }

    private sealed record Ack(string Rule, string Table, string Column, string Reason);

    private static IEnumerable<Ack> Acknowledgements(BoundReport input)
    {
        if (input.Nodes.GetValueOrDefault("") is not JObject root || root["acknowledgements"] is not JArray arr) yield break;
        string agency = input.Context.GetValueOrDefault("agency") as string ?? input.File;
        foreach (var item in arr.Items.OfType<JObject>())
            if (item["rule"] is JString r && item["table"] is JString t && item["column"] is JString c && item["reason"] is JString why)
                yield return new Ack(r.Value, t.Value, c.Value, $"{agency}：{why.Value}");
    }

    /// <summary>One acknowledgement per rule, table and column, giving every input's reason: the list written into the merged file.</summary>
    private static List<Ack> MergeAcknowledgements(IEnumerable<Ack> acks) =>
        acks.GroupBy(a => (a.Rule, a.Table, a.Column))
            .Select(g => new Ack(g.Key.Rule, g.Key.Table, g.Key.Column, "汇总数据包含下级机关已确认的不一致。" + string.Join("；", g.Select(a => a.Reason))))
            .ToList();

    private static int AckIndex(string? path)
    {
        // "acknowledgements[3]" → 3
        if (path is null) return -1;
        int open = path.IndexOf('['), close = path.IndexOf(']');
        return open >= 0 && close > open && int.TryParse(path[(open + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : -1;
    }

    private static BoundReport BindMerged(string json, TemplatePackage template) =>
        ReportBinder.Bind(JsonPositionReader.Parse(Encoding.UTF8.GetBytes(json), MergedFileName), template, MergedFileName);

    private static string Write(TemplatePackage template, int year, JObject? narrative,
        Dictionary<string, List<(string Row, List<(string Column, Cell Value)> Cells)>> tables, List<Ack> acks)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("template", template.Name);
            w.WriteString("agency", narrative?["agency"] is JString a ? a.Value : "");
            w.WriteNumber("year", year);
            if (narrative?["title"] is { } title) { w.WritePropertyName("title"); WriteNode(w, title); }
            WriteNarrative(w, template, narrative);
            foreach (var extra in template.ExtraFields)
                if (narrative?[extra] is { } node) { w.WritePropertyName(extra); WriteNode(w, node); }

            w.WriteStartObject("tables");
            foreach (var def in template.Tables)
            {
                w.WriteStartObject(def.Id);
                foreach (var (row, cells) in tables[def.Id])
                {
                    // One table row per line, as in the hand-written examples: the clerk compares it with the printed row.
                    w.WritePropertyName(row);
                    w.WriteRawValue("{ " + string.Join(", ", cells.Select(c => $"{JsonOutput.Quote(c.Column)}: {Scalar(c.Value)}")) + " }");
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();

            if (narrative?["labels"] is JObject labels) { w.WritePropertyName("labels"); WriteNode(w, labels); }
            if (acks.Count > 0)
            {
                w.WriteStartArray("acknowledgements");
                foreach (var ack in acks)
                {
                    w.WriteStartObject();
                    w.WriteString("rule", ack.Rule);
                    w.WriteString("table", ack.Table);
                    w.WriteString("column", ack.Column);
                    w.WriteString("reason", ack.Reason);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Scalar(Cell c) => c.Text is not null ? JsonOutput.Quote(c.Text) : c.Number!.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every narrative field of the template, in manifest order: copied from the narrative file, else empty.</summary>
    private static void WriteNarrative(Utf8JsonWriter w, TemplatePackage template, JObject? narrative)
    {
        foreach (var group in template.Narrative.Keys.GroupBy(k => k.Split('.')[0]))
        {
            w.WritePropertyName(group.Key);
            if (group.All(k => !k.Contains('.')))
            {
                if (narrative?[group.Key] is { } node) WriteNode(w, node);
                else { w.WriteStartArray(); w.WriteEndArray(); }
                continue;
            }
            var parent = narrative?[group.Key] as JObject;
            w.WriteStartObject();
            foreach (var child in group.Select(k => k.Split('.')[1]))
            {
                w.WritePropertyName(child);
                if (parent?[child] is { } node) WriteNode(w, node);
                else { w.WriteStartArray(); w.WriteEndArray(); }
            }
            w.WriteEndObject();
        }
    }

    private static void WriteNode(Utf8JsonWriter w, JNode node)
    {
        switch (node)
        {
            case JObject o:
                w.WriteStartObject();
                foreach (var p in o.Properties) { w.WritePropertyName(p.Name); WriteNode(w, p.Value); }
                w.WriteEndObject();
                break;
            case JArray a:
                w.WriteStartArray();
                foreach (var i in a.Items) WriteNode(w, i);
                w.WriteEndArray();
                break;
            case JString s: w.WriteStringValue(s.Value); break;
            case JNumber n: w.WriteRawValue(n.Text); break;
            case JBool b: w.WriteBooleanValue(b.Value); break;
            default: w.WriteNullValue(); break;
        }
    }

    private static MergeResult Fail(List<Diagnostic> diags, Diagnostic d)
    {
        diags.Add(d);
        return new MergeResult(null, diags);
    }
}
