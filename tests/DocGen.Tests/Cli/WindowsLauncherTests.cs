using System.Text.RegularExpressions;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

/// <summary>
/// docgen.cmd, the Windows route, cannot run here; what can be checked on Linux is: it is a batch file cmd.exe
/// reads (CRLF, kept so by .gitattributes), it runs the same project as ./docgen with every argument passed through, and the
/// templates folder it names exists.
/// </summary>
public sealed partial class WindowsLauncherTests
{
    private static string Launcher => Path.Combine(Repo.Root, "docgen.cmd");

    [Fact]
    public void Batch_file_has_CRLF_line_endings_and_git_keeps_them()
    {
        string text = File.ReadAllText(Launcher);
        Assert.DoesNotMatch("[^\r]\n", text);
        Assert.EndsWith("\r\n", text);
        Assert.Contains("docgen.cmd text eol=crlf", File.ReadAllText(Path.Combine(Repo.Root, ".gitattributes")));
    }

    [Fact]
    public void Runs_the_project_of_the_linux_launcher_with_all_arguments()
    {
        var lines = File.ReadAllLines(Launcher).Where(l => !l.StartsWith("rem ", StringComparison.Ordinal)).ToList();
        string run = Assert.Single(lines, l => l.StartsWith("dotnet ", StringComparison.Ordinal));
        var project = ProjectPath().Match(run);
        Assert.True(project.Success, run);
        string relative = project.Groups[1].Value.Replace('\\', '/');
        Assert.True(File.Exists(Path.Combine(Repo.Root, relative)), relative);
        Assert.Contains("\"$repo/" + relative + "\"", File.ReadAllText(Path.Combine(Repo.Root, "docgen")));
        Assert.EndsWith(" -- %*", run);
        Assert.Contains("-c Release", run);

        string templates = Assert.Single(lines, l => l.Contains("DOCGEN_TEMPLATES=", StringComparison.Ordinal));
        Assert.Contains("%~dp0templates", templates);
        Assert.True(Directory.Exists(Repo.Templates));
        Assert.Contains("exit /b %ERRORLEVEL%", lines);
    }

    [GeneratedRegex("--project \"%~dp0([^\"]+)\"")]
    private static partial Regex ProjectPath();
}
