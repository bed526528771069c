// Runs jest (ESM mode) and ends with one plain line, "N passed, N failed, N skipped", that CI
// reads as the test verdict. Exit status is jest's own.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const results = ".jest-results.json";
fs.rmSync(results, { force: true });
const jest = spawnSync(
  process.execPath,
  ["--experimental-vm-modules", "--no-warnings=ExperimentalWarning", "node_modules/jest/bin/jest.js", "--json", `--outputFile=${results}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
if (fs.existsSync(results)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTotalTests } = JSON.parse(fs.readFileSync(results, "utf8"));
  console.log(`\nNode ${process.version}: ${numTotalTests} tests`);
  console.log(`tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
} else {
  console.log("tests: 0 passed, 1 failed (jest wrote no results)");
}
process.exit(jest.status ?? 1);
