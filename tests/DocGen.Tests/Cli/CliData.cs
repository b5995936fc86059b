using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

/// <summary>Data files made from the pingluo-county-2023 example: broken ones and batches of varied, valid copies.</summary>
public static class CliData
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Example() => JsonNode.Parse(File.ReadAllText(Repo.Example("pingluo-county-2023")))!.AsObject();

    public static string Write(JsonObject data, string path)
    {
        data["$schema"] = null;
        data.Remove("$schema");
        File.WriteAllText(path, data.ToJsonString(Indented));
        return path;
    }

    /// <summary>
    /// 本年新收 of 自然人 one higher than the example: T3-1 (新收 + 结转 = 总计 + 结转下年度) breaks in that column.
    /// Returns the file and the line of the offending cell, where the diagnostic must point.
    /// </summary>
    public static (string Path, int Line) BrokenT31(string folder, string name = "broken.json")
    {
        var data = Example();
        var cell = data["tables"]!["applications"]!["newReceived"]!.AsObject();
        cell["naturalPerson"] = cell["naturalPerson"]!.GetValue<int>() + 1;
        string path = Write(data, Path.Combine(folder, name));
        var lines = File.ReadAllLines(path);
        int row = Array.FindIndex(lines, l => l.Contains("\"newReceived\""));
        int line = Array.FindIndex(lines, row, l => l.Contains("\"naturalPerson\"")) + 1;
        return (path, line);
    }

    /// <summary>
    /// Valid copies with their own agency name and figures: 规章 issued = i, and i more applications from 自然人 both received and
    /// disclosed, so every rule still holds.
    /// </summary>
    public static IReadOnlyList<string> Batch(string folder, int count, string prefix = "agency")
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var data = Example();
            data["agency"] = $"测试县第{i}局";
            data.Remove("title");
            var t = data["tables"]!;
            t["activeDisclosure"]!["regulations"]!["issued"] = i;
            var received = t["applications"]!["newReceived"]!.AsObject();
            received["naturalPerson"] = received["naturalPerson"]!.GetValue<int>() + i;
            var disclosed = t["applications"]!["disclosed"]!.AsObject();
            disclosed["naturalPerson"] = disclosed["naturalPerson"]!.GetValue<int>() + i;
            files.Add(Write(data, Path.Combine(folder, $"{prefix}-{i:000}.json")));
        }
        return files;
    }
}
