using DocGen.Templates;
using DocGen.Tests.Support;

namespace DocGen.Tests.TemplateTests;

public class StyleSheetBaseTests
{
    [Fact]
    public void A_style_sheet_overrides_single_fields_of_its_base()
    {
        // A base must lie in the same templates folder as the style sheet naming it (another format's styles.json).
        string root = DataFiles.TempDir();
        string dir = Path.Combine(root, "variant");
        Directory.CreateDirectory(dir);
        Directory.CreateDirectory(Path.Combine(root, "base-format"));
        string basePath = Path.Combine(root, "base-format", "styles.json");
        File.Copy(Path.Combine(Repo.Templates, "gov-info-annual-2021", "styles.json"), basePath);
        File.WriteAllText(Path.Combine(dir, "styles.json"),
            """{ "base": "../base-format/styles.json", "paragraphStyles": { "body": { "size": "小三" } } }""");

        var (styles, numbering) = StyleSheetLoader.Load(Path.Combine(dir, "styles.json"));
        var (baseStyles, _) = StyleSheetLoader.Load(basePath);

        Assert.Equal(15, styles.Paragraph("body").SizePt);
        Assert.Equal("fangsong", styles.Paragraph("body").FontRole);          // merged, not replaced
        Assert.Equal(baseStyles.Paragraph("title").SizePt, styles.Paragraph("title").SizePt);
        Assert.Equal(baseStyles.Page, styles.Page);
        Assert.Equal(3, numbering.Count);
    }

    [Fact]
    public void The_earlier_formats_share_the_2021_typography()
    {
        var (y2021, _) = StyleSheetLoader.Load(Path.Combine(Repo.Templates, "gov-info-annual-2021", "styles.json"));
        foreach (var name in new[] { "gov-info-annual-2019", "gov-info-annual-legacy" })
        {
            var (s, _) = StyleSheetLoader.Load(Path.Combine(Repo.Templates, name, "styles.json"));
            Assert.Equal(y2021.Page, s.Page);
            Assert.Equal(y2021.Paragraphs.Keys.Order(), s.Paragraphs.Keys.Order());
        }
    }
}
