using System.Text.Json;
using DocGen.Engine.Merge;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Formats;

public sealed class ReportMergerTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("docgen-merge-");

    public void Dispose() => _dir.Delete(recursive: true);

    private List<GeneratedAgency> Agencies(string template, int year, int count, int seed, Func<int, string>? text = null) =>
        Enumerable.Range(0, count).Select(i => GeneratedAgency.Create(_dir.FullName, template, year, seed + i, $"机关{seed + i}", text?.Invoke(i) ?? "100万元")).ToList();

    private string Save(string json, string name = "region")
    {
        string path = Path.Combine(_dir.FullName, name + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    [Theory]
    [InlineData("gov-info-annual-2021", 2023)]
    [InlineData("gov-info-annual-2019", 2020)]
    [InlineData("gov-info-annual-legacy", 2018)]
    public void Sums_every_typed_value_of_three_random_agencies(string template, int year)
    {
        var agencies = Agencies(template, year, 3, seed: 11);
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, null);
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);

        using var merged = JsonDocument.Parse(result.Json!);
        var tables = merged.RootElement.GetProperty("tables");
        int checkedCells = 0;
        foreach (var (tableId, cells) in agencies[0].Numbers)
            foreach (var key in cells.Keys)
            {
                decimal expected = agencies.Sum(a => a.Numbers[tableId][key]);
                Assert.Equal(expected, tables.GetProperty(tableId).GetProperty(key.Row).GetProperty(key.Column).GetDecimal());
                checkedCells++;
            }
        Assert.True(checkedCells > 10);
        Assert.Equal(year, merged.RootElement.GetProperty("year").GetInt32());
        Assert.Equal(template, merged.RootElement.GetProperty("template").GetString());
    }

    [Fact]
    public void Computed_totals_are_left_to_the_binder_and_come_out_as_the_sum_of_the_inputs_totals()
    {
        var agencies = Agencies("gov-info-annual-2021", 2023, 3, seed: 21);
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, Repo.Example("ningxia-gov-office-2023"));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        using (var merged = JsonDocument.Parse(result.Json!))
        {
            var apps = merged.RootElement.GetProperty("tables").GetProperty("applications");
            Assert.False(apps.TryGetProperty("total", out _));
            Assert.False(apps.GetProperty("newReceived").TryGetProperty("total", out _));
        }

        var region = Pipelines.Default.Build(Save(result.Json!));
        Assert.True(region.Ok, string.Join("\n", region.Diagnostics.Select(d => d.Format())));
        var inputs = agencies.Select(a => Pipelines.Default.Bind(a.Path)).ToList();
        foreach (var cell in new[] { ("total", "total"), ("total", "naturalPerson"), ("newReceived", "total") })
            Assert.Equal(inputs.Sum(i => i.Values["applications"].Numbers[cell]), region.Report!.Values["applications"].Numbers[cell]);
        Assert.Equal(inputs.Sum(i => i.Values["reviewLitigation"].Numbers[("review", "total")]),
            region.Report!.Values["reviewLitigation"].Numbers[("review", "total")]);
    }

    [Fact]
    public void Narrative_agency_and_title_come_from_the_named_file()
    {
        var agencies = Agencies("gov-info-annual-2021", 2023, 2, seed: 31);
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, Repo.Example("ningxia-gov-office-2023"));
        Assert.True(result.Ok);
        using var merged = JsonDocument.Parse(result.Json!);
        var root = merged.RootElement;
        Assert.Equal("自治区人民政府办公厅", root.GetProperty("agency").GetString());
        Assert.Equal("宁夏回族自治区人民政府办公厅", root.GetProperty("title").GetProperty("agencyLine").GetString());
        Assert.StartsWith("2023年，自治区人民政府办公厅", root.GetProperty("sections").GetProperty("overview")[0].GetString());
        Assert.Single(root.GetProperty("closing").EnumerateArray());
    }

    [Fact]
    public void Without_a_narrative_file_the_narrative_is_empty_and_the_missing_agency_is_reported()
    {
        var agencies = Agencies("gov-info-annual-2019", 2020, 2, seed: 41);
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, null);
        Assert.True(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.Id == "W-MERGE-AGENCY");
        using var merged = JsonDocument.Parse(result.Json!);
        var root = merged.RootElement;
        Assert.Equal("", root.GetProperty("agency").GetString());
        Assert.Equal(0, root.GetProperty("preamble").GetArrayLength());
        Assert.Equal(["overview", "problems", "other"], root.GetProperty("sections").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Output_is_deterministic_and_follows_the_table_definitions_order()
    {
        var agencies = Agencies("gov-info-annual-2021", 2023, 3, seed: 51);
        var paths = agencies.Select(a => a.Path).ToList();
        var once = ReportMerger.Merge(paths, Pipelines.Default, null).Json;
        var reversed = ReportMerger.Merge(paths.AsEnumerable().Reverse().ToList(), Pipelines.Default, null).Json;
        Assert.NotNull(once);
        Assert.Equal(once, reversed);

        var template = Pipelines.Default.Templates.Load("gov-info-annual-2021");
        var apps = template.Tables.Single(t => t.Id == "applications");
        using var merged = JsonDocument.Parse(once!);
        var rows = merged.RootElement.GetProperty("tables").GetProperty("applications").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(apps.Rows.Select(r => r.Key).Where(rows.Contains), rows);
        Assert.Equal("newReceived", rows[0]);
    }

    [Fact]
    public void Equal_text_values_are_kept_and_differing_ones_reported_and_left_blank()
    {
        var same = Agencies("gov-info-annual-2019", 2020, 2, seed: 61, _ => "12万元");
        var kept = ReportMerger.Merge(same.Select(a => a.Path).ToList(), Pipelines.Default, null);
        using (var doc = JsonDocument.Parse(kept.Json!))
            Assert.Equal("12万元", doc.RootElement.GetProperty("tables").GetProperty("activeDisclosure").GetProperty("procurement").GetProperty("purchaseAmount").GetString());
        Assert.DoesNotContain(kept.Diagnostics, d => d.Id == "W-MERGE-TEXT");

        var differ = Agencies("gov-info-annual-2019", 2020, 2, seed: 71, i => i == 0 ? "12万元" : "3万元");
        var result = ReportMerger.Merge(differ.Select(a => a.Path).ToList(), Pipelines.Default, null);
        Assert.True(result.Ok);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "W-MERGE-TEXT");
        Assert.Contains("政府集中采购」行「采购总金额」列", warning.Message);
        Assert.Contains("12万元", warning.Message);
        Assert.Contains("3万元", warning.Message);
        // The blank is the clerk's to fill in, not an error of the merge; the region file is written with it.
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        using (var doc = JsonDocument.Parse(result.Json!))
            Assert.Equal("", doc.RootElement.GetProperty("tables").GetProperty("activeDisclosure").GetProperty("procurement").GetProperty("purchaseAmount").GetString());
    }

    [Fact]
    public void Mixed_formats_are_refused_naming_the_odd_input()
    {
        var a2021 = Agencies("gov-info-annual-2021", 2020, 2, seed: 81);
        var a2019 = Agencies("gov-info-annual-2019", 2020, 1, seed: 91);
        var result = ReportMerger.Merge([a2021[0].Path, a2019[0].Path, a2021[1].Path], Pipelines.Default, null);
        Assert.False(result.Ok);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("E-MERGE-TEMPLATE", error.Id);
        Assert.Equal(a2019[0].Path, error.File);
        Assert.Contains("gov-info-annual-2019", error.Message);
    }

    [Fact]
    public void Mixed_years_are_refused_naming_the_odd_input()
    {
        var y2023 = Agencies("gov-info-annual-2021", 2023, 2, seed: 101);
        var y2022 = Agencies("gov-info-annual-2021", 2022, 1, seed: 111);
        var result = ReportMerger.Merge([y2023[0].Path, y2023[1].Path, y2022[0].Path], Pipelines.Default, null);
        Assert.False(result.Ok);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("E-MERGE-YEAR", error.Id);
        Assert.Equal(y2022[0].Path, error.File);
        Assert.Contains("2022", error.Message);
    }

    [Fact]
    public void A_broken_input_is_rejected_with_its_own_diagnostics()
    {
        var agencies = Agencies("gov-info-annual-2021", 2023, 2, seed: 121);
        string broken = agencies[1].Path;
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("\"review\":{", "\"review\":{\"total\":9999,"));
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, null);
        Assert.False(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.Id == "E-MERGE-INPUT" && d.File == broken);
        Assert.Contains(result.Diagnostics, d => d.Id == "T4-1" && d.File == broken);
        Assert.DoesNotContain(result.Diagnostics, d => d.File == agencies[0].Path);
    }

    [Fact]
    public void Acknowledged_breaks_of_an_input_are_carried_into_the_merged_file()
    {
        var other = Agencies("gov-info-annual-2021", 2023, 1, seed: 131);
        var result = ReportMerger.Merge([Repo.Example("ningxia-gov-office-2023"), other[0].Path], Pipelines.Default, Repo.Example("ningxia-gov-office-2023"));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "W-T3-1"));
        var region = Pipelines.Default.Build(Save(result.Json!));
        Assert.True(region.Ok, string.Join("\n", region.Diagnostics.Select(d => d.Format())));
        Assert.DoesNotContain(region.Diagnostics, d => d.Id == "W-ACK-UNUSED");
    }

    [Fact]
    public void Typed_totals_of_an_input_are_not_summed_but_recomputed()
    {
        var other = Agencies("gov-info-annual-2019", 2020, 1, seed: 141, _ => "2154.97万元");
        var result = ReportMerger.Merge([Repo.Example("ningxia-gov-office-2020"), other[0].Path], Pipelines.Default, Repo.Example("ningxia-gov-office-2020"));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.Empty(result.Diagnostics);
        var region = Pipelines.Default.Build(Save(result.Json!));
        Assert.True(region.Ok, string.Join("\n", region.Diagnostics.Select(d => d.Format())));
        var t3 = region.Report!.Values["applications"];
        var generated = Pipelines.Default.Bind(other[0].Path).Values["applications"];
        Assert.Equal(4447 + generated.Numbers[("newReceived", "total")], t3.Numbers[("newReceived", "total")]);
        Assert.Contains(("newReceived", "total"), t3.Computed);
        var t2 = region.Report.Values["activeDisclosure"];
        Assert.Equal("2154.97万元", t2.Texts[("procurement", "purchaseAmount")]);
        Assert.Equal(1 + other[0].Numbers["activeDisclosure"][("licensing", "change")], t2.Numbers[("licensing", "change")]);
    }

    [Fact]
    public void Legacy_merge_keeps_the_attachment_title_from_the_narrative_file()
    {
        var agencies = Agencies("gov-info-annual-legacy", 2018, 3, seed: 151);
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, Repo.Example("ningxia-region-2018"));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var region = Pipelines.Default.Build(Save(result.Json!));
        Assert.True(region.Ok, string.Join("\n", region.Diagnostics.Select(d => d.Format())));
        Assert.Contains(region.Document!.Blocks.OfType<Paragraph>(), p => p.Style == "attachmentTitle" && p.Inlines[0].Text == "宁夏回族自治区2018年度政府信息公开情况统计表");
        var stats = region.Report!.Values["statistics"];
        var inputs = agencies.Select(a => Pipelines.Default.Bind(a.Path).Values["statistics"]).ToList();
        foreach (var row in new[] { "received", "answered", "refused", "staff", "funding", "fees" })
            Assert.Equal(inputs.Sum(i => i.Numbers[(row, "value")]), stats.Numbers[(row, "value")]);
    }

    [Fact]
    public void A_narrative_file_of_another_format_is_refused()
    {
        var agencies = Agencies("gov-info-annual-2019", 2020, 2, seed: 161);
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, Repo.Example("ningxia-gov-office-2023"));
        Assert.False(result.Ok);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("E-MERGE-TEMPLATE", Repo.Example("ningxia-gov-office-2023")), (error.Id, error.File));
    }

    [Fact]
    public void Listing_the_same_file_twice_is_refused()
    {
        var agencies = Agencies("gov-info-annual-2021", 2023, 1, seed: 171);
        var result = ReportMerger.Merge([agencies[0].Path, agencies[0].Path], Pipelines.Default, null);
        Assert.False(result.Ok);
        Assert.Equal("E-MERGE-DUPLICATE", Assert.Single(result.Diagnostics).Id);
    }

    /// <summary>Raises one value of an agency's table 三 and acknowledges the T3-1 break that makes in that column.</summary>
    private static void BreakAndAcknowledge(GeneratedAgency agency, string row, string column, int by)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(agency.Path))!.AsObject();
        var cell = root["tables"]!["applications"]![row]!.AsObject();
        cell[column] = cell[column]!.GetValue<decimal>() + by;
        root["acknowledgements"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["rule"] = "T3-1",
            ["table"] = "applications",
            ["column"] = column,
            ["reason"] = $"{row} 多计 {by} 件",
        });
        File.WriteAllText(agency.Path, root.ToJsonString());
    }

    [Fact]
    public void Acknowledgements_whose_breaks_cancel_in_the_sum_are_dropped_and_the_others_kept()
    {
        // The merged list is grouped by rule, table and column; its W-ACK-UNUSED indices must not be applied to the
        // ungrouped list (which dropped 商业企业's acknowledgement here and kept the cancelled one).
        var agencies = Agencies("gov-info-annual-2021", 2023, 5, seed: 181);
        BreakAndAcknowledge(agencies[0], "newReceived", "naturalPerson", 2);
        BreakAndAcknowledge(agencies[1], "newReceived", "naturalPerson", 1);
        BreakAndAcknowledge(agencies[2], "newReceived", "business", 4);
        BreakAndAcknowledge(agencies[3], "newReceived", "publicInterest", 3);
        BreakAndAcknowledge(agencies[4], "carryForward", "publicInterest", 3);   // the other side: cancels agencies[3]
        foreach (var a in agencies) Assert.False(Pipelines.Default.Bind(a.Path).HasErrors);

        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, Repo.Example("pingluo-county-2023"));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "W-ACK-UNUSED");
        using (var merged = JsonDocument.Parse(result.Json!))
            Assert.Equal(["business", "naturalPerson"], merged.RootElement.GetProperty("acknowledgements").EnumerateArray()
                .Select(a => a.GetProperty("column").GetString()!).Order(StringComparer.Ordinal));
        var region = Pipelines.Default.Build(Save(result.Json!));
        Assert.True(region.Ok, string.Join("\n", region.Diagnostics.Select(d => d.Format())));
        Assert.DoesNotContain(region.Diagnostics, d => d.Id == "W-ACK-UNUSED");
    }

    [Fact]
    public void With_two_files_whose_breaks_cancel_no_stale_acknowledgement_is_written()
    {
        var agencies = Agencies("gov-info-annual-2021", 2023, 2, seed: 191);
        BreakAndAcknowledge(agencies[0], "newReceived", "business", 2);
        BreakAndAcknowledge(agencies[1], "carryForward", "business", 2);
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, null);
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "W-ACK-UNUSED");
        using var merged = JsonDocument.Parse(result.Json!);
        Assert.False(merged.RootElement.TryGetProperty("acknowledgements", out _));
    }

    [Fact]
    public void A_sum_above_the_range_is_reported_at_the_inputs_values()
    {
        // The merged file is not written when it has errors, so no error may point into it.
        var agencies = Agencies("gov-info-annual-2019", 2020, 2, seed: 201);
        var (row, column) = agencies[0].Numbers["activeDisclosure"].Keys.First(k => k.Row == "regulations");
        foreach (var a in agencies)
        {
            var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(a.Path))!.AsObject();
            root["tables"]!["activeDisclosure"]![row]![column] = 600_000_000;
            File.WriteAllText(a.Path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        foreach (var a in agencies) Assert.False(Pipelines.Default.Bind(a.Path).HasErrors);
        var result = ReportMerger.Merge(agencies.Select(a => a.Path).ToList(), Pipelines.Default, null);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("E-DATA-RANGE", e.Id));
        Assert.Equal(agencies.Select(a => a.Path), errors.Select(e => e.File));
        Assert.All(errors, e => Assert.True(e.Line > 1 && e.Column > 0));
        Assert.DoesNotContain(result.Diagnostics, d => d.File == ReportMerger.MergedFileName);
    }
}
