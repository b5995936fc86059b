namespace DocGen.Model;

/// <summary>"Did you mean …?" for unknown field names: the closest known name within a small edit distance.</summary>
public static class Suggest
{
    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        int bestDist = int.MaxValue;
        foreach (var k in known)
        {
            int d = Distance(name.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDist) (best, bestDist) = (k, d);
        }
        int allowed = Math.Max(1, Math.Min(3, name.Length / 3));
        return bestDist <= allowed ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
