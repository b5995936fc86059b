using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocGen.Serve;

/// <summary>
/// The web server inside the DocGen process: Kestrel on 127.0.0.1 only, every request through <see cref="RequestGuard"/>, the
/// routes of <see cref="FormRoutes"/>. Start it, print <see cref="Url"/>, wait for <see cref="WaitAsync"/>.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public int Port { get; }
    public string Token { get; }
    /// <summary>The address to open: it carries the token.</summary>
    public string Url => $"http://127.0.0.1:{Port}/?token={Token}";
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public FormRoutes Routes { get; }

    private ServeHost(WebApplication app, int port, string token, FormRoutes routes)
    {
        _app = app;
        Port = port;
        Token = token;
        Routes = routes;
    }

    /// <summary>Opens the data file (a file render would refuse throws its diagnostics) and starts listening.</summary>
    public static async Task<ServeHost> StartAsync(ServeOptions options, CancellationToken cancel = default)
    {
        var routes = new FormRoutes(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.UseKestrel(k =>
        {
            // Loopback only: the form is for the clerk at this machine, never for the network.
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        var app = builder.Build();
        int port = 0;
        string token = RequestGuard.NewToken();
        var guard = new RequestGuard(token, () => port);
        app.Use(guard.Invoke);
        app.Run(http => routes.Handle(http, guard, app.Lifetime));
        try { await app.StartAsync(cancel); }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw Model.DiagnosticCatalog.ServePort.Fail($"无法在 127.0.0.1:{options.Port} 上监听：{e.Message}", $"cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        port = new Uri(addresses.First()).Port;
        return new ServeHost(app, port, token, routes);
    }

    /// <summary>Completes when the page's stop button was pressed or <paramref name="cancel"/> fired (Ctrl-C).</summary>
    public async Task WaitAsync(CancellationToken cancel)
    {
        try { await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(cancel, _app.Lifetime.ApplicationStopping).Token); }
        catch (OperationCanceledException) { }
        await _app.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
