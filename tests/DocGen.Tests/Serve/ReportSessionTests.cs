using System.Text.Json.Nodes;
using DocGen.Engine;
using DocGen.Serve;
using DocGen.Tables;
using DocGen.Tests.Support;

namespace DocGen.Tests.Serve;

/// <summary>What the form does with a data file, without a browser: comments, saving, the mapping of problems to cells.</summary>
public sealed class ReportSessionTests
{
    private static ReportSession Open(string file) =>
        ReportSession.Open(file, new TemplateLocator(Repo.Templates), OutputFormats.Create(["pdf"], []), english: false);

    /// <summary>The fields the page posts for the file as it is (what a browser sends before any edit).</summary>
    private static FormFields Unchanged(ReportSession session, params (string Name, string Value)[] changes)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var def in session.Template.Tables)
            foreach (var (row, column) in def.ValueCells.Where(c => !TableRules.IsComputed(def, c.Row, c.Column)))
                values[FormFields.Cell(def, row, column)] = [Html.ValueText(Html.At(session.Original, "tables", def.Id, row, column))];
        foreach (var (name, value) in changes) values[name] = [value];
        return new FormFields(values);
    }

    [Fact]
    public void Saving_a_file_with_comments_asks_first_and_writes_only_when_confirmed()
    {
        string text = File.ReadAllText(Repo.Example("pingluo-county-2023")).Replace("\"agency\":", "// 机关简称\n  \"agency\":");
        string file = DataFiles.WriteText(text);
        var session = Open(file);
        Assert.True(session.FileHasComments());
        Assert.Contains("保存时删除注释", FormPage.Build(session, session.FileHasComments()));

        var refused = session.Save(Unchanged(session));
        Assert.False(refused.Saved);
        Assert.True(refused.NeedsConfirmation);
        Assert.Contains("注释", refused.Message);
        Assert.Equal(text, File.ReadAllText(file));

        var values = new Dictionary<string, IReadOnlyList<string>>(Unchanged(session).Values) { [FormFields.DropComments] = ["1"] };
        Assert.True(session.Save(new FormFields(values)).Saved);
        Assert.False(session.FileHasComments());
        Assert.Equal(JsonNode.Parse(text, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.ToJsonString(),
            JsonNode.Parse(File.ReadAllText(file))!.ToJsonString());
    }

    [Fact]
    public void A_typed_text_that_is_not_a_number_is_named_by_the_binder_not_dropped()
    {
        var session = Open(DataFiles.WriteText(File.ReadAllText(Repo.Example("pingluo-county-2023"))));
        var check = session.Check(Unchanged(session, ("tables.applications.disclosed.business", "3件")));
        var problem = Assert.Single(check.Problems, p => p.Severity == "error");
        Assert.Equal("E-DATA-NUMBER", problem.Id);
        Assert.Equal(["tables.applications.disclosed.business"], problem.Fields);
        Assert.Contains("\"3件\"", problem.Text);
        Assert.Equal("", check.Totals["tables.applications.total.business"]); // a total of an unreadable part is not guessed
    }

    [Fact]
    public void A_wrong_total_of_a_sum_rule_marks_the_total_and_its_parts()
    {
        var session = Open(DataFiles.WriteText(File.ReadAllText(Repo.Example("pingluo-county-2023"))));
        var def = session.Template.Tables.Single(t => t.Id == "reviewLitigation");
        var rule = def.Rules.Single(r => r.Id == "T4-1");
        var diagnostic = new Model.Diagnostic(Model.Severity.Error, "T4-1", "…", JsonPath: "tables.reviewLitigation.review.total");
        var fields = CheckResult.Fields(diagnostic, session.Template);
        Assert.Equal(rule.Of.Count + 1, fields.Count);
        Assert.Contains("tables.reviewLitigation.review.total", fields);
        Assert.All(fields, f => Assert.StartsWith("tables.reviewLitigation.review.", f));
    }
}
