import { describe, expect, jest, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { DEFAULTS, INPUT, InputError, parseConfig, readConfig, type InputName } from '../src/config.ts'
import { applyDefaults, ROOT } from '../test-support/runner.ts'

const base = { host: 'https://ssd.example.com/', token: 'tok', projectId: '0x29ab7' }

/** Parses inputs the way the runner would hand them over: action.yml's defaults applied. */
/** What a pull_request event would give: the PR's repository, head branch and head commit. */
const event = { repositoryName: 'widget', branch: 'feature', commit: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678' }

function config(inputs: Record<string, string | undefined> = {}, isForkPullRequest = false, context = event) {
  const values = applyDefaults({ ...base, ...inputs })
  return parseConfig((name: InputName) => values[name] ?? '', { isForkPullRequest, ...context })
}

function problem(inputs: Record<string, string | undefined>, isFork = false, context = event): string {
  try {
    config(inputs, isFork, context)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected an InputError')
}

describe('parseConfig', () => {
  test('applies the documented defaults', () => {
    expect(config()).toMatchObject({
      host: 'https://ssd.example.com',
      authHeader: 'Bearer tok',
      scanType: 'sourceScan',
      apiBasePath: '/gate',
      policy: { threshold: 5, rules: [], failOnInconclusive: false, failOnSeverity: undefined },
      pollIntervalMs: 10_000,
      timeoutMs: 600_000,
      comment: 'always',
      warnOnly: false,
      filedataMethod: 'auto',
      tokenFormat: 'bearer'
    })
  })

  test("the code's defaults are action.yml's", () => {
    const manifest = parse(readFileSync(`${ROOT}/action.yml`, 'utf8')) as {
      inputs: Record<string, { default?: string }>
    }
    for (const [name, value] of Object.entries(DEFAULTS)) expect(manifest.inputs[name]?.default).toBe(value)
    expect(Object.keys(manifest.inputs).sort()).toEqual(Object.values(INPUT).sort())
  })

  test('an empty optional value falls back to the default, except apiBasePath where it means none', () => {
    const parsed = config({ threshold: '', pollInterval: '', apiBasePath: '' })
    expect(parsed.policy.threshold).toBe(5)
    expect(parsed.pollIntervalMs).toBe(10_000)
    expect(parsed.apiBasePath).toBe('')
    expect(config({ apiBasePath: '/' }).apiBasePath).toBe('')
    expect(config({ apiBasePath: '///gate//v2///' }).apiBasePath).toBe('/gate//v2')
    expect(config({ apiBasePath: 'gate/' }).apiBasePath).toBe('/gate')
  })

  test('keeps a Bearer prefix the user gave, in any case', () => {
    expect(config({ token: 'Bearer abc' }).authHeader).toBe('Bearer abc')
    expect(config({ token: 'bearer abc' }).authHeader).toBe('bearer abc')
  })

  test('tokenFormat raw sends the token alone, a leading Bearer removed', () => {
    expect(config({ tokenFormat: 'raw' })).toMatchObject({ tokenFormat: 'raw', authHeader: 'tok' })
    expect(config({ tokenFormat: 'RAW', token: 'Bearer  abc' }).authHeader).toBe('abc')
    expect(config({ tokenFormat: 'raw', token: 'bearer abc' }).authHeader).toBe('abc')
    expect(config({ tokenFormat: 'Bearer', token: 'abc' })).toMatchObject({
      tokenFormat: 'bearer',
      authHeader: 'Bearer abc'
    })
    // Empty falls back to the default, as for every optional input.
    expect(config({ tokenFormat: '' }).authHeader).toBe('Bearer tok')
  })

  test('filedataMethod: auto, GET or POST, in any case', () => {
    expect(config({ filedataMethod: 'post' }).filedataMethod).toBe('POST')
    expect(config({ filedataMethod: 'Get' }).filedataMethod).toBe('GET')
    expect(config({ filedataMethod: 'AUTO' }).filedataMethod).toBe('auto')
    expect(config({ filedataMethod: '' }).filedataMethod).toBe('auto')
  })

  test('decimal seconds and comment aliases', () => {
    expect(config({ pollInterval: '0.2', timeout: '1.5' })).toMatchObject({ pollIntervalMs: 200, timeoutMs: 1500 })
    expect(config({ comment: 'true' }).comment).toBe('always')
    expect(config({ comment: 'FALSE' }).comment).toBe('never')
    expect(config({ comment: 'on-failure' }).comment).toBe('on-failure')
  })

  test.each([
    [{ host: '' }, /'host' is required/],
    [{ host: 'not a url' }, /'host' must be an http\(s\) URL/],
    [{ host: 'https://user:pw@ssd.example.com' }, /'host' must be a plain base URL/],
    [{ apiBasePath: '/gate?x=1' }, /'apiBasePath' must be a URL path/],
    [{ threshold: '10.5' }, /'threshold' must be a number from 0 to 10, got '10.5'/],
    [{ threshold: 'NaN' }, /'threshold' must be a number from 0 to 10/],
    [{ threshold: '0x5' }, /'threshold' must be a number from 0 to 10/],
    [{ timeout: '0' }, /'timeout' must be a positive number of seconds/],
    [{ pollInterval: 'Infinity' }, /'pollInterval' must be a positive number of seconds/],
    [{ comment: 'maybe' }, /'comment' must be one of always, on-failure, never/],
    [
      { checkThresholds: 'Dangerous-Workflow' },
      /'checkThresholds' must have one Check-Name=minimum per line.*got 'Dangerous-Workflow'/
    ],
    [{ checkThresholds: 'SAST=eleven' }, /'checkThresholds' must be a number from 0 to 10 after 'SAST='/],
    [{ failOnSeverity: 'severe' }, /'failOnSeverity' must be one of critical, high, medium, low/],
    [{ failOnInconclusive: 'maybe' }, /'failOnInconclusive' must be true or false/],
    [{ filedataMethod: 'PUT' }, /^Input 'filedataMethod' must be one of auto, GET, POST, got 'PUT'\.$/],
    [{ tokenFormat: 'basic' }, /^Input 'tokenFormat' must be one of bearer, raw, got 'basic'\.$/]
  ])('rejects %o', (inputs, message) => {
    expect(problem(inputs)).toMatch(message)
  })

  test('bad filedataMethod and tokenFormat are reported with the other bad inputs, at once', () => {
    const message = problem({ filedataMethod: 'both', tokenFormat: 'jwt', threshold: '11' })
    expect(message.split('\n')).toHaveLength(3)
    expect(message).toMatch(/'filedataMethod' must be one of auto, GET, POST, got 'both'/)
    expect(message).toMatch(/'tokenFormat' must be one of bearer, raw, got 'jwt'/)
  })

  test('an empty token on a fork PR gets the fork hint; elsewhere the secret hint', () => {
    expect(problem({ token: '' }, true)).toMatch(/fork.*does not pass secrets/)
    expect(problem({ token: '' }, false)).toMatch(/secrets\.SSD_TOKEN/)
  })

  test('checkThresholds: lines, commas, comments, any case', () => {
    const { rules } = config({
      checkThresholds: '# critical first\nDangerous-Workflow=10, Binary-Artifacts = 8\n\n*=3'
    }).policy
    expect(rules).toEqual([
      { name: 'dangerous-workflow', minimum: 10, text: 'Dangerous-Workflow=10' },
      { name: 'binary-artifacts', minimum: 8, text: 'Binary-Artifacts=8' },
      { name: '*', minimum: 3, text: '*=3' }
    ])
    expect(config({ failOnSeverity: 'HIGH' }).policy.failOnSeverity).toBe('high')
  })

  test('repository, branch and commit default to the event; scanId to empty (found through summarydata)', () => {
    expect(config()).toMatchObject({
      scanId: '',
      repository: 'widget',
      branch: 'feature',
      commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      waitForCommit: true,
      rescan: false,
      teamId: ''
    })
    const given = config({
      scanId: '0x29ab8',
      repository: 'other',
      branch: 'release/1.x',
      commit: 'ABCDEF1',
      teamId: 't1'
    })
    expect(given).toMatchObject({
      scanId: '0x29ab8',
      repository: 'other',
      branch: 'release/1.x',
      commit: 'abcdef1',
      teamId: 't1'
    })
    expect(config({ waitForCommit: 'FALSE', rescan: 'true' })).toMatchObject({ waitForCommit: false, rescan: true })
  })

  test('the base comparison is on by default; maxScoreDrop is off unless set', () => {
    expect(config()).toMatchObject({ compareWithBase: true, policy: { maxScoreDrop: undefined } })
    expect(config({ compareWithBase: 'false', maxScoreDrop: '0' })).toMatchObject({
      compareWithBase: false,
      policy: { maxScoreDrop: 0 }
    })
    expect(config({ maxScoreDrop: '0.5' }).policy.maxScoreDrop).toBe(0.5)
  })

  test.each([
    [{ commit: 'abc123' }, /'commit' must be a commit SHA of 7 to 40 hexadecimal characters, got 'abc123'/],
    [{ commit: 'z1b2c3d4' }, /'commit' must be a commit SHA/],
    [{ commit: 'a'.repeat(41) }, /'commit' must be a commit SHA/],
    [{ repository: 'acme/widget' }, /'repository' must be a repository name .*no owner.*got 'acme\/widget'/],
    [{ repository: 'wid get' }, /'repository' must be a repository name/],
    [{ repository: '..' }, /'repository' must be a repository name/],
    [{ branch: 'feature branch' }, /'branch' must be a git branch name/],
    [{ branch: 'a..b' }, /'branch' must be a git branch name/],
    [{ branch: 'fix~1' }, /'branch' must be a git branch name/],
    [{ branch: 'topic.lock' }, /'branch' must be a git branch name/],
    [{ branch: '-x' }, /'branch' must be a git branch name/],
    [{ branch: 'x/' }, /'branch' must be a git branch name/],
    [{ waitForCommit: 'yes' }, /'waitForCommit' must be true or false, got 'yes'/],
    [{ rescan: '1' }, /'rescan' must be true or false, got '1'/],
    [{ compareWithBase: 'no' }, /'compareWithBase' must be true or false, got 'no'/],
    [
      { maxScoreDrop: '-1' },
      /'maxScoreDrop' must be a number of score points from 0 to 10 \(or empty for off\), got '-1'/
    ],
    [{ maxScoreDrop: 'a bit' }, /'maxScoreDrop' must be a number of score points/],
    [{ newFindingsOnly: 'new' }, /'newFindingsOnly' must be true or false, got 'new'/],
    [{ annotations: 'on' }, /'annotations' must be true or false, got 'on'/],
    [
      { waivers: '../ssd-waivers.yml' },
      /'waivers' must be a file's path in the repository, .*got '\.\.\/ssd-waivers\.yml'/
    ],
    [{ waivers: '/etc/ssd-waivers.yml' }, /'waivers' must be a file's path in the repository/],
    [{ waivers: '.github/../../x.yml' }, /'waivers' must be a file's path in the repository/],
    [{ waivers: '.github/./ssd-waivers.yml' }, /'waivers' must be a file's path in the repository/],
    [{ waivers: '.github\\ssd-waivers.yml' }, /'waivers' must be a file's path in the repository/],
    [{ waivers: '.github//ssd-waivers.yml' }, /'waivers' must be a file's path in the repository/],
    [{ waivers: '.github/ssd\nwaivers.yml' }, /'waivers' must be a file's path in the repository/]
  ])('rejects %o', (inputs, message) => {
    expect(problem(inputs)).toMatch(message)
  })

  test('the gate-the-change inputs: their defaults, false, and a waivers path given with or without ./ (empty: none)', () => {
    expect(config()).toMatchObject({ newFindingsOnly: true, annotations: true, waivers: '.github/ssd-waivers.yml' })
    expect(config({ newFindingsOnly: 'false', annotations: 'FALSE' })).toMatchObject({
      newFindingsOnly: false,
      annotations: false
    })
    expect(config({ waivers: './config/waivers.yml' }).waivers).toBe('config/waivers.yml')
    expect(config({ waivers: '' }).waivers).toBe('')
  })

  test('names what is missing when neither the input nor the event gives it', () => {
    const none = { repositoryName: '', branch: '', commit: '' }
    const message = problem({}, false, none)
    expect(message).toMatch(/Input 'repository' is required/)
    expect(message).toMatch(/Input 'branch' is required/)
    expect(message).toMatch(/Input 'commit' is required/)
  })

  test("a fork's pull request must name the branch: SSD never scans the fork's", () => {
    expect(problem({}, true)).toMatch(
      /Input 'branch' is required on a pull request from a fork: SSD scans the branches/
    )
    expect(config({ branch: 'main', waitForCommit: 'false' }, true).branch).toBe('main')
    expect(config({ scanId: '0x29ab8' }, true).branch).toBe('feature')
  })

  test('branch names git allows are accepted', () => {
    for (const branch of ['main', 'feature/login', 'release-1.2', 'user/jo_e/fix#3', 'ünïcode']) {
      expect(config({ branch }).branch).toBe(branch)
    }
  })

  test('boundary thresholds are accepted', () => {
    expect(config({ threshold: '0' }).policy.threshold).toBe(0)
    expect(config({ threshold: '10' }).policy.threshold).toBe(10)
  })
})

describe('the edges of each input', () => {
  test('host: http(s) only, no query, fragment, user or password; trailing slashes and spaces dropped', () => {
    expect(config({ host: '  https://ssd.example.com/// ' }).host).toBe('https://ssd.example.com')
    expect(config({ host: 'http://ssd.internal:8080/' }).host).toBe('http://ssd.internal:8080')
    expect(config({ host: 'https://ssd.example.com/base/' }).host).toBe('https://ssd.example.com/base')
    for (const host of ['https://ssd.example.com/?a=1', 'https://ssd.example.com/#x', 'https://me@ssd.example.com']) {
      expect(problem({ host })).toMatch(/'host' must be a plain base URL/)
    }
    expect(problem({ host: 'https://:pw@ssd.example.com' })).toMatch(/'host' must be a plain base URL/)
    expect(problem({ host: 'ftp://ssd.example.com' })).toMatch(/'host' must be an http\(s\) URL/)
    expect(problem({ host: '' })).toMatch(
      /^Input 'host' is required: expected the SSD base URL, e.g\. https:\/\/ssd\.example\.com/
    )
  })

  test('apiBasePath: slashes around it trimmed, one leading slash kept', () => {
    expect(config({ apiBasePath: '//gate//' }).apiBasePath).toBe('/gate')
    expect(config({ apiBasePath: 'a/b' }).apiBasePath).toBe('/a/b')
  })

  test('repository: a bare name of letters, digits, . _ -, not only dots, at most 100', () => {
    expect(config({ repository: '.github' }).repository).toBe('.github')
    expect(config({ repository: 'a..b' }).repository).toBe('a..b')
    expect(config({ repository: 'r'.repeat(100) }).repository).toHaveLength(100)
    for (const repository of ['...', 'r'.repeat(101), 'x/y', ' widget!']) {
      expect(problem({ repository })).toMatch(/'repository' must be a repository name/)
    }
  })

  test("branch: git's rules for a ref name, at most 255", () => {
    for (const branch of ['release/1.x', 'a.lockx', 'feature@home', 'x'.repeat(255)]) {
      expect(config({ branch }).branch).toBe(branch)
    }
    for (const branch of ['@', 'x'.repeat(256), 'a.lock', '/a', 'a/', '.a', 'a.', 'a//b', 'a@{b']) {
      expect(problem({ branch })).toMatch(/'branch' must be a git branch name/)
    }
  })

  test('what each required input is, when it is missing', () => {
    expect(problem({ projectId: '' })).toMatch(/'projectId' is required: expected an SSD project id such as 0x29ab7/)
    const none = { repositoryName: '', branch: '', commit: '' }
    const message = problem({}, false, none)
    expect(message).toMatch(/'repository' is required: expected SSD's name for the repository, e\.g\. widget/)
    expect(message).toMatch(/'branch' is required: expected the branch SSD scans, e\.g\. main/)
    expect(message).toMatch(/'commit' is required: expected a commit SHA/)
  })

  test('numbers: digits with an optional sign and one dot, nothing else', () => {
    expect(config({ threshold: '+7' }).policy.threshold).toBe(7)
    expect(config({ threshold: '.5' }).policy.threshold).toBe(0.5)
    expect(config({ threshold: '10.' }).policy.threshold).toBe(10)
    expect(config({ threshold: '07.25' }).policy.threshold).toBe(7.25)
    for (const threshold of ['1e1', '5 5', '.', '-.', '+-1', '5a', '.5.']) {
      expect(problem({ threshold })).toMatch(/'threshold' must be a number from 0 to 10/)
    }
  })

  test('checkThresholds: one whole Name=minimum a line, the name kept as written for the message', () => {
    expect(config({ checkThresholds: 'Code-Review = 7' }).policy.rules).toEqual([
      { name: 'code-review', minimum: 7, text: 'Code-Review=7' }
    ])
    expect(problem({ checkThresholds: 'Code-Review=7 8' })).toMatch(/must have one Check-Name=minimum per line/)
    expect(problem({ checkThresholds: '=7' })).toMatch(/must have one Check-Name=minimum per line/)
    expect(config({ checkThresholds: 'Code Review \t = 7' }).policy.rules).toEqual([
      { name: 'code review', minimum: 7, text: 'Code Review=7' }
    ])
  })

  test('the token: a Bearer prefix is recognised only at its start', () => {
    expect(config({ token: 'notbearer x' }).authHeader).toBe('Bearer notbearer x')
    expect(config({ tokenFormat: 'raw', token: 'my bearer x' }).authHeader).toBe('my bearer x')
    expect(config({ token: '  tok  ' }).authHeader).toBe('Bearer tok')
  })

  test('every bad input is an InputError, named as such', () => {
    try {
      config({ threshold: 'x' })
    } catch (error) {
      expect((error as Error).name).toBe('InputError')
    }
    expect.assertions(1)
  })
})

describe('readConfig, from the runner', () => {
  test('masks the token as given, without its Bearer, and the GitHub token, before reading the rest', () => {
    const env = {
      INPUT_HOST: 'https://ssd.example.com',
      INPUT_TOKEN: '  Bearer  read-config-secret ',
      INPUT_PROJECTID: '0x29ab7',
      INPUT_GITHUBTOKEN: ' ghs_readConfigToken '
    }
    const saved = { ...process.env }
    Object.assign(process.env, env)
    const written: string[] = []
    const stdoutWrite = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    try {
      const read = readConfig({ isForkPullRequest: false, ...event })
      expect(read).toMatchObject({
        host: 'https://ssd.example.com',
        projectId: '0x29ab7',
        githubToken: 'ghs_readConfigToken'
      })
      expect(read.authHeader).toBe('Bearer  read-config-secret')
    } finally {
      stdoutWrite.mockRestore()
      process.env = saved
    }
    expect(written).toEqual([
      '::add-mask::Bearer  read-config-secret\n',
      '::add-mask::read-config-secret\n',
      '::add-mask::ghs_readConfigToken\n'
    ])
  })
})

describe('more edges', () => {
  test('a repository name may end in a dot; only all dots is refused', () => {
    expect(config({ repository: 'widget.' }).repository).toBe('widget.')
  })

  test("checkThresholds: a name holds no '='; a later rule for the same check, in any case, replaces the earlier", () => {
    expect(problem({ checkThresholds: '=x=5' })).toMatch(/must have one Check-Name=minimum per line/)
    expect(config({ checkThresholds: 'Code-Review=3, code-review=7' }).policy.rules).toEqual([
      { name: 'code-review', minimum: 7, text: 'code-review=7' }
    ])
  })

  test("waivers: any number of leading './' dropped", () => {
    expect(config({ waivers: '././.github/w.yml' }).waivers).toBe('.github/w.yml')
  })

  test('numbers: a fraction of several digits after a bare dot', () => {
    expect(config({ threshold: '.25' }).policy.threshold).toBe(0.25)
  })
})
