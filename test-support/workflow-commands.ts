/**
 * Workflow commands as GitHub's runner reads them from a step's output, so a test sees what
 * the runner would act on: annotations (`::error file=a.ts,line=3,title=T::message`), masks,
 * and whatever a forged line in the log could start. Written from the runner's rules
 * (actions/runner: ActionCommand.TryParseV2 and TryParse, ActionCommandManager, the
 * process invoker's line reading):
 * - the output is read line by line, a line ending at `\n`, `\r\n` or a lone `\r`;
 * - `::name props::data` is a command only at the start of a line, after optional
 *   whitespace (.NET's, which counts U+0085 and not U+FEFF, unlike JavaScript's); the
 *   legacy `##[name props]data` anywhere in a line, when the line is not a `::` command;
 * - only the runner's own commands count (their names in any case); any other name leaves
 *   the line plain text;
 * - `props` is `key=value` pairs split at `,` (`;` in the legacy form), values unescaped
 *   %0D %0A %3A %2C %25 (legacy: %3B %0D %0A %5D %25); data unescaped %0D %0A %25 (legacy
 *   as its props), each escape replaced in that order;
 * - `::stop-commands::TOKEN` stops all command processing until a `::TOKEN::` line.
 * String comparisons are ordinal, as the runner's are where it says so; where .NET would
 * compare by culture (finding `::` and `##[`), ordinal is assumed.
 */

export interface WorkflowCommand {
  /** The command's name in lower case (the runner matches it case-insensitively). */
  name: string
  /** Its properties, unescaped; a key given twice (in any case) keeps its last value. */
  properties: Record<string, string>
  /** Its data (the annotation's message), unescaped. */
  message: string
}

/** The runner's command extensions, and `stop-commands`. */
const RUNNER_COMMANDS = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
])

/** .NET's char.IsWhiteSpace, which String.Trim uses. */
const DOTNET_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
const LEADING_SPACE = new RegExp(`^${DOTNET_SPACE}+`)
const SURROUNDING_SPACE = new RegExp(`^${DOTNET_SPACE}+|${DOTNET_SPACE}+$`, 'g')

type Escapes = Array<[string, string]>
const DATA_ESCAPES: Escapes = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
]
const PROPERTY_ESCAPES: Escapes = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
]
const LEGACY_ESCAPES: Escapes = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
]

function unescape(text: string, escapes: Escapes): string {
  return escapes.reduce((value, [escaped, char]) => value.split(escaped).join(char), text)
}

/**
 * `key=value`, as .NET's `Split('=', 2, RemoveEmptyEntries)` reads it: `=` before the key and
 * after the first `=` are skipped; a pair without a key or a value is no property.
 */
const PAIR = /^=*([^=]+)=+([^=][\s\S]*)$/

function properties(text: string, separator: string, escapes: Escapes): Record<string, string> {
  const found = new Map<string, [string, string]>()
  for (const pair of text.split(separator)) {
    const match = PAIR.exec(pair)
    if (!match) continue
    const [, key = '', value = ''] = match
    const name = found.get(key.toLowerCase())?.[0] ?? key
    found.set(key.toLowerCase(), [name, unescape(value, escapes)])
  }
  return Object.fromEntries(found.values())
}

/** `::name props::data` at the start of the line (after whitespace), or undefined. */
function parseCommand(line: string, commands: ReadonlySet<string>): WorkflowCommand | undefined {
  const text = line.replace(LEADING_SPACE, '')
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = text.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!commands.has(name.toLowerCase())) return undefined
  const props = space > 0 ? info.slice(space + 1).replace(SURROUNDING_SPACE, '') : ''
  return {
    name: name.toLowerCase(),
    properties: properties(props, ',', PROPERTY_ESCAPES),
    message: unescape(text.slice(end + 2), DATA_ESCAPES)
  }
}

/** The legacy `##[name props]data`, found anywhere in the line, or undefined. */
function parseLegacyCommand(line: string, commands: ReadonlySet<string>): WorkflowCommand | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const end = line.indexOf(']', start)
  if (end < 0) return undefined
  const info = line.slice(start + 3, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!commands.has(name.toLowerCase())) return undefined
  return {
    name: name.toLowerCase(),
    properties: space > 0 ? properties(info.slice(space + 1), ';', LEGACY_ESCAPES) : {},
    message: unescape(line.slice(end + 1), LEGACY_ESCAPES)
  }
}

/** The lines of a step's output as the runner reads them. */
export function outputLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/)
  // A final line break ends the last line; it does not start an empty one.
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** One line of a step's output, and the command the runner reads in it, if any. */
export interface OutputLine {
  text: string
  command?: WorkflowCommand
}

/**
 * The lines of `output` (a step's stdout) as the runner reads them, each with the command it
 * acts on. While commands are stopped, a line is plain text, but the one that resumes them.
 */
export function readOutput(output: string): OutputLine[] {
  const commands = new Set(RUNNER_COMMANDS)
  let stopToken: string | undefined
  return outputLines(output).map((text) => {
    const command = text ? (parseCommand(text, commands) ?? parseLegacyCommand(text, commands)) : undefined
    if (!command) return { text }
    if (stopToken !== undefined) {
      // Stopped: only the token resumes (an empty token never does).
      if (!stopToken || command.name !== stopToken.toLowerCase()) return { text }
      commands.delete(stopToken.toLowerCase())
      stopToken = undefined
    } else if (command.name === 'stop-commands') {
      stopToken = command.message
      commands.add(stopToken.toLowerCase())
    }
    return { text, command }
  })
}

/**
 * Every workflow command the runner would act on in `output` (a step's stdout), in order;
 * `stop-commands` and the line that resumes processing among them.
 */
export function parseWorkflowCommands(output: string): WorkflowCommand[] {
  return readOutput(output).flatMap((line) => (line.command ? [line.command] : []))
}
