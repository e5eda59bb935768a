// ts-jest in ESM mode; imports name their .ts files, as Node's type stripping needs.
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
  testTimeout: 30000
}
