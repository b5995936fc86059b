@echo off
rem Runs the DocGen command line from this checkout on Windows (cmd.exe or PowerShell), like ./docgen on Linux:
rem   docgen.cmd render examples\ningxia-gov-office-2023.json -o out
rem dotnet run builds the program when a source file changed (the first call takes a minute or two) and then runs it
rem with every argument; the templates of this checkout are used unless DOCGEN_TEMPLATES names another folder.
rem Fonts: Windows has no apt-get, so point DocGen at the font files with --fonts-dir or DOCGEN_FONT_DIRS (README, Fonts).
setlocal
if not defined DOCGEN_TEMPLATES set "DOCGEN_TEMPLATES=%~dp0templates"
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
dotnet run --project "%~dp0src\DocGen.Cli\DocGen.Cli.csproj" -c Release -v q --no-launch-profile -- %*
exit /b %ERRORLEVEL%
