// One cold Typst compile of the report, PDF only, for bench/run.sh: node bench/typst/compile.js WORKSPACE DATA OUT.pdf
// (DATA is a path from WORKSPACE, e.g. /examples/ningxia-gov-office-2023.json). The fonts are the files DocGen's PDF uses
// as stand-ins, given by path so that Typst reads these and no other system font. Exits non-zero on a Typst error.
const path = require('path');
const fs = require('fs');
const { NodeCompiler } = require(path.join(__dirname, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'));

const [workspace, data, out] = process.argv.slice(2);
const fonts = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
  '/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf',
];
const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: fonts }] });
const result = compiler.compile({ mainFilePath: path.join(__dirname, 'report.typ'), inputs: { data } });
const diagnostics = result.takeDiagnostics && result.takeDiagnostics();
if (!result.result) {
  console.error('typst: compile failed', JSON.stringify(diagnostics && diagnostics.shortDiagnostics ? diagnostics.shortDiagnostics : diagnostics));
  process.exit(1);
}
fs.writeFileSync(out, compiler.pdf(result.result));
