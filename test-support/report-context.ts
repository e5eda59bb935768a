import type { ReportContext } from '../src/report.ts'

/**
 * The report tests' pull request: project 0x29ab7's scan 0x29ab8 of octo-org/octo-repo's
 * branch `feature`, at the commit SSD scanned. Tests spread it and set what they vary.
 */
export const EXAMPLE_CONTEXT: ReportContext = {
  projectId: '0x29ab7',
  scanId: '0x29ab8',
  scanType: 'sourceScan',
  repository: 'octo-repo',
  branch: 'feature',
  scannedCommit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  repositoryUrl: 'https://github.com/octo-org/octo-repo',
  warnOnly: false,
  fullListAt: 'the result file'
}
