using DocGen.Model;

namespace DocGen.Templates;

/// <summary>Turns a clerk's paragraph text into runs: **…** marks bold; a numbered head sentence takes a character style.</summary>
public static class InlineText
{
    /// <summary>Splits on ** into alternating plain and bold runs. Unbalanced markers stay literal (the binder reports them first).</summary>
    public static List<Inline> ParseBold(string text)
    {
        var parts = text.Split("**");
        if (parts.Length % 2 == 0) return [new Inline(text)];
        var runs = new List<Inline>();
        for (int i = 0; i < parts.Length; i++)
            if (parts[i].Length > 0) runs.Add(new Inline(parts[i], Bold: i % 2 == 1));
        return runs;
    }

    public static bool HasUnbalancedBold(string text) => text.Split("**").Length % 2 == 0;

    /// <summary>Gives the first <paramref name="length"/> characters of the runs the character style, splitting a run where needed.</summary>
    public static List<Inline> StyleHead(IReadOnlyList<Inline> runs, int length, string characterStyle)
    {
        var result = new List<Inline>();
        int remaining = length;
        foreach (var run in runs)
        {
            if (remaining <= 0) { result.Add(run); continue; }
            if (run.Text.Length <= remaining)
            {
                result.Add(run with { CharacterStyle = characterStyle });
                remaining -= run.Text.Length;
                continue;
            }
            result.Add(run with { Text = run.Text[..remaining], CharacterStyle = characterStyle });
            result.Add(run with { Text = run.Text[remaining..] });
            remaining = 0;
        }
        return result;
    }
}
