using System.Text;
using DocGen.Model;

namespace DocGen.Tests.Support;

/// <summary>The reading-order text of a document model: paragraphs, then table cells row by row.</summary>
public static class ModelText
{
    public static string Of(Document doc)
    {
        var sb = new StringBuilder();
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case Paragraph p: sb.AppendLine(p.PlainText); break;
                case Table t:
                    foreach (var row in t.Rows)
                        sb.AppendLine(string.Join("\t", row.Cells.Select(c => string.Concat(c.Lines))));
                    break;
            }
        }
        return sb.ToString();
    }
}
