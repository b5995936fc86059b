using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocGen.Bench;

/// <summary>
/// Writes N data files that look like a province's agencies filing in one season: the two 2021-format examples taken in turn,
/// each with another agency's name in its text and every figure of its tables scaled by 1–5 (the 勾稽 rules are sums, so a
/// scaled table stays consistent, and the example's acknowledged breaks stay acknowledged). Deterministic: the same N gives
/// the same files.
/// </summary>
internal static class BatchDataGenerator
{
    private static readonly string[] Examples = ["ningxia-gov-office-2023.json", "pingluo-county-2023.json"];

    private static readonly string[] Places =
    [
        "银川市", "石嘴山市", "吴忠市", "固原市", "中卫市", "兴庆区", "金凤区", "西夏区", "永宁县", "贺兰县", "灵武市", "大武口区", "惠农区",
        "平罗县", "利通区", "红寺堡区", "盐池县", "同心县", "青铜峡市", "原州区", "西吉县", "隆德县", "泾源县", "彭阳县", "沙坡头区", "中宁县", "海原县",
    ];

    private static readonly string[] Departments =
    [
        "人民政府办公室", "发展和改革局", "教育局", "科学技术局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局",
        "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局", "商务局", "文化旅游广电局", "卫生健康局", "退役军人事务局",
        "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业和草原局", "信访局", "乡村振兴局", "工业和信息化局",
    ];

    public static int Run(string outDir, int count)
    {
        Directory.CreateDirectory(outDir);
        var bases = Examples.Select(e => JsonNode.Parse(File.ReadAllText(Path.Combine(Cli.RepoRoot, "examples", e)),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject()).ToArray();
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (int i = 0; i < count; i++)
        {
            var data = bases[i % bases.Length].DeepClone().AsObject();
            string oldAgency = data["agency"]!.GetValue<string>();
            string place = Places[i % Places.Length], department = Departments[i / Places.Length % Departments.Length];
            string agency = place + department;
            int scale = 1 + i % 5;
            data["$schema"] = "../../templates/gov-info-annual-2021/schema.json";
            Rewrite(data, oldAgency, agency, scale, inTables: false);
            if (data["title"] is JsonObject title) title["agencyLine"] = "宁夏回族自治区" + agency;
            File.WriteAllText(Path.Combine(outDir, $"agency-{i + 1:D4}.json"), data.ToJsonString(options));
        }
        Console.WriteLine($"{count} data files in {outDir}");
        return 0;
    }

    /// <summary>Replaces the agency's name in every string and scales every number under "tables".</summary>
    private static void Rewrite(JsonNode node, string oldAgency, string agency, int scale, bool inTables)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    if (child is null) continue;
                    if (child is JsonValue v) o[key] = Value(v, oldAgency, agency, scale, inTables || key == "tables");
                    else Rewrite(child, oldAgency, agency, scale, inTables || key == "tables");
                }
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v) a[i] = Value(v, oldAgency, agency, scale, inTables);
                    else if (a[i] is { } child) Rewrite(child, oldAgency, agency, scale, inTables);
                }
                break;
        }
    }

    private static JsonNode Value(JsonValue v, string oldAgency, string agency, int scale, bool inTables)
    {
        if (v.TryGetValue<string>(out var s)) return JsonValue.Create(s.Replace(oldAgency, agency, StringComparison.Ordinal));
        if (inTables && v.TryGetValue<long>(out var n)) return JsonValue.Create(n * scale);
        if (inTables && v.TryGetValue<decimal>(out var d)) return JsonValue.Create(d * scale);
        return v.DeepClone();
    }
}
