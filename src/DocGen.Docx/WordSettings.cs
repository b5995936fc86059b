using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>settings.xml: odd/even footers, Chinese line-breaking rules and the document's languages.</summary>
internal static class WordSettings
{
    public static byte[] Build(M.Document doc) => WordXml.Part(xml =>
    {
        string language = doc.Info.Language;
        xml.Start("settings");
        xml.Empty("zoom", "percent", "100");
        xml.Empty("defaultTabStop", "val", WordXml.Number(M.Units.PtToTwips(LayoutConstants.DefaultTabStopPt)));
        if (doc.Styles.Page.PageNumber.OddEvenAlternate) xml.Empty("evenAndOddHeaders");
        // Each Chinese punctuation mark keeps its full character cell, which also keeps the 28-character grid.
        xml.Empty("characterSpacingControl", "val", "doNotCompress");
        Kinsoku(xml, "noLineBreaksAfter", language, LineBreakRules.NotAtLineEnd);
        Kinsoku(xml, "noLineBreaksBefore", language, LineBreakRules.NotAtLineStart);
        xml.Start("compat");
        // A line ended by a hard break (a cell or paragraph with "\n") stays left-aligned instead of being spread out.
        xml.Empty("doNotExpandShiftReturn");
        xml.Start("compatSetting");
        xml.Attribute("name", "compatibilityMode");
        xml.Attribute("uri", "http://schemas.microsoft.com/office/word");
        xml.Attribute("val", "15");
        xml.End();
        xml.End();
        xml.Start("themeFontLang");
        xml.Attribute("val", "en-US");
        xml.Attribute("eastAsia", language);
        xml.End();
        xml.End();
    });

    private static void Kinsoku(WordXml xml, string name, string language, string characters)
    {
        xml.Start(name);
        xml.Attribute("lang", language);
        xml.Attribute("val", characters);
        xml.End();
    }
}
