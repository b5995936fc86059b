using System.Net;
using System.Text.Json.Nodes;
using DocGen.Data;
using DocGen.Tests.Support;
using Microsoft.Playwright;

namespace DocGen.Tests.Serve;

/// <summary>
/// `docgen serve` in a real browser: the form shows the file's figures, totals follow typing, a broken T3-1 is shown on its cells
/// with the command line's message, save and render write the right files, the keys move like a spreadsheet, the page shows
/// without scripts, and a request without the token is refused. One server and one browser for the whole class.
/// </summary>
public sealed class ServeFormTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private const string T = "applications";

    [Fact]
    public async Task The_page_shows_the_data_files_figures_and_computed_totals()
    {
        var page = await serve.OpenAsync();
        var data = serve.DataOnDisk();
        foreach (var row in new[] { "newReceived", "notHeld", "carryForward" })
            Assert.Equal(Html(data, "tables", T, row, "naturalPerson"), await page.InputValueAsync(ServeFixture.Cell(T, row, "naturalPerson")));
        var bound = Bind(data);
        Assert.Equal(bound.Values[T].Numbers[("total", "naturalPerson")].ToString(), await page.TextContentAsync(ServeFixture.Total(T, "total", "naturalPerson")));
        Assert.Equal(bound.Values[T].Numbers[("newReceived", "total")].ToString(), await page.TextContentAsync(ServeFixture.Total(T, "newReceived", "total")));
        Assert.Equal(Html(data, "agency"), await page.InputValueAsync("[name=agency]"));
        Assert.Equal(((JsonArray)data["sections"]!["overview"]!)[1]!.GetValue<string>(), await page.Locator("[name=\"sections.overview\"]").Nth(1).InputValueAsync());
        // Merged header cells as printed: 申请人情况 spans the seven applicant columns.
        Assert.Equal("7", await page.Locator("table[data-table=applications] th", new() { HasTextString = "申请人情况" }).GetAttributeAsync("colspan"));
    }

    [Fact]
    public async Task Typing_in_a_cell_updates_the_totals()
    {
        var page = await serve.OpenAsync();
        string cell = ServeFixture.Cell(T, "newReceived", "research");
        int before = int.Parse(await page.InputValueAsync(cell));
        int total = int.Parse((await page.TextContentAsync(ServeFixture.Total(T, "newReceived", "total")))!);
        await page.FillAsync(cell, (before + 7).ToString());
        await Assertions.Expect(page.Locator(ServeFixture.Total(T, "newReceived", "total"))).ToHaveTextAsync((total + 7).ToString());
        await page.FillAsync(cell, before.ToString());
        await Assertions.Expect(page.Locator(ServeFixture.Total(T, "newReceived", "total"))).ToHaveTextAsync(total.ToString());
    }

    [Fact]
    public async Task Breaking_T3_1_shows_the_command_lines_message_on_its_cells_and_fixing_it_clears_them()
    {
        var page = await serve.OpenAsync();
        // 科研机构: the example acknowledges its T3-1 breaks in 自然人 and 商业企业 (warnings), not in this column.
        string cell = ServeFixture.Cell(T, "newReceived", "research");
        string before = await page.InputValueAsync(cell);
        await page.FillAsync(cell, (int.Parse(before) + 1).ToString());

        var problems = page.Locator("ul[data-problems=\"tables.applications.\"] li.error");
        await Assertions.Expect(problems).ToHaveCountAsync(1);
        // The same words as `docgen validate`: bind the same data through the engine and compare.
        var broken = serve.DataOnDisk();
        broken["tables"]![T]!["newReceived"]!["research"] = int.Parse(before) + 1;
        var expected = Bind(broken).Diagnostics.Single(d => d.Id == "T3-1");
        string message = (await problems.First.TextContentAsync())!;
        Assert.Equal((expected with { File = null, Line = 0, Column = 0 }).Format(), message);
        Assert.Contains("T3-1", message);
        Assert.Contains("「科研机构」列", message);

        // The cells of the equation in that column are marked; no cell of another column is.
        var bad = new System.Text.RegularExpressions.Regex("\\bbad\\b");
        foreach (var row in new[] { "newReceived", "carriedOver", "carryForward" })
            await Assertions.Expect(page.Locator(ServeFixture.Cell(T, row, "research"))).ToHaveClassAsync(bad);
        await Assertions.Expect(page.Locator(ServeFixture.Total(T, "total", "research"))).ToHaveClassAsync(bad);
        Assert.Equal(4, await page.Locator("table[data-table=applications] .bad").CountAsync());
        Assert.Contains("T3-1", await page.GetAttributeAsync(cell, "title"));
        // The README's picture of the form, taken from this run so it shows the form as it is (the toolbar is pinned to the top
        // of the window; it would cover the table's head in a picture of the table alone).
        await page.Locator("#table-applications").ScreenshotAsync(new()
        {
            Path = Path.Combine(Repo.Root, "docs", "serve-form.png"),
            Style = ".bar { position: static; }",
            Animations = ScreenshotAnimations.Disabled,
        });

        await page.FillAsync(cell, before);
        await Assertions.Expect(problems).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table[data-table=applications] .bad")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Save_writes_the_data_file_with_the_edits_and_everything_else_unchanged()
    {
        var page = await serve.OpenAsync();
        // The check of the last keystrokes answers after the save, as on a busy machine: its answer marks the cells but must
        // not replace "已保存" in the status line (it did, and the clerk could not tell whether the file was saved).
        await page.RouteAsync("**/api/check", async route =>
        {
            await Task.Delay(700);
            await route.ContinueAsync();
        });
        var before = serve.DataOnDisk();
        string cell = ServeFixture.Cell("reviewLitigation", "review", "upheld");
        int value = int.Parse(await page.InputValueAsync(cell)) + 2;
        await page.FillAsync(cell, value.ToString());
        await page.Locator("[name=\"sections.problems\"]").First.FillAsync("（一）改进。**加粗**的一段。");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已保存 report.json");
        await page.WaitForTimeoutAsync(1500); // the delayed check answers
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已保存 report.json");

        var after = serve.DataOnDisk();
        Assert.Equal(value, after["tables"]!["reviewLitigation"]!["review"]!["upheld"]!.GetValue<int>());
        Assert.Equal("（一）改进。**加粗**的一段。", after["sections"]!["problems"]![0]!.GetValue<string>());
        // Everything the clerk did not touch is as it was, key order included.
        before["tables"]!["reviewLitigation"]!["review"]!["upheld"] = value;
        before["sections"]!["problems"]![0] = "（一）改进。**加粗**的一段。";
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.False(Bind(after).HasErrors);
        Assert.DoesNotContain(Directory.EnumerateFiles(serve.Folder), f => f.EndsWith(Engine.AtomicOutput.TempMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_writes_the_docx_and_pdf_beside_the_file_and_offers_them_for_download()
    {
        var page = await serve.OpenAsync();
        await page.ClickAsync("#render");
        await Assertions.Expect(page.Locator("#downloads a")).ToHaveCountAsync(2);
        byte[] pdf = File.ReadAllBytes(Path.Combine(serve.Folder, "report.pdf"));
        byte[] docx = File.ReadAllBytes(Path.Combine(serve.Folder, "report.docx"));
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal("PK"u8.ToArray(), docx[..2]);
        var download = await page.APIRequest.GetAsync(serve.Host.BaseUrl + "/download/pdf");
        Assert.Equal(200, download.Status);
        Assert.Equal(pdf, await download.BodyAsync());

        await page.ClickAsync("#show-preview");
        await Assertions.Expect(page.Locator("#preview")).ToBeVisibleAsync();
        string src = (await page.GetAttributeAsync("#preview-frame", "src"))!;
        var preview = await page.APIRequest.GetAsync(serve.Host.BaseUrl + src);
        Assert.Equal("%PDF"u8.ToArray(), (await preview.BodyAsync())[..4]);
    }

    [Fact]
    public async Task Keyboard_moves_between_cells_like_a_spreadsheet()
    {
        var page = await serve.OpenAsync();
        await page.FocusAsync(ServeFixture.Cell(T, "newReceived", "naturalPerson"));
        async Task At(string row, string column) =>
            Assert.Equal($"tables.{T}.{row}.{column}", await page.EvaluateAsync<string>("document.activeElement.name"));
        await page.Keyboard.PressAsync("ArrowDown");
        await At("carriedOver", "naturalPerson");
        await page.Keyboard.PressAsync("Enter");
        await At("disclosed", "naturalPerson");
        await page.Keyboard.PressAsync("ArrowRight");
        await At("disclosed", "business");
        await page.Keyboard.PressAsync("Tab");
        await At("disclosed", "research");
        await page.Keyboard.PressAsync("Shift+Tab");
        await At("disclosed", "business");
        await page.Keyboard.PressAsync("ArrowUp");
        await At("carriedOver", "business");
        await page.Keyboard.PressAsync("ArrowLeft");
        await At("carriedOver", "naturalPerson");
    }

    [Fact]
    public async Task The_page_shows_without_scripts_with_the_values_in_the_html()
    {
        using var client = new HttpClient();
        string html = await client.GetStringAsync(serve.Host.Url);
        var data = serve.DataOnDisk();
        string value = Html(data, "tables", T, "notHeld", "naturalPerson");
        Assert.Contains($"name=\"tables.{T}.notHeld.naturalPerson\" value=\"{value}\"", html);
        Assert.Contains($"value=\"{Html(data, "agency")}\"", html);

        var context = await serve.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(serve.Host.Url);
        Assert.Equal(value, await page.InputValueAsync(ServeFixture.Cell(T, "notHeld", "naturalPerson")));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_request_without_the_token_or_for_another_host_is_refused()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false });
        var bare = await client.GetAsync(serve.Host.BaseUrl + "/");
        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.DoesNotContain("tables.", await bare.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(serve.Host.BaseUrl + "/?token=" + new string('A', serve.Host.Token.Length))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(serve.Host.BaseUrl + "/api/save", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(serve.Host.BaseUrl + "/download/pdf")).StatusCode);

        // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 sends its own Host header.
        var rebound = new HttpRequestMessage(HttpMethod.Get, serve.Host.Url);
        rebound.Headers.Host = "evil.example:" + serve.Host.Port;
        Assert.Equal(HttpStatusCode.MisdirectedRequest, (await client.SendAsync(rebound)).StatusCode);

        var ok = await client.GetAsync(serve.Host.Url);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        // Only the outputs of the data file can be downloaded: nothing else of its folder, nothing outside it.
        string cookie = ok.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        foreach (var path in new[] { "/download/json", "/download/..%2F..%2Fetc%2Fpasswd", "/assets/..%2Freport.json", "/report.json" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, serve.Host.BaseUrl + path);
            request.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
        }
        // Request bodies are limited (4 MB): a data file is tens of KB.
        var huge = new HttpRequestMessage(HttpMethod.Post, serve.Host.BaseUrl + "/api/check")
        {
            Content = new FormUrlEncodedContent([new("agency", new string('a', 5 * 1024 * 1024))]),
        };
        huge.Headers.Add("Cookie", cookie);
        // Kestrel refuses by Content-Length before it asks for the body; without 100-continue the client may still be
        // writing the 5 MB when the server closes, and the refusal reaches the test as a broken pipe instead of 413.
        huge.Headers.ExpectContinue = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.SendAsync(huge)).StatusCode);
    }

    private static string Html(JsonObject data, params string[] path) => DocGen.Serve.Html.ValueText(DocGen.Serve.Html.At(data, path));

    private static BoundReport Bind(JsonObject data)
    {
        string file = DataFiles.Write(data);
        return Pipelines.Default.Bind(file);
    }
}
