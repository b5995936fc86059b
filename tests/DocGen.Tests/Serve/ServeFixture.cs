using System.Text.Json.Nodes;
using DocGen.Engine;
using DocGen.Serve;
using DocGen.Tests.Support;
using Microsoft.Playwright;

namespace DocGen.Tests.Serve;

/// <summary>
/// One `docgen serve` server (in process, on a free port) over a copy of the ningxia 2023 example, and one headless Chromium
/// driven by Playwright: Debian's chromium package by its executable path, as browser downloads cannot be reached here.
/// Shared by every test of <see cref="ServeFormTests"/> (CI has 2 cores: start both once).
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public string Folder { get; } = DataFiles.TempDir();
    public string DataFile => Path.Combine(Folder, "report.json");
    public ServeHost Host { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        File.Copy(Repo.Example("ningxia-gov-office-2023"), DataFile);
        Host = await ServeHost.StartAsync(new ServeOptions
        {
            DataFile = DataFile,
            Templates = new TemplateLocator(Repo.Templates),
            Writers = OutputFormats.Create(OutputFormats.Names, []),
        });
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(30_000);
        // A 2-core CI box shared with other jobs: the first render loads fonts and compiles the writers (seconds, not milliseconds).
        Assertions.SetDefaultExpectTimeout(30_000);
        Page = await context.NewPageAsync();
    }

    /// <summary>Loads the form afresh from the file on disk, through the URL with the token (as the clerk's browser opens it).</summary>
    public async Task<IPage> OpenAsync()
    {
        await Page.GotoAsync(Host.Url);
        await Page.WaitForSelectorAsync("#show-preview:not([hidden])"); // the script ran
        return Page;
    }

    public JsonObject DataOnDisk() => DataFileEditor.Parse(File.ReadAllBytes(DataFile));

    public static string Cell(string table, string row, string column) => $"[name=\"tables.{table}.{row}.{column}\"]";

    public static string Total(string table, string row, string column) => $"[data-total=\"tables.{table}.{row}.{column}\"]";

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
        await Host.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
