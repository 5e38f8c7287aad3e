/**
 * `npm test`: every check in order, each suite's own output, then one total.
 * The last line is always `N passed, N failed` across all suites.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Count {
  passed: number;
  failed: number;
}

interface Suite {
  name: string;
  command: string[];
  /** How many checks passed and failed, read from the suite's report; else the exit code counts as one. */
  report?: string;
  read?: (json: unknown) => Count;
  needsBuild?: boolean;
}

const only = process.argv.slice(2);

const suites: Suite[] = [
  { name: 'typecheck', command: ['astro', 'check'] },
  {
    name: 'content',
    command: ['node', 'tests/lint/run.ts'],
    report: 'test-results/content-lint.json',
    read: (json) => json as Count,
  },
  {
    name: 'unit',
    command: ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
    report: 'test-results/vitest.json',
    read: (json) => {
      const r = json as { numPassedTests: number; numFailedTests: number };
      return { passed: r.numPassedTests, failed: r.numFailedTests };
    },
  },
  { name: 'build', command: ['npm', 'run', '-s', 'build'] },
  {
    name: 'e2e and axe',
    command: ['playwright', 'test', '--config', 'tests/playwright.config.ts'],
    report: 'test-results/playwright.json',
    read: (json) => {
      const r = json as { stats: { expected: number; unexpected: number; flaky: number } };
      return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
    },
    needsBuild: true,
  },
  {
    name: 'pa11y-ci',
    command: ['node', 'tests/a11y/pa11y.ts'],
    report: 'test-results/pa11y.json',
    read: (json) => json as Count,
    needsBuild: true,
  },
];

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const totals: Count = { passed: 0, failed: 0 };
const lines: string[] = [];
let built = true;

for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  if (suite.needsBuild && !built) {
    totals.failed += 1;
    lines.push(`${suite.name}: not run, because the build failed`);
    continue;
  }
  console.log(`\n=== ${suite.name}: ${suite.command.join(' ')}`);
  const [command = '', ...args] = suite.command;
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = result.status === 0;
  if (suite.name === 'build') built = ok;
  let count: Count = ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  if (suite.report && suite.read && existsSync(suite.report)) {
    count = suite.read(JSON.parse(readFileSync(suite.report, 'utf8')));
    // A runner that failed without a failing test (a crash, a config error) still counts as a failure.
    if (!ok && count.failed === 0) count.failed = 1;
  }
  totals.passed += count.passed;
  totals.failed += count.failed;
  lines.push(`${suite.name}: ${count.passed} passed, ${count.failed} failed`);
}

console.log('\n=== summary');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
