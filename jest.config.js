// ts-jest in ESM mode; imports name their .ts files, as Node's type stripping needs.
import { availableParallelism } from 'node:os'

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        useESM: true,
        tsconfig: { rewriteRelativeImportExtensions: false, allowImportingTsExtensions: true, noEmit: true }
      }
    ]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // Stryker's sandbox (npm run test:mutation) is a copy of the repository: not more tests.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.stryker-tmp/'],
  testTimeout: 30000,
  // The integration tests spend most of their time waiting on child processes and timers:
  // three workers even on a 2-core machine, where jest's default (cores - 1) would be one.
  maxWorkers: Math.max(3, availableParallelism() - 1)
}
