using System.Globalization;
using System.Text.Json.Nodes;
using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace DocGen.Tests.Robustness;

/// <summary>
/// Property tests over generated data files of the 2021 template: valid data always renders, validation says yes exactly when
/// the tables satisfy the rules (computed here independently of the binder), and rendering is byte-for-byte deterministic.
/// PDF renders cost 100–300 ms each, so the properties that render run few cases; the validation property runs many.
/// </summary>
public class PropertyTests
{
    private static readonly string[] Applicants = ["naturalPerson", "business", "research", "publicInterest", "legalService", "other"];
    private static readonly string[] Leaves =
    [
        "disclosed", "partlyDisclosed", "stateSecret", "prohibitedByLaw", "threeSafety", "thirdParty", "internalAffairs", "processInfo",
        "enforcementFile", "queryMatter", "notHeld", "needsCreation", "unclear", "petition", "repeated", "publication", "massRepeated",
        "confirmation", "noCorrection", "feeUnpaid", "otherHandling",
    ];
    private static readonly string[] ReviewRows = ["review", "directSuit", "suitAfterReview"];
    private static readonly string[] ReviewColumns = ["upheld", "corrected", "other", "pending"];

    /// <summary>Characters the fonts cover (taken from the examples, which render), plus markup-special and Latin ones.</summary>
    private static readonly Lazy<char[]> Alphabet = new(() =>
    {
        var text = string.Concat(Directory.EnumerateFiles(Repo.Examples, "*.json").Select(File.ReadAllText));
        var set = text.Where(c => c >= 0x4E00 && c <= 0x9FFF).Distinct().Order().Take(400).ToList();
        set.AddRange("，。、；：（）《》“”<>&\"'abcXYZ0123456789 ]]>");
        return [.. set];
    });

    /// <summary>One applicant column of 表三 that balances: what came in (new + carried over) all went somewhere.</summary>
    private static Gen<Dictionary<string, int>> BalancedColumn() =>
        from received in Gen.Choose(0, 60)
        from carried in Gen.Choose(0, 10)
        from piles in Gen.Piles(Leaves.Length + 1, received + carried)
        select Leaves.Select((l, i) => (l, piles[i])).Append(("carryForward", piles[^1])).Append(("newReceived", received)).Append(("carriedOver", carried))
            .ToDictionary(p => p.Item1, p => p.Item2);

    private sealed record Tables(Dictionary<string, int>[] Columns, int[][] Review, int[] Active, decimal Fees, bool TypeTotals);

