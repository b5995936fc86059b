using DocumentFormat.OpenXml.Wordprocessing;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>settings.xml: odd/even footers, Chinese line-breaking rules and the document's languages.</summary>
internal static class WordSettings
{
    public static Settings Build(M.Document doc)
    {
        string language = doc.Info.Language;
        var settings = new Settings(
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = (short)M.Units.PtToTwips(LayoutConstants.DefaultTabStopPt) },
            // Each Chinese punctuation mark keeps its full character cell, which also keeps the 28-character grid.
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new NoLineBreaksAfterKinsoku { Language = language, Val = LineBreakRules.NotAtLineEnd },
            new NoLineBreaksBeforeKinsoku { Language = language, Val = LineBreakRules.NotAtLineStart },
            // A line ended by a hard break (a cell or paragraph with "\n") stays left-aligned instead of being spread out.
            new Compatibility(new DoNotExpandShiftReturn(), new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }),
            new ThemeFontLanguages { Val = "en-US", EastAsia = language });
        if (doc.Styles.Page.PageNumber.OddEvenAlternate)
            settings.InsertAfter(new EvenAndOddHeaders(), settings.GetFirstChild<DefaultTabStop>());
        return settings;
    }
}
