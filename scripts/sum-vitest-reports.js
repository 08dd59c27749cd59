// Sums every package's vitest JSON report into one line: "N passed, N failed".
// Exits non-zero when a test failed, a suite failed to load, or a package that has
// tests wrote no report (so a crash cannot pass as "0 failed").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let broken = 0;
const suites = [
  ...readdirSync(join(root, 'packages'))
    .sort()
    .map((name) => ({ name, dir: join(root, 'packages', name) })),
  { name: 'reliability', dir: join(root, 'reliability') },
  { name: 'e2e', dir: join(root, 'e2e') },
  { name: 'docs-tests', dir: join(root, 'docs-tests') },
  ...readdirSync(join(root, 'examples'))
    .sort()
    .map((name) => ({ name: `examples/${name}`, dir: join(root, 'examples', name) })),
];
for (const { name, dir } of suites) {
  const report = join(dir, 'reports', 'vitest.json');
  if (!existsSync(report)) {
    if (hasTests(join(dir, 'src'))) {
      console.log(`${name}: no test report`);
      broken++;
    }
    continue;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const suitesFailed = result.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  console.log(
    `${name}: ${result.numPassedTests} passed, ${result.numFailedTests} failed${suitesFailed ? `, ${suitesFailed} file(s) failed to run` : ''}`,
  );
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  broken += suitesFailed;
}
console.log(`${passed} passed, ${failed + broken} failed`);
process.exitCode = failed + broken > 0 || passed === 0 ? 1 : 0;

function hasTests(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((file) => String(file).endsWith('.test.ts'));
}
