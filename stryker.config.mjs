// Mutation testing of the pure core: `npm run test:mutation` (see CONTRIBUTING.md). Not in CI:
// a full run takes a long while on two cores; an incremental one tests only what changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // jest runs ESM test files only with this flag on the node that runs them.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    configFile: 'jest.config.js',
    // The unit tests alone: the integration tests run the bundle in dist/, which has no mutants.
    config: {
      testMatch: ['**/__tests__/*.unit.test.ts'],
      // Left out: the random properties (seconds per mutant, hours in all on two cores: the
      // score is the example tests'), the tests of test-support's own checkers, and the tests
      // of modules outside the core (I/O, waivers, the repository's files), which import the
      // core's text helpers and would run, seconds each, for every mutant there.
      testPathIgnorePatterns: [
        '/node_modules/',
        '/__tests__/properties[.-]',
        '/__tests__/(report-checks|workflow-commands|step-outputs)\\.',
        '/__tests__/(waivers|waivers-file|ssd-client|poll|github-client|release-plan|workflows|readme-examples|secrets|module-graph)\\.'
      ]
    },
    // Only the test files that import the mutated file, directly or not: a mutant in
    // decision.ts runs 9 files, not 33.
    enableFindRelatedTests: true
  },
  mutate: [
    'src/decision.ts',
    'src/comparison.ts',
    'src/scans.ts',
    'src/config.ts',
    'src/text.ts',
    'src/markdown.ts',
    'src/budget.ts',
    'src/scan-summary.ts',
    'src/sarif.ts',
    'src/report.ts',
    'src/report-*.ts'
  ],
  // Each mutant runs the tests that reach it. A mutant also reached while a test file loads
  // (a constant, or a report rendered in a describe block, which per-test coverage counts
  // for no test) is "static": it runs every test of the related files, since any of them
  // may read what was built at load. So ignoreStatic stays off: on, such a mutant would run
  // only the tests that reach it again, and survive the ones that would have caught it.
  // A static survivor is not retested when only tests change (no test covers it in particular):
  // `npm run test:mutation:retest -- src/file.ts:from-to` drops its result (CONTRIBUTING.md).
  coverageAnalysis: 'perTest',
  // The machine is shared: a slow run must not pass for a mutant that hangs.
  timeoutMS: 10_000,
  // Each mutant's result, kept in the repository: a rerun tests only mutants in code or tests that changed.
  incremental: true,
  incrementalFile: 'stryker-incremental.json',
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { reportScoreTable: true, reportMutants: true, reportTests: false },
  concurrency: 2,
  // Jest's ESM module registry grows with every run: a fresh runner every 50 mutants keeps
  // the heap, and so each mutant's time, from growing.
  maxTestRunnerReuse: 50,
  tempDirName: '.stryker-tmp'
}
