using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DocGen.Serve;

/// <summary>
/// What every request must pass before it reaches the form: the Host header names this server (a page of another site that
/// re-points its name at 127.0.0.1, DNS rebinding, is refused), and the token from the printed URL comes with it, in the query or
/// in the cookie set from the first URL. Other programs of the same user on the same machine therefore cannot use the server.
/// </summary>
public sealed class RequestGuard(string token, Func<int> port)
{
    private readonly byte[] _token = Encoding.ASCII.GetBytes(token);

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Per port: two servers on one machine share the browser's cookies for 127.0.0.1 (cookies ignore ports).</summary>
    public string CookieName => $"docgen-token-{port()}";

    public async Task Invoke(HttpContext http, RequestDelegate next)
    {
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";

        if (!HostAllowed(http.Request.Host))
        {
            await Refuse(http, StatusCodes.Status421MisdirectedRequest, "请求的主机名不是本机服务（Host 不符）。");
            return;
        }
        string? fromQuery = http.Request.Query["token"];
        bool viaQuery = Matches(fromQuery);
        if (!viaQuery && !Matches(http.Request.Cookies[CookieName]))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "缺少或错误的访问令牌：请打开 docgen serve 打印的完整网址（含 ?token=…）。");
            return;
        }
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.Origin is { Count: > 0 } origin && !OriginAllowed(origin.ToString()))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "拒绝来自其他网站的提交。");
            return;
        }
        if (viaQuery)
            response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
        await next(http);
    }

    /// <summary>Constant-time comparison: the time taken says nothing about how much of a guess was right.</summary>
    private bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), _token);

    private bool HostAllowed(HostString host) =>
        host.Port == port() && (host.Host == "127.0.0.1" || host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    private bool OriginAllowed(string origin) =>
        origin == $"http://127.0.0.1:{port()}" || origin.Equals($"http://localhost:{port()}", StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message);
    }
}
