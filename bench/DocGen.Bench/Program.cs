using DocGen.Bench;

// DocGen's benchmark harness. bench/run.sh drives it; each mode prints "METRIC name value unit" lines that the script collects.
//   stages   [data.json] [--iterations N]   first call and warm median of every stage (bind, document, DOCX, PDF layout, PDF paint+save)
//   bdn      [data.json]                     the same report through BenchmarkDotNet (in-process), warm median of DOCX + PDF
//   batch-data --out DIR --count N           writes N agency data files for the batch run
//   profile  [data.json] --seconds S          renders in a loop for S seconds (for dotnet-trace to sample)
//   json-reader [--iterations N]              the JSON reader on 1/5/20 MB minified reports and a 1,000,000-key object
//   serve    [data.json] [--iterations N]    `docgen serve` over HTTP: a cell edit's check round trip, a preview
string mode = args.Length > 0 ? args[0] : "stages";
var rest = args.Skip(1).ToArray();
try
{
    return mode switch
    {
        "stages" => StageBenchmark.Run(Cli.DataFile(rest), Cli.Int(rest, "--iterations", 30)),
        "bdn" => BdnRunner.Run(Cli.DataFile(rest)),
        "batch-data" => BatchDataGenerator.Run(Cli.Required(rest, "--out"), Cli.Int(rest, "--count", 1000)),
        "profile" => StageBenchmark.Loop(Cli.DataFile(rest), Cli.Int(rest, "--seconds", 20)),
        "json-reader" => JsonReaderBenchmark.Run(Cli.Int(rest, "--iterations", 3)),
        "serve" => ServeBenchmark.Run(Cli.DataFile(rest), Cli.Int(rest, "--iterations", 60)),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: DocGen.Bench stages|bdn|profile|serve [data.json] [--iterations N] [--seconds S] | json-reader [--iterations N] | batch-data --out DIR [--count N]");
    return 2;
}