    private static Gen<Tables> ValidTables() =>
        from cols in Gen.ArrayOf(BalancedColumn(), Applicants.Length)
        from review in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 9), ReviewColumns.Length), ReviewRows.Length)
        from active in Gen.ArrayOf(Gen.Choose(0, 400), 9)
        from feeThousandths in Gen.Choose(0, 9_999_999)
        from typeTotals in Gen.Elements(true, false)
        select new Tables(cols, review, active, feeThousandths / 1000m, typeTotals);

    private static Gen<string> Paragraph() =>
        from length in Gen.Choose(1, 120)
        from chars in Gen.ArrayOf(Gen.Elements(Alphabet.Value), length)
        let text = new string(chars).Trim()
        where text.Length > 0
        select text;

    private static Gen<string[]> Paragraphs(int max) =>
        from count in Gen.Choose(1, max)
        from paragraphs in Gen.ArrayOf(Paragraph(), count)
        select paragraphs;

    private static JsonObject Data(Tables t, string[] overview, string[] problems)
    {
        var data = JsonNode.Parse(File.ReadAllText(CorpusCase.Load("valid-minimal").Input))!.AsObject();
        data["sections"]!["overview"] = new JsonArray([.. overview.Select(p => (JsonNode)JsonValue.Create(p)!)]);
        data["sections"]!["problems"] = new JsonArray([.. problems.Select(p => (JsonNode)JsonValue.Create(p)!)]);
        var apps = new JsonObject();
        foreach (var row in Leaves.Concat(["newReceived", "carriedOver", "carryForward"]))
        {
            var r = new JsonObject();
            for (int c = 0; c < Applicants.Length; c++) r[Applicants[c]] = t.Columns[c][row];
            if (t.TypeTotals) r["total"] = Applicants.Select((_, c) => t.Columns[c][row]).Sum();
            apps[row] = r;
        }
        if (t.TypeTotals)
        {
            var total = new JsonObject();
            for (int c = 0; c < Applicants.Length; c++) total[Applicants[c]] = Leaves.Sum(l => t.Columns[c][l]);
            apps["total"] = total;
        }
        var review = new JsonObject();
        for (int i = 0; i < ReviewRows.Length; i++)
        {
            var r = new JsonObject();
            for (int j = 0; j < ReviewColumns.Length; j++) r[ReviewColumns[j]] = t.Review[i][j];
            if (t.TypeTotals) r["total"] = t.Review[i].Sum();
            review[ReviewRows[i]] = r;
        }
        var a = t.Active;
        var active = new JsonObject
        {
            ["regulations"] = new JsonObject { ["issued"] = a[0], ["repealed"] = a[1], ["inForce"] = a[2] },
            ["normativeDocuments"] = new JsonObject { ["issued"] = a[3], ["repealed"] = a[4], ["inForce"] = a[5] },
            ["licensing"] = new JsonObject { ["decisions"] = a[6] },
            ["penalty"] = new JsonObject { ["decisions"] = a[7] },
            ["coercion"] = new JsonObject { ["decisions"] = a[8] },
            ["fees"] = new JsonObject { ["amount"] = t.Fees },
        };
        data["tables"] = new JsonObject { ["activeDisclosure"] = active, ["applications"] = apps, ["reviewLitigation"] = review };
        return data;
    }

    private static readonly Lazy<IReadOnlyList<IDocumentWriter>> Writers = new(() => OutputFormats.Create(["docx", "pdf"], []));

    private static byte[] Write(IDocumentWriter w, Document doc)
    {
        using var ms = new MemoryStream();
        w.Write(doc, ms);
        return ms.ToArray();
    }

    [Fact]
    public void Any_valid_data_file_renders()
    {
        var gen = from t in ValidTables() from o in Paragraphs(4) from p in Paragraphs(2) select (t, o, p);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(6), Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var result = Pipelines.Default.Build(DataFiles.Write(Data(x.t, x.o, x.p)));
            Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
            var docx = Write(Writers.Value[0], result.Document!);
            var pdf = Write(Writers.Value[1], result.Document!);
            Assert.Equal("PK"u8.ToArray(), docx[..2]);
            Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
            string text = ModelText.Of(result.Document!);
            foreach (var para in x.o) Assert.Contains(para, text);
        }));
    }

    /// <summary>A change that may break the tables: one cell moved off balance, a typed total made wrong, or an invalid number.</summary>
    private sealed record Fault(string Kind, int Column, int RowIndex, int Delta);

    private static Gen<Fault> Faults() =>
        from kind in Gen.Elements("none", "none", "unbalance", "wrongTotalRow", "wrongTotalColumn", "wrongReviewTotal", "negative", "fraction")
        from col in Gen.Choose(0, Applicants.Length - 1)
        from row in Gen.Choose(0, Leaves.Length - 1)
        from delta in Gen.Elements(-2, -1, 1, 3)
        select new Fault(kind, col, row, delta);

    [Fact]
    public void Validation_accepts_exactly_the_files_whose_tables_satisfy_the_rules()
    {
        var gen = from t in ValidTables() from f in Faults() select (t, f);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var (t, f) = x;
            var data = Data(t with { TypeTotals = t.TypeTotals || f.Kind.StartsWith("wrong", StringComparison.Ordinal) }, ["正文。"], ["问题。"]);
            var apps = data["tables"]!["applications"]!;
            string col = Applicants[f.Column], leaf = Leaves[f.RowIndex];
            switch (f.Kind)
            {
                case "unbalance":
                    int v = t.Columns[f.Column][leaf] + f.Delta;
                    apps[leaf]![col] = Math.Max(0, v);
                    apps[leaf]!["total"]?.ReplaceWith(Applicants.Sum(a => (int)apps[leaf]![a]!));
                    if (apps["total"] is JsonObject tot) tot[col] = Leaves.Sum(l => (int)apps[l]![col]!);
                    break;
                case "wrongTotalRow": apps["total"]![col] = (int)apps["total"]![col]! + Math.Abs(f.Delta); break;
                case "wrongTotalColumn": apps[leaf]!["total"] = (int)apps[leaf]!["total"]! + Math.Abs(f.Delta); break;
                case "wrongReviewTotal": data["tables"]!["reviewLitigation"]!["directSuit"]!["total"] = t.Review[1].Sum() + Math.Abs(f.Delta); break;
                case "negative": apps[leaf]![col] = -1; break;
                case "fraction": apps[leaf]![col] = 0.5m; break;
            }

            var expected = ExpectedErrors(data);
            var result = Pipelines.Default.Build(DataFiles.Write(data));
            var actual = result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Id).ToHashSet();
            Assert.True(result.Ok == (expected.Count == 0), $"{f}: expected [{string.Join(",", expected)}], binder says [{string.Join(",", actual)}]");
            if (!expected.Contains("E-DATA-NEGATIVE") && !expected.Contains("E-DATA-INTEGER")) Assert.Equal(expected, actual);
            else Assert.Subset(actual, expected.Where(e => e.StartsWith("E-", StringComparison.Ordinal)).ToHashSet());
        }));
    }

    /// <summary>The consistency rules of the 2021 tables (T2-…, T3-…, T4-…), computed from the data file alone.</summary>
    private static HashSet<string> ExpectedErrors(JsonObject data)
    {
        var errors = new HashSet<string>();
        var apps = data["tables"]!["applications"]!.AsObject();
        decimal V(JsonNode? n) => decimal.Parse(n!.ToJsonString(), CultureInfo.InvariantCulture);
        foreach (var row in apps)
            foreach (var cell in row.Value!.AsObject())
            {
                decimal v = V(cell.Value);
                if (v < 0) errors.Add("E-DATA-NEGATIVE");
                else if (v != decimal.Truncate(v)) errors.Add("E-DATA-INTEGER");
            }
        if (errors.Count > 0) return errors;
        foreach (var col in Applicants)
        {
            decimal leaves = Leaves.Sum(l => V(apps[l]![col]));
            if (apps["total"] is JsonObject tot && V(tot[col]) != leaves) errors.Add("T3-2");                                    // T3-2
            if (V(apps["newReceived"]![col]) + V(apps["carriedOver"]![col]) != leaves + V(apps["carryForward"]![col])) errors.Add("T3-1"); // T3-1
        }
        foreach (var (name, row) in apps)
            if (name != "total" && row!["total"] is { } typed && V(typed) != Applicants.Sum(a => V(row[a]))) errors.Add("T3-3");          // T3-3
        foreach (var (_, row) in data["tables"]!["reviewLitigation"]!.AsObject())
            if (row!["total"] is { } typed && V(typed) != ReviewColumns.Sum(c => V(row[c]))) errors.Add("T4-1");                       // T4-1
        return errors;
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var gen = from t in ValidTables() from o in Paragraphs(3) select (t, o);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3), Prop.ForAll(gen.ToArbitrary(), x =>
        {
            string path = DataFiles.Write(Data(x.t, x.o, ["问题<&>。"]));
            var first = Pipelines.Default.Build(path);
            var second = Pipelines.Default.Build(path);
            Assert.True(first.Ok && second.Ok);
            foreach (var w in Writers.Value)
                Assert.Equal(Write(w, first.Document!), Write(w, second.Document!));
        }));
    }
}
