import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7666:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/*! node-domexception. MIT License. Jimmy Wärting <https://jimmy.warting.se/opensource> */

if (!globalThis.DOMException) {
  try {
    const { MessageChannel } = __nccwpck_require__(8167),
    port = new MessageChannel().port1,
    ab = new ArrayBuffer()
    port.postMessage(ab, [ab, ab])
  } catch (err) {
    err.constructor.name === 'DOMException' && (
      globalThis.DOMException = err.constructor
    )
  }
}

module.exports = globalThis.DOMException


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KW: () => (/* binding */ cancelled),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   mX: () => (/* binding */ WaiversFileError),
/* harmony export */   ue: () => (/* binding */ GateError)
/* harmony export */ });
/** Errors that end the run with a message meant for the user. */
class GateError extends Error {
    name = 'GateError';
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/**
 * The waivers file cannot be used: too large, not valid YAML, or an entry that breaks the
 * file's rules. A GateError, so the run ends with status `Error`; its message is the whole
 * text for the user (the file, each bad entry with its number and line, what was expected).
 * Here rather than in waivers.ts, so that catching it does not load the YAML parser.
 */
class WaiversFileError extends GateError {
    name = 'WaiversFileError';
    constructor(message) {
        super('Error', message);
    }
}
/** The runner cancelled the job; `doing` says at which step, so the message tells where the run stopped. */
function cancelled(doing) {
    return new GateError('Cancelled', `Cancelled while ${doing}.`);
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1564);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1564:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// NAMESPACE OBJECT: ./src/log.ts
var log_namespaceObject = {};
__nccwpck_require__.r(log_namespaceObject);
__nccwpck_require__.d(log_namespaceObject, {
  annotate: () => (annotate),
  annotationsWritten: () => (annotationsWritten),
  fail: () => (fail),
  info: () => (info),
  notice: () => (notice),
  warning: () => (warning)
});

// EXTERNAL MODULE: ./src/text.ts
var src_text = __nccwpck_require__(8992);
;// CONCATENATED MODULE: ./src/scans.ts
/**
 * The SSD answer, validated. Everything here came over the network and may come from the
 * code under review: it is checked for shape and kept as plain strings and numbers.
 */

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
/** SSD's verdicts on a finished scan (its `RiskStatus` enum), mildest first. */
const RISK_RATINGS = ['lowrisk', 'mediumrisk', 'highrisk', 'apocalypserisk'];
/**
 * Every status word the action knows, and what it means: SSD's schema's words, with the
 * failure words older answers use. Any other word is waited on as a running scan.
 */
const STATES = {
    pending: 'running',
    scanning: 'running',
    paused: 'paused',
    completed: 'completed',
    ...Object.fromEntries(RISK_RATINGS.map((rating) => [rating, 'completed'])),
    fail: 'failed',
    failed: 'failed',
    error: 'failed'
};
/** The answer is JSON but not an array of scans as documented. */
class AnswerShapeError extends Error {
    name = 'AnswerShapeError';
}
/** Validates the parsed answer: a JSON array of scan objects, each with a string status. */
function parseScans(answer) {
    if (!Array.isArray(answer)) {
        throw new AnswerShapeError(`expected a JSON array of scans, got ${describe(answer)}`);
    }
    return answer.map((value, index) => {
        const element = asObject(value);
        if (!element) {
            throw new AnswerShapeError(`expected scan ${index} to be an object, got ${describe(value)}`);
        }
        const status = field(element, 'status');
        if (typeof status !== 'string') {
            throw new AnswerShapeError(`expected scan ${index} to have a string "status", got ${describe(status)}`);
        }
        return parseScan(element, wellFormed(status));
    });
}
function parseScan(element, status) {
    const metadata = objectField(element, 'metadata');
    const aggregate = numberOrUndefined(field(metadata, 'score'));
    // A tool that puts one object in `data` (a report, not a list) is shown as one item.
    const data = field(element, 'data');
    // Stryker disable next-line ArrayDeclaration: items that are not objects are skipped, so any list of non-objects reads as none
    const items = Array.isArray(data) ? data : asObject(data) ? [data] : [];
    return {
        name: scans_text(field(element, 'scanName')),
        tool: scans_text(field(element, 'scanTool')) || scans_text(field(element, 'scanName')),
        status,
        error: scans_text(field(element, 'error')),
        version: scans_text(field(metadata, 'version')),
        // A negative aggregate means inconclusive, like a check's -1: nothing to gate on.
        score: aggregate !== undefined && aggregate >= 0 ? aggregate : undefined,
        scoreText: aggregate !== undefined && aggregate >= 0 ? scans_text(field(metadata, 'score')).trim() : '',
        ...parseItems(items)
    };
}
/** Sorts `data` by shape; an item of no known shape is kept by its scalar fields, never fatal. */
function parseItems(data) {
    const items = { checks: [], findings: [], others: [] };
    for (const value of data) {
        const item = asObject(value);
        if (!item)
            continue;
        const check = parseCheck(item);
        if (check) {
            items.checks.push(check);
            continue;
        }
        const finding = parseFinding(item);
        if (finding)
            items.findings.push(finding);
        else
            items.others.push(scalarFields(item));
    }
    return items;
}
/** A Scorecard-shaped item: a name and a numeric score. */
function parseCheck(item) {
    const name = scans_text(field(item, 'name'));
    const score = numberOrUndefined(field(item, 'score'));
    if (!name || score === undefined)
        return undefined;
    const metadata = objectField(item, 'metadata');
    return {
        name,
        score: score < 0 ? null : score,
        reason: scans_text(field(item, 'reason')),
        url: scans_text(field(metadata, 'url')),
        description: scans_text(field(metadata, 'short'))
    };
}
/**
 * A finding-shaped item: a severity and a rule, message or file. Tools spell the keys
 * differently (Semgrep's `rule_name`, Trivy's `VulnerabilityID`, `Severity`), so keys are
 * matched without regard to case.
 */
function parseFinding(item) {
    const field = fieldReader(item);
    const severityText = scans_text(field('severity'));
    if (!severityText)
        return undefined;
    const metadata = fieldReader(asObject(field('metadata')) ?? EMPTY);
    const rule = scans_text(field('rule_name') ?? field('rule_id') ?? field('check_id') ?? field('vulnerabilityid') ?? field('id'));
    const message = scans_text(field('rule_message') ?? field('message') ?? field('title') ?? field('description'));
    const path = scans_text(metadata('file_path') ?? field('file_path') ?? field('path'));
    const file = path || scans_text(field('target') ?? field('pkgname'));
    if (!(rule || message || file))
        return undefined;
    const line = numberOrUndefined(metadata('line') ?? field('line') ?? field('start_line'));
    return { severity: normaliseSeverity(severityText), severityText, rule, message, file, inRepository: !!path, line };
}
/** Reads an object's own fields by lower-case name, whatever case the tool wrote them in. */
function fieldReader(item) {
    const keys = new Map(Object.keys(item).map((key) => [key.toLowerCase(), key]));
    return (name) => {
        const key = keys.get(name);
        return key === undefined ? undefined : field(item, key);
    };
}
/** Tools say it differently: Semgrep's ERROR/WARNING/INFO, Trivy's CRITICAL..LOW. */
function normaliseSeverity(value) {
    const word = value.trim().toLowerCase();
    if (word === 'critical' || word === 'blocker')
        return 'critical';
    if (word === 'high' || word === 'error' || word === 'major')
        return 'high';
    if (word === 'medium' || word === 'moderate' || word === 'warning')
        return 'medium';
    if (word === 'low' || word === 'minor')
        return 'low';
    if (word === 'info' || word === 'informational' || word === 'note')
        return 'info';
    return undefined;
}
/** The item's string, number and boolean fields, nested ones flattened one level. */
function scalarFields(item) {
    const fields = new Map();
    for (const [key, value] of Object.entries(item).slice(0, 20)) {
        const nested = asObject(value);
        if (nested) {
            for (const [inner, innerValue] of Object.entries(nested).slice(0, 10)) {
                const scalar = scans_text(innerValue);
                if (scalar)
                    fields.set(wellFormed(`${key}.${inner}`), scalar);
            }
        }
        else if (scans_text(value)) {
            fields.set(wellFormed(key), scans_text(value));
        }
    }
    return fields;
}
/** How a scan is named to people (report, log, SARIF): its tool, else its scan name. */
function scanName(scan) {
    return scan.tool || scan.name || 'scan';
}
/**
 * Which scan this is across answers (the base branch's, an earlier run's SARIF category):
 * its scan name, else its tool. Not `scanName`: an identity must not change when the
 * wording for people does, or comparisons and code scanning alerts would lose their match.
 */
function scanIdentity(scan) {
    return scan.name || scan.tool;
}
/** A check's identity across two answers: its scan's tool and its name, without regard to case. */
function checkKey(scan, check) {
    // Stryker disable next-line MethodExpression: upper or lower, both sides of a match go through here
    return `${scanIdentity(scan).toLowerCase()}\n${check.name.toLowerCase()}`;
}
/**
 * The finding's file as a path inside the repository, or undefined: only a tool's path field
 * (not a package name), relative, without a scheme, a `..`, an empty segment or a backslash,
 * so a path from the scanned code can neither link nor point an annotation elsewhere.
 */
function repositoryPath(finding) {
    if (!finding.inRepository)
        return undefined;
    const path = finding.file.replace(/^(\.\/)+/, '');
    // An empty or absolute path has an empty segment, so the segment test refuses it too.
    const outside = /^[a-z][a-z0-9+.-]*:/i.test(path) ||
        path.includes('\\') ||
        path.split('/').some((segment) => segment === '..' || segment === '');
    return outside ? undefined : path;
}
/** 0 for critical .. 4 for info; a severity the action does not know ranks last. */
function severityRank(finding) {
    return finding.severity ? SEVERITIES.indexOf(finding.severity) : SEVERITIES.length;
}
/** The scan whose aggregate score is gated on: the lowest among those that have one. */
function lowestScan(scans) {
    return scans.reduce((worst, scan) => scan.score !== undefined && (worst?.score === undefined || scan.score < worst.score) ? scan : worst, undefined);
}
/** How many results (checks, findings, other items) a scan has. */
function resultCount(scan) {
    return scan.checks.length + scan.findings.length + scan.others.length;
}
/** A status as SSD writes it, case-insensitive (its own models use lowercase states). */
function stateOf(status) {
    return knownState(statusWord(status)) ?? 'running';
}
/** What a lowercase status word means, when the action knows it (never a field inherited from Object). */
function knownState(word) {
    return Object.hasOwn(STATES, word) ? STATES[word] : undefined;
}
/** The risk verdict a status gives (`HighRisk` → `highrisk`), if it is one. */
function ratingOf(status) {
    const word = statusWord(status);
    return RISK_RATINGS.find((rating) => rating === word);
}
/** The gravest verdict among `statuses`; undefined when none of them is one. */
function gravestRating(statuses) {
    let gravest = -1;
    for (const status of statuses) {
        const rating = ratingOf(status);
        // Stryker disable next-line ConditionalExpression: indexOf(undefined) is -1, which max leaves alone
        if (rating)
            gravest = Math.max(gravest, RISK_RATINGS.indexOf(rating));
    }
    return RISK_RATINGS[gravest];
}
/** `high risk`, as the report says it. */
function describeRating(rating) {
    // Stryker disable next-line Regex: every rating ends in its one 'risk'
    return rating.replace(/risk$/, ' risk');
}
/**
 * The status, trimmed, when it is a word the action does not know (it is waited on as a
 * running scan, and the log says so); '' for a known word and for no status at all.
 */
function unknownStatus(status) {
    const word = status.trim();
    return word && !knownState(word.toLowerCase()) ? (0,src_text/* cutText */.IN)(wellFormed(word), 40) : '';
}
function statusWord(status) {
    return status.trim().toLowerCase();
}
function scanState(scan) {
    const state = stateOf(scan.status);
    // An error and nothing else also means the scan failed, whatever its status says.
    if (state === 'running' && scan.error.trim() && resultCount(scan) === 0)
        return 'failed';
    return state;
}
const EMPTY = Object.freeze({});
function asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
/** The object's own field `name`, never one it inherits. */
function field(object, name) {
    return Object.hasOwn(object, name) ? object[name] : undefined;
}
/** The object field `name`, or an empty object when it is absent or not an object. */
function objectField(object, name) {
    return asObject(field(object, name)) ?? EMPTY;
}
/** Text as the answer gave it, with any lone surrogate (`"\ud800"` in JSON) made U+FFFD. */
function scans_text(value) {
    if (typeof value === 'string')
        return wellFormed(value);
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return '';
}
function wellFormed(value) {
    return value.toWellFormed();
}
function numberOrUndefined(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
        return Number(value);
    return undefined;
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (asObject(value)) {
        const keys = Object.keys(value)
            .slice(0, 5)
            .map((key) => (0,src_text/* cutText */.IN)(wellFormed(key), 40));
        return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object';
    }
    return typeof value;
}

;// CONCATENATED MODULE: ./src/comparison.ts
/**
 * What changed against the base branch: a pure function of this result's scans and the
 * base branch's. Scans are matched by tool, checks by name, findings by tool, rule and
 * location (a finding whose line moved within its file still counts as the same one).
 */

function compare(scans, base) {
    const head = lowestScan(scans);
    const baseLowest = lowestScan(base.scans);
    const scoreDelta = head?.score !== undefined && baseLowest?.score !== undefined
        ? Math.round((head.score - baseLowest.score) * 100) / 100
        : undefined;
    return {
        baseBranch: base.branch,
        baseCommit: base.commit,
        baseScore: baseLowest?.score,
        baseScoreText: baseLowest?.scoreText ?? '',
        scoreDelta,
        worseChecks: worseChecks(scans, base.scans),
        newFindings: newFindings(scans, base.scans).sort((a, b) => severityRank(a) - severityRank(b)),
        baseScans: base.scans
    };
}
/** A scan's identity across two answers: its tool, whatever its position. */
function toolOf(scan) {
    // Stryker disable next-line MethodExpression: upper or lower, both sides of a match go through here
    return scanIdentity(scan).toLowerCase();
}
function worseChecks(scans, baseScans) {
    const before = new Map();
    for (const scan of baseScans) {
        for (const check of scan.checks) {
            if (check.score !== null)
                before.set(checkKey(scan, check), check.score);
        }
    }
    const worse = [];
    for (const scan of scans) {
        for (const check of scan.checks) {
            const baseScore = before.get(checkKey(scan, check));
            if (check.score !== null && baseScore !== undefined && check.score < baseScore) {
                worse.push({ name: check.name, score: check.score, baseScore });
            }
        }
    }
    return worse.sort((a, b) => b.baseScore - b.score - (a.baseScore - a.score));
}
/**
 * Findings not on the base branch. Matched first on tool, rule, file and line, then what is
 * left on tool, rule and file alone: code added above a finding moves its line, not the finding.
 */
function newFindings(scans, baseScans) {
    const tagged = (list) => list.flatMap((scan) => scan.findings.map((finding) => ({ tool: toolOf(scan), finding })));
    const byFile = ({ tool, finding }) => `${tool}\n${finding.rule}\n${finding.file}`;
    // Stryker disable next-line StringLiteral: what stands for no line is the same on both sides of a match
    const byLine = (item) => `${byFile(item)}\n${item.finding.line ?? ''}`;
    const [head, base] = matchAway(tagged(scans), tagged(baseScans), byLine);
    return matchAway(head, base, byFile)[0].map(({ finding }) => finding);
}
/** What is left of `a` and of `b` once each item of `a` is paired with one of `b` of the same key. */
function matchAway(a, b, key) {
    const pool = new Map();
    for (const item of b) {
        const bucket = pool.get(key(item));
        if (bucket)
            bucket.push(item);
        else
            pool.set(key(item), [item]);
    }
    const left = a.filter((item) => pool.get(key(item))?.pop() === undefined);
    return [left, [...pool.values()].flat()];
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/scan-summary.ts
/**
 * SSD's summary of the latest scan of one project, repository and branch
 * (`sourceScan/summarydata`), validated. It is the only place SSD names the commit a
 * result is of: `filedata` answers the latest result of a scan target and names none.
 */


/** More tools than any SSD runs: an answer with more is cut here, so a hostile one stays small. */
const MAX_FILES = 50;
const ENTRY_FIELDS = ['scanName', 'scanTool', 'resultFile', 'status', 'error'];
/**
 * The summary, or undefined when SSD has no scan of the branch yet (an empty object, or
 * one without a scanId). Anything that is not an object is not the documented summary.
 */
function parseSummary(answer) {
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
        throw new AnswerShapeError(`expected a JSON object, got ${answer === null ? 'null' : Array.isArray(answer) ? 'an array' : typeof answer}`);
    }
    const field = (name) => scalar(own(answer, name)).trim();
    const scanId = field('scanId');
    if (!scanId)
        return undefined;
    const headCommit = field('headCommit').toLowerCase();
    const status = field('status');
    return {
        scanId,
        // Only a SHA can be compared and linked; anything else counts as "SSD did not say".
        headCommit: /^[0-9a-f]{7,40}$/.test(headCommit) ? headCommit : '',
        status,
        state: stateOf(status),
        projectName: field('projectName'),
        platform: field('platform'),
        lastScannedAt: field('lastScannedAt'),
        files: parseScannedFiles(own(answer, 'scannedFiledData'))
    };
}
/**
 * `scannedFiledData` in any shape SSD has been seen to use: grouped by category
 * (`{"SAST":{"semgrep":{...}}}`), a flat map (`{"semgrep":{...}}`) or a list of entries.
 * It only informs the wait line and filedata by POST, so anything else in it is skipped,
 * never fatal.
 */
function parseScannedFiles(value) {
    const files = [];
    const add = (group, key, entry) => {
        if (files.length < MAX_FILES)
            files.push(scannedFile(group, key, entry));
    };
    if (Array.isArray(value)) {
        for (const entry of value) {
            if (isEntry(entry))
                add('', scalar(own(entry, 'scanName')) || scalar(own(entry, 'scanTool')), entry);
        }
    }
    else if (isObject(value)) {
        for (const [name, inner] of Object.entries(value)) {
            if (isEntry(inner))
                add('', name, inner);
            else if (isObject(inner)) {
                for (const [key, entry] of Object.entries(inner))
                    if (isEntry(entry))
                        add(name, key, entry);
            }
        }
    }
    return files;
}
function scannedFile(group, key, entry) {
    const [scanName, scanTool, resultFile, status, error] = ENTRY_FIELDS.map((name) => scalar(own(entry, name)));
    return {
        group: group.toWellFormed(),
        key: key.toWellFormed(),
        scanName: scanName ?? '',
        scanTool: scanTool ?? '',
        resultFile: resultFile ?? '',
        status: (status ?? '').trim(),
        error: (error ?? '').trim(),
        state: stateOf(status ?? '')
    };
}
/** An object with one of an entry's fields as a string: a tool, not a group of tools. */
function isEntry(value) {
    return isObject(value) && ENTRY_FIELDS.some((name) => typeof own(value, name) === 'string');
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The object's own field, never one it inherits (`constructor`, `__proto__`). */
function own(object, name) {
    return Object.hasOwn(object, name) ? object[name] : undefined;
}
function scalar(value) {
    return typeof value === 'string' ? value.toWellFormed() : typeof value === 'number' ? String(value) : '';
}
/** A tool as the log names it: its key (`semgrep`), else its scan name or tool. */
function fileName(file) {
    return (0,src_text/* oneLine */.TN)(file.key || file.scanName || file.scanTool || 'tool', 40);
}
/** Tools named in one wait line; the rest are counted. */
const NAMED_FILES = 10;
/**
 * `openssf completed, semgrep scanning`: each tool's state, when it says more than the
 * summary's `status` does (a tool apart from the rest); '' when every tool says the same.
 */
function describeFiles(summary) {
    const status = summary.status.toLowerCase();
    if (summary.files.every((file) => file.status.toLowerCase() === status))
        return '';
    const named = summary.files
        .slice(0, NAMED_FILES)
        .map((file) => `${fileName(file)} ${(0,src_text/* oneLine */.TN)(file.status, 20) || 'unknown'}`);
    const more = summary.files.length - named.length;
    return [...named, ...(more > 0 ? [`${more} more`] : [])].join(', ');
}
/** The tools that failed, by their status or an error text, while the scan as a whole goes on. */
function failedFiles(summary) {
    return summary.files.filter((file) => file.state === 'failed' || (file.error && file.state !== 'completed'));
}
/** Either SHA may be abbreviated (7+ characters): they match when one starts the other. */
function sameCommit(a, b) {
    if (a.length < 7 || b.length < 7)
        return false;
    // Stryker disable next-line EqualityOperator: of two SHAs of one length, either may be the prefix of the other
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    return long.toLowerCase().startsWith(short.toLowerCase());
}
/** `1a2b3c4`: the short form people know from GitHub. */
function shortSha(sha) {
    return sha.slice(0, 7);
}

;// CONCATENATED MODULE: ./src/baseline.ts




/** Each request for the base branch's result gets this long; it is asked once, not polled. */
const BASE_REQUEST_TIMEOUT_MS = 30_000;
/** Undefined when there is nothing to compare with: not a pull request, or compareWithBase is off. */
async function readBaseline(client, config, pullRequest, signal) {
    const branch = pullRequest?.baseRef;
    if (!config.compareWithBase || !branch)
        return undefined;
    const where = `${config.repository}@${branch}`;
    if (branch === config.branch) {
        return { unavailable: `The base branch is the branch under review (${where}): nothing to compare with.` };
    }
    try {
        return await readBase(client, branch, where, { signal, timeoutMs: BASE_REQUEST_TIMEOUT_MS });
    }
    catch (error) {
        // The gate's own result is in hand: a fault here (a refused token, TLS) costs the comparison, not the result.
        if (!(error instanceof errors/* GateError */.ue) || error.status === 'Cancelled')
            throw error;
        return { unavailable: `The base branch's result (${where}) could not be read: ${error.message}` };
    }
}
async function readBase(client, branch, where, options) {
    const summary = await client.latestScan(branch, options);
    if (summary.kind === 'retry' || summary.kind === 'unusable') {
        return { unavailable: `SSD's summary of the base branch (${where}) could not be read: ${summary.reason}.` };
    }
    if (summary.kind === 'notFound' || !summary.answer) {
        return { unavailable: `SSD has no scan of the base branch (${where}) to compare with.` };
    }
    const latest = summary.answer;
    if (latest.state !== 'completed') {
        return {
            unavailable: `SSD's latest scan of the base branch (${where}) is ${latest.status || 'not completed'}; no comparison.`
        };
    }
    const results = await client.scanResults(latest.scanId, options);
    if (results.kind !== 'answer') {
        return {
            unavailable: `The base branch's results (${where}, scan ${latest.scanId}) could not be read: ${results.reason}.`
        };
    }
    const { scans } = results.answer;
    if (scans.length === 0 || scans.some((scan) => scanState(scan) !== 'completed')) {
        return { unavailable: `The base branch's results (${where}) are not complete; no comparison.` };
    }
    return { baseline: { branch, commit: latest.headCommit, scans } };
}
/** The comparison of `scans` with the base branch's latest scan, on pull requests (see readBaseline). */
async function compareWithBase(client, config, pullRequest, scans, signal) {
    const outcome = await readBaseline(client, config, pullRequest, signal);
    if (!outcome)
        return {};
    if ('unavailable' in outcome)
        return { unavailable: outcome.unavailable };
    return { comparison: compare(scans, outcome.baseline) };
}
/** One log line on what the comparison is against, or why there is none; '' when none was asked for. */
function describeBase({ comparison, unavailable }) {
    if (!comparison)
        return unavailable ?? '';
    const commit = comparison.baseCommit ? ` (commit ${shortSha(comparison.baseCommit)})` : '';
    return `Comparing with SSD's latest scan of ${comparison.baseBranch}${commit}`;
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __nccwpck_require__(2462);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/github-event.ts
/**
 * What the action needs to know about the workflow run, read from the runner's
 * environment and event payload. Read without @actions/github, so that runs that write
 * no comment never load it.
 */


/**
 * What to do when a fork's pull request lacks something the gate needs (`lacks`: what, and
 * why): `pull_request_target` runs in the base repository, with its secrets and a token
 * that can write.
 */
function forkHint(lacks) {
    return ` This pull request comes from a fork, ${lacks}: run the gate on \`pull_request_target\` (it checks out no code), or skip it for forks.`;
}
/** Events whose payload carries the pull request (its head branch and commit, its base branch). */
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment'
]);
function readRunContext(env = process.env) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const payload = PULL_REQUEST_EVENTS.has(eventName) ? readPayload(env.GITHUB_EVENT_PATH) : {};
    const pr = payload.pull_request;
    const pullRequest = pr && typeof pr.number === 'number' && owner && repo
        ? {
            owner,
            repo,
            number: pr.number,
            headSha: stringOr(pr.head?.sha, ''),
            headRef: stringOr(pr.head?.ref, env.GITHUB_HEAD_REF ?? ''),
            baseRef: stringOr(pr.base?.ref, env.GITHUB_BASE_REF ?? ''),
            baseSha: stringOr(pr.base?.sha, ''),
            isFork: typeof pr.head?.repo?.full_name === 'string' &&
                typeof pr.base?.repo?.full_name === 'string' &&
                pr.head.repo.full_name !== pr.base.repo.full_name
        }
        : undefined;
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repositoryUrl = owner && repo ? `${server}/${owner}/${repo}` : undefined;
    return {
        pullRequest,
        sha: pullRequest?.headSha || env.GITHUB_SHA || '',
        branch: pullRequest?.headRef || env.GITHUB_REF_NAME || '',
        repositoryOwner: owner,
        repositoryName: repo,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(src_text/* TRAILING_SLASHES */.XK, ''),
        repositoryUrl,
        runUrl: repositoryUrl && env.GITHUB_RUN_ID ? `${repositoryUrl}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
    };
}
function stringOr(value, fallback) {
    return typeof value === 'string' && value ? value : fallback;
}
function readPayload(path) {
    if (!path)
        return {};
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        return typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/secrets.ts
/**
 * The values that must never be shown. The runner masks its own log, but nothing masks
 * what the action writes through an API (a PR comment), so every text that leaves the
 * action passes through `redact`. Which call does what:
 * - The guarantee is at the exits, each redacting all it writes, whatever the text's
 *   origin (an input, an SSD answer, a GitHub reply): `log.ts` (log lines, annotations,
 *   the failure), `outputs.ts` (step outputs), `files.ts` (result file, SARIF file),
 *   `publish.ts` (job summary, PR comment). A new way out must redact there too.
 * - Before a step that would hide a secret from the exits: an SSD answer is redacted with
 *   `redactJson` as it arrives (`ssd-client.ts`), since its JSON escapes survive into the
 *   result file and parsing would undo them; `escapeText` (`markdown.ts`) redacts before
 *   it escapes or cuts; `safeUrl` links no URL that carries a secret.
 * - Belts and braces: `excerpt` (`ssd-client.ts`) redacts a server's message, already
 *   redacted on arrival, again before cutting it.
 */

const secrets = new Set();
/** Each secret as JSON may write it, a character at a time escaped (`\u005f`, `\/`). */
const jsonForms = [];
/** Masks `value` in the runner's log and removes it from every text `redact` sees. */
function addSecret(value) {
    if (!value || secrets.has(value))
        return;
    core.setSecret(value);
    for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
        secrets.add(form);
    }
    jsonForms.push(jsonEscapedPattern(value));
}
function redact(text) {
    let result = text;
    for (const secret of secrets) {
        if (result.includes(secret))
            result = result.split(secret).join(mask(secret));
    }
    return result;
}
/**
 * `***`, or shorter for a shorter secret: redaction never lengthens a text, so a text
 * sized to fit a limit (the PR comment) still fits once redacted.
 */
function mask(secret) {
    return '*'.repeat(Math.min(3, secret.length));
}
/**
 * Redacts raw JSON text, where a server echoing the secret may have escaped any of its
 * characters: the text is kept as it came, so decoding it later cannot bring the secret back.
 */
function redactJson(text) {
    let result = redact(text);
    if (!result.includes('\\'))
        return result;
    for (const pattern of jsonForms)
        result = result.replace(pattern, mask);
    return result;
}
function jsonEscapedPattern(secret) {
    const characters = [...secret].map((char) => {
        const hex = [...char.charCodeAt(0).toString(16).padStart(4, '0')]
            .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
            .join('');
        const literal = char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        return `(?:${literal}|\\\\u${hex}${char === '/' ? '|\\\\/' : ''})`;
    });
    return new RegExp(characters.join(''), 'g');
}

;// CONCATENATED MODULE: ./src/config.ts
/**
 * Reads every input into one typed Config. Input names appear only here.
 * Nothing here touches the network: a bad input fails before any request.
 */





const INPUT = {
    host: 'host',
    token: 'token',
    projectId: 'projectId',
    scanId: 'scanId',
    repository: 'repository',
    branch: 'branch',
    commit: 'commit',
    waitForCommit: 'waitForCommit',
    rescan: 'rescan',
    teamId: 'teamId',
    compareWithBase: 'compareWithBase',
    newFindingsOnly: 'newFindingsOnly',
    maxScoreDrop: 'maxScoreDrop',
    waivers: 'waivers',
    annotations: 'annotations',
    scanType: 'scanType',
    apiBasePath: 'apiBasePath',
    threshold: 'threshold',
    pollInterval: 'pollInterval',
    timeout: 'timeout',
    comment: 'comment',
    githubToken: 'githubToken',
    warnOnly: 'warnOnly',
    checkThresholds: 'checkThresholds',
    failOnInconclusive: 'failOnInconclusive',
    failOnSeverity: 'failOnSeverity',
    commentHeader: 'commentHeader',
    sarifFile: 'sarifFile',
    filedataMethod: 'filedataMethod',
    tokenFormat: 'tokenFormat'
};
/**
 * The defaults action.yml declares (a unit test keeps the two in step). The runner
 * applies them before the action starts; the action uses them only when a workflow
 * passes an empty value, e.g. an unset `${{ vars.X }}`.
 */
const DEFAULTS = {
    scanType: 'sourceScan',
    apiBasePath: '/gate',
    threshold: '5',
    pollInterval: '10',
    timeout: '600',
    comment: 'always',
    warnOnly: 'false',
    failOnInconclusive: 'false',
    waitForCommit: 'true',
    rescan: 'false',
    compareWithBase: 'true',
    newFindingsOnly: 'true',
    waivers: '.github/ssd-waivers.yml',
    annotations: 'true',
    filedataMethod: 'auto',
    tokenFormat: 'bearer'
};
const COMMENT_MODES = ['always', 'on-failure', 'never'];
/** How filedata is asked for: GET, falling back to POST on a 405 (`auto`), or one of them only. */
const FILEDATA_METHODS = ['auto', 'GET', 'POST'];
/** `X-OpsMx-Auth: Bearer <token>` (the seed's form), or the token alone, as some SSD installs read it. */
const TOKEN_FORMATS = ['bearer', 'raw'];
/** A bad input: the message names the input and what was expected. */
class InputError extends Error {
    name = 'InputError';
}
/** Builds the Config from raw input values, or throws an InputError. */
function parseConfig(read, context) {
    const input = (name) => read(name).trim();
    const optional = (name) => input(name) || DEFAULTS[name];
    const parse = {
        host: () => parseHost(input(INPUT.host)),
        token: () => parseToken(input(INPUT.token), context),
        projectId: () => required(input(INPUT.projectId), INPUT.projectId, 'an SSD project id such as 0x29ab7'),
        repository: () => parseRepository(input(INPUT.repository) || context.repositoryName),
        branch: () => parseBranch(input(INPUT.branch) || forkDefault(context, input(INPUT.scanId)) || context.branch),
        commit: () => parseCommit(input(INPUT.commit) || context.commit),
        waitForCommit: () => parseBoolean(optional(INPUT.waitForCommit), INPUT.waitForCommit),
        rescan: () => parseBoolean(optional(INPUT.rescan), INPUT.rescan),
        compareWithBase: () => parseBoolean(optional(INPUT.compareWithBase), INPUT.compareWithBase),
        newFindingsOnly: () => parseBoolean(optional(INPUT.newFindingsOnly), INPUT.newFindingsOnly),
        // Here an empty value means "no waivers file", so the default is not applied.
        waivers: () => parseRepositoryPath(input(INPUT.waivers), INPUT.waivers),
        annotations: () => parseBoolean(optional(INPUT.annotations), INPUT.annotations),
        // Here an empty value means "no base path", so the default is not applied.
        apiBasePath: () => parseBasePath(input(INPUT.apiBasePath)),
        threshold: () => parseNumber(optional(INPUT.threshold), INPUT.threshold, SCORE),
        rules: () => parseCheckRules(input(INPUT.checkThresholds)),
        failOnInconclusive: () => parseBoolean(optional(INPUT.failOnInconclusive), INPUT.failOnInconclusive),
        failOnSeverity: () => parseSeverity(input(INPUT.failOnSeverity)),
        maxScoreDrop: () => parseOptionalScore(input(INPUT.maxScoreDrop), INPUT.maxScoreDrop),
        pollIntervalMs: () => seconds(optional(INPUT.pollInterval), INPUT.pollInterval),
        timeoutMs: () => seconds(optional(INPUT.timeout), INPUT.timeout),
        comment: () => parseCommentMode(optional(INPUT.comment)),
        warnOnly: () => parseBoolean(optional(INPUT.warnOnly), INPUT.warnOnly),
        filedataMethod: () => parseChoice(optional(INPUT.filedataMethod), INPUT.filedataMethod, FILEDATA_METHODS),
        tokenFormat: () => parseChoice(optional(INPUT.tokenFormat), INPUT.tokenFormat, TOKEN_FORMATS)
    };
    // Every input is checked before any is used, so one run names every problem at once.
    const problems = Object.values(parse).flatMap(problemOf);
    if (problems.length > 0)
        throw new InputError(problems.join('\n'));
    const token = parse.token();
    const tokenFormat = parse.tokenFormat();
    return {
        host: parse.host(),
        authHeader: authHeader(token, tokenFormat),
        tokenFormat,
        filedataMethod: parse.filedataMethod(),
        projectId: parse.projectId(),
        scanId: input(INPUT.scanId),
        repository: parse.repository(),
        branch: parse.branch(),
        commit: parse.commit(),
        waitForCommit: parse.waitForCommit(),
        rescan: parse.rescan(),
        teamId: input(INPUT.teamId),
        compareWithBase: parse.compareWithBase(),
        newFindingsOnly: parse.newFindingsOnly(),
        waivers: parse.waivers(),
        annotations: parse.annotations(),
        scanType: optional(INPUT.scanType),
        apiBasePath: parse.apiBasePath(),
        policy: {
            threshold: parse.threshold(),
            rules: parse.rules(),
            failOnInconclusive: parse.failOnInconclusive(),
            failOnSeverity: parse.failOnSeverity(),
            maxScoreDrop: parse.maxScoreDrop()
        },
        pollIntervalMs: parse.pollIntervalMs(),
        timeoutMs: parse.timeoutMs(),
        comment: parse.comment(),
        githubToken: input(INPUT.githubToken),
        warnOnly: parse.warnOnly(),
        commentHeader: input(INPUT.commentHeader),
        sarifFile: input(INPUT.sarifFile)
    };
}
/** The message of the InputError `parse` throws, if it throws one. */
function problemOf(parse) {
    try {
        parse();
        return [];
    }
    catch (error) {
        // Stryker disable next-line ConditionalExpression: every parser throws InputError only; this guards against a bug elsewhere
        if (!(error instanceof InputError))
            throw error;
        return [error.message];
    }
}
function parseToken(value, context) {
    if (value)
        return value;
    const hint = context.isForkPullRequest
        ? forkHint('and GitHub does not pass secrets to workflows run from forks')
        : ' Pass it from a secret, e.g. `token: ${{ secrets.SSD_TOKEN }}`.';
    throw new InputError(`Input '${INPUT.token}' is required: expected an SSD token or API key.${hint}`);
}
function required(value, name, expected) {
    if (!value)
        throw new InputError(`Input '${name}' is required: expected ${expected}.`);
    return value;
}
function parseHost(value) {
    required(value, INPUT.host, 'the SSD base URL, e.g. https://ssd.example.com');
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
        throw new InputError(`Input '${INPUT.host}' must be an http(s) URL such as https://ssd.example.com, got '${value}'.`);
    }
    if (url.search || url.hash || url.username || url.password) {
        throw new InputError(`Input '${INPUT.host}' must be a plain base URL without credentials, query or fragment, e.g. https://ssd.example.com.`);
    }
    return url.href.replace(src_text/* TRAILING_SLASHES */.XK, '');
}
/** GitHub's rule for a repository name: SSD keys its scan targets by the same name. */
function parseRepository(value) {
    required(value, INPUT.repository, "SSD's name for the repository, e.g. widget (GITHUB_REPOSITORY is not set)");
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(value) || /^\.+$/.test(value)) {
        throw new InputError(`Input '${INPUT.repository}' must be a repository name (letters, digits, '.', '_', '-'; no owner), e.g. widget, got '${value}'.`);
    }
    return value;
}
/** Git's rules for a branch name (git check-ref-format), so a typo is caught before any request. */
function parseBranch(value) {
    required(value, INPUT.branch, 'the branch SSD scans, e.g. main (the event names none)');
    const invalid = value.length > 255 ||
        /[\u0000-\u0020\u007f~^:?*[\\]/.test(value) ||
        /\.\.|@\{|\/\/|\/\./.test(value) ||
        /^[-/.]|[/.]$|\.lock$/.test(value) ||
        value === '@';
    if (invalid) {
        throw new InputError(`Input '${INPUT.branch}' must be a git branch name such as main or feature/login (no spaces, '..', '~', '^', ':', '?', '*', '[' or '\\'), got '${value}'.`);
    }
    return value;
}
/**
 * On a pull request from a fork the head branch lives in the fork, which SSD does not scan:
 * waiting for it would only time out (and a rescan would scan the base repository's branch
 * of that name). So there the branch must be named; a given scanId is gated on as it is.
 */
function forkDefault(context, scanId) {
    if (!context.isForkPullRequest || scanId)
        return '';
    throw new InputError(`Input '${INPUT.branch}' is required on a pull request from a fork: SSD scans the branches of the repositories configured on a project, not a fork's, so it has no scan of this pull request's commit. Set '${INPUT.branch}' to a branch SSD scans (with 'waitForCommit: false'), or skip the gate for forks.`);
}
/** A commit SHA, full or abbreviated to 7 characters or more. */
function parseCommit(value) {
    required(value, INPUT.commit, 'a commit SHA (the event names none)');
    if (!/^[0-9a-f]{7,40}$/i.test(value)) {
        throw new InputError(`Input '${INPUT.commit}' must be a commit SHA of 7 to 40 hexadecimal characters, got '${value}'.`);
    }
    return value.toLowerCase();
}
const SCORE = { min: 0, max: 10, expected: 'a number from 0 to 10' };
/** `Name=minimum` per line (or comma-separated); `*=N` for every check; `#` starts a comment. */
function parseCheckRules(value) {
    const rules = new Map();
    for (const raw of value.split(/[\n,]/)) {
        const line = raw.replace(/#.*/, '').trim();
        if (!line)
            continue;
        const match = /^([^=]*[^=\s])\s*=\s*(\S+)$/.exec(line);
        if (!match) {
            throw new InputError(`Input '${INPUT.checkThresholds}' must have one Check-Name=minimum per line (e.g. Dangerous-Workflow=10, or *=5), got '${line}'.`);
        }
        const [, name = '', minimum = ''] = match;
        const number = parseNumber(minimum, INPUT.checkThresholds, {
            ...SCORE,
            expected: `a number from 0 to 10 after '${name}='`
        });
        // Stryker disable next-line MethodExpression: the key only makes names that differ in case one; upper case does too
        rules.set(name.toLowerCase(), { name: name.toLowerCase(), minimum: number, text: `${name}=${minimum}` });
    }
    return [...rules.values()];
}
function parseSeverity(value) {
    if (!value)
        return undefined;
    const severity = value.toLowerCase();
    if (SEVERITIES.includes(severity))
        return severity;
    throw new InputError(`Input '${INPUT.failOnSeverity}' must be one of ${SEVERITIES.join(', ')} (or empty for off), got '${value}'.`);
}
/** A file's path in the repository: relative, no `..`, no backslash; '' for none. */
function parseRepositoryPath(value, name) {
    if (!value)
        return '';
    const path = value.replace(/^(\.\/)+/, '');
    // An absolute path starts with an empty segment, which the segment test refuses.
    const segments = path.split('/');
    if (path.includes('\\') ||
        /[\u0000-\u001f\u007f]/.test(path) ||
        segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
        throw new InputError(`Input '${name}' must be a file's path in the repository, relative to its root and without '..', e.g. .github/ssd-waivers.yml (or empty for none), got '${value}'.`);
    }
    return path;
}
function parseBasePath(value) {
    const trimmed = value.replace(/^\/+/, '').replace(src_text/* TRAILING_SLASHES */.XK, '');
    if (/[?#\s]/.test(trimmed)) {
        throw new InputError(`Input '${INPUT.apiBasePath}' must be a URL path such as /gate (or empty), got '${value}'.`);
    }
    return trimmed ? `/${trimmed}` : '';
}
function parseNumber(value, name, range) {
    const number = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
    const belowMin = range.exclusiveMin ? number <= range.min : number < range.min;
    if (!Number.isFinite(number) || belowMin || number > range.max) {
        throw new InputError(`Input '${name}' must be ${range.expected}, got '${value}'.`);
    }
    return number;
}
/** A number of score points (0 to 10), or undefined when empty (off). */
function parseOptionalScore(value, name) {
    if (!value)
        return undefined;
    return parseNumber(value, name, { ...SCORE, expected: 'a number of score points from 0 to 10 (or empty for off)' });
}
/** A positive number of seconds (decimals allowed), in milliseconds. */
function seconds(value, name) {
    const limit = 24 * 60 * 60;
    const secs = parseNumber(value, name, {
        min: 0,
        max: limit,
        exclusiveMin: true,
        expected: `a positive number of seconds (at most ${limit})`
    });
    return Math.round(secs * 1000);
}
function parseCommentMode(value) {
    const mode = value.toLowerCase();
    if (mode === 'true')
        return 'always';
    if (mode === 'false')
        return 'never';
    if (COMMENT_MODES.includes(mode))
        return mode;
    throw new InputError(`Input '${INPUT.comment}' must be one of ${COMMENT_MODES.join(', ')} (or true/false), got '${value}'.`);
}
/** One of `choices`, in any case, as the list spells it. */
function parseChoice(value, name, choices) {
    const choice = choices.find((allowed) => allowed.toLowerCase() === value.toLowerCase());
    if (choice)
        return choice;
    throw new InputError(`Input '${name}' must be one of ${choices.join(', ')}, got '${value}'.`);
}
/** The header's value: `Bearer <token>` (a token already so written is kept as is), or the raw token. */
function authHeader(token, format) {
    if (format === 'raw')
        return token.replace(/^bearer\s+/i, '');
    return /^bearer /i.test(token) ? token : `Bearer ${token}`;
}
function parseBoolean(value, name) {
    const lower = value.toLowerCase();
    if (lower === 'true')
        return true;
    if (lower === 'false')
        return false;
    throw new InputError(`Input '${name}' must be true or false, got '${value}'.`);
}
/**
 * Reads the inputs the runner passed. The token is masked before anything else happens,
 * so no later log line can show it.
 */
function readConfig(context) {
    const token = core.getInput(INPUT.token);
    addSecret(token.trim());
    addSecret(token.trim().replace(/^bearer\s+/i, ''));
    addSecret(core.getInput(INPUT.githubToken).trim());
    return parseConfig((name) => core.getInput(name), context);
}

;// CONCATENATED MODULE: ./src/decision.ts


/**
 * A broken rule in words, the one wording of the summary, the report and SARIF:
 * `Dangerous-Workflow scored 0, below its minimum (Dangerous-Workflow=10)`. `quote` words
 * the names that come from the answer and the inputs (escaped, in markdown).
 */
function describeRuleBreak(broken, quote = (text) => text) {
    return broken.score === null
        ? `${quote(broken.check)} is inconclusive (-1), which fails with failOnInconclusive`
        : `${quote(broken.check)} scored ${broken.score}, below its minimum (${quote(broken.rule)})`;
}
/** What the author is told of a failure the base branch has too: it is not theirs to fix. */
function predates(baseBranch) {
    return `on ${baseBranch} too: this predates the pull request`;
}
/**
 * Whether warnOnly turns this failure into a warning: it softens the gate's verdict, not an
 * answer that gave it nothing to gate on.
 */
function softenedByWarnOnly(decision, warnOnly) {
    return warnOnly && !decision.passed && !decision.nothingToGateOn;
}
/** Broken rules the summary names; a `*=10` over 2,000 checks would otherwise make it a page long. */
const SUMMARY_RULE_BREAKS = 10;
/** The rule that governs a check: its own by name, else `*`. */
function ruleFor(check, rules) {
    const name = check.name.toLowerCase();
    return rules.find((rule) => rule.name === name) ?? rules.find((rule) => rule.name === '*');
}
/** How a check fares under the policy and the waivers, and which rule it broke if any. */
function checkVerdict(check, policy, waived) {
    const verdict = policyVerdict(check, policy);
    return verdict.status === 'failing' && waived?.has(check) ? { ...verdict, status: 'waived' } : verdict;
}
function policyVerdict(check, policy) {
    const rule = ruleFor(check, policy.rules);
    if (check.score === null) {
        return rule && policy.failOnInconclusive
            ? { status: 'failing', rule: 'failOnInconclusive' }
            : { status: 'inconclusive' };
    }
    if (rule && check.score < rule.minimum)
        return { status: 'failing', rule: rule.text };
    if (check.score < policy.threshold)
        return { status: 'failing' };
    return { status: 'passing' };
}
/** Whether the policy fails a check, before any waiver: what a check waiver can take out of the gate. */
function failsPolicy(policy) {
    return (check) => checkVerdict(check, policy).status === 'failing';
}
function atOrAbove(severity, floor) {
    return severity !== undefined && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(floor);
}
/** The gate's verdict on `scans` under `policy`, given what else the run knows (`context`). */
function decide(scans, policy, context = {}) {
    const { threshold } = policy;
    const { comparison, scope = { kind: 'all', why: '' }, waived = [] } = context;
    const waivedFindings = new Map();
    const waivedChecks = new Map();
    for (const item of waived) {
        if (item.kind === 'finding')
            waivedFindings.set(item.finding, item.waiver);
        else
            waivedChecks.set(item.check, item.waiver);
    }
    const scored = scans.filter((scan) => scan.score !== undefined);
    const lowest = lowestScan(scans);
    const ruleBreaks = [];
    const failed = new Set();
    for (const scan of scans) {
        for (const check of scan.checks) {
            const verdict = checkVerdict(check, policy, waivedChecks);
            if (verdict.status !== 'failing')
                continue;
            failed.add(check.name);
            if (!verdict.rule)
                continue;
            const onBase = comparison && brokenOnBase(scan, check, verdict.rule, comparison, policy);
            ruleBreaks.push({ check: check.name, score: check.score, rule: verdict.rule, ...(onBase ? { onBase } : {}) });
        }
    }
    const checks = scans.flatMap((scan) => scan.checks);
    const names = new Set(checks.map((check) => check.name.toLowerCase()));
    const unmatchedRules = policy.rules.filter((rule) => rule.name !== '*' && !names.has(rule.name));
    const floor = policy.failOnSeverity;
    const baseFindings = scope.kind === 'new' && comparison ? findingsOnBase(scans, comparison) : new Set();
    const severe = { counted: 0, base: 0, waived: 0 };
    // Stryker disable next-line ConditionalExpression: without a floor no finding is at or above it anyway; the test skips the loop
    if (floor) {
        for (const finding of scans.flatMap((scan) => scan.findings)) {
            if (!atOrAbove(finding.severity, floor))
                continue;
            if (waivedFindings.has(finding))
                severe.waived++;
            else if (baseFindings.has(finding))
                severe.base++;
            else
                severe.counted++;
        }
    }
    const baseBelowThreshold = lowest?.score !== undefined &&
        lowest.score < threshold &&
        comparison?.baseScore !== undefined &&
        comparison.baseScore < threshold
        ? `${comparison.baseBranch} scores ${comparison.baseScoreText}, below the threshold too: this predates the pull request`
        : undefined;
    const reasons = [];
    // With failOnSeverity set, an answer of findings alone (Semgrep, Trivy...) is gated on them.
    const nothingToGateOn = lowest === undefined && !floor;
    if (nothingToGateOn) {
        reasons.push(`The SSD scan completed without a score (no metadata.score in any of ${scans.length} scan(s)), so there is nothing to gate on.`);
    }
    else if (lowest?.score !== undefined && lowest.score < threshold) {
        const predating = baseBelowThreshold ? ` (${baseBelowThreshold})` : '';
        reasons.push(`SSD score ${lowest.scoreText}${lowestOf(scored, lowest)} is below the threshold ${threshold}${predating}.`);
    }
    for (const broken of ruleBreaks.slice(0, SUMMARY_RULE_BREAKS)) {
        const predating = broken.onBase && comparison ? ` (${predates(comparison.baseBranch)})` : '';
        reasons.push(`Check ${describeRuleBreak(broken)}${predating}.`);
    }
    if (ruleBreaks.length > SUMMARY_RULE_BREAKS) {
        reasons.push(`${(ruleBreaks.length - SUMMARY_RULE_BREAKS).toLocaleString('en-US')} more check(s) broke their checkThresholds rule (see the report and failedCheckRules).`);
    }
    if (severe.counted > 0) {
        reasons.push(`${severeFindingsLine(severe.counted, scope, floor)} (failOnSeverity).${uncounted(severe, scope)}`);
    }
    const drop = scoreDrop(comparison, policy);
    if (drop)
        reasons.push(drop);
    const passed = reasons.length === 0;
    return {
        passed,
        score: lowest?.score,
        scoreText: lowest?.scoreText ?? '',
        policy,
        failedChecks: [...failed],
        ruleBreaks,
        unmatchedRules,
        severeFindings: severe.counted,
        severeBaseFindings: severe.base,
        severeWaivedFindings: severe.waived,
        scope,
        baseFindings,
        waived,
        waivedFindings,
        waivedChecks,
        baseBelowThreshold,
        scoreDrop: drop,
        nothingToGateOn,
        summary: passed ? passSummary(scored, lowest, policy, scope) + uncounted(severe, scope) : reasons.join(' ')
    };
}
/**
 * Which findings count on this run: on a pull request with a base-branch result, only the new
 * ones (newFindingsOnly); otherwise every one, with the reason in one line.
 */
function findingScope(newFindingsOnly, baseBranch, base) {
    const all = (why) => ({ kind: 'all', why: `${why}: every finding counts.` });
    if (!baseBranch)
        return all('Not a pull request');
    if (!newFindingsOnly)
        return all('newFindingsOnly is off');
    if (base.comparison)
        return { kind: 'new', baseBranch: base.comparison.baseBranch };
    if (!base.unavailable)
        return all('compareWithBase is off, so nothing tells new findings from old');
    return all(`No result of ${baseBranch} to compare with`);
}
/** `2 new findings at or above high`, or without `new` when every finding counts. */
function severeFindingsLine(count, scope, floor) {
    return `${(0,src_text/* plural */.LS)(count, scope.kind === 'new' ? 'new finding' : 'finding')} at or above ${floor}`;
}
/** ` 3 already on main and 1 waived do not count.`: the severe findings the gate leaves out, if any. */
function uncounted(severe, scope) {
    const parts = [
        severe.base > 0 && scope.kind === 'new'
            ? `${severe.base.toLocaleString('en-US')} already on ${scope.baseBranch}`
            : '',
        severe.waived > 0 ? `${severe.waived.toLocaleString('en-US')} waived` : ''
    ].filter(Boolean);
    if (parts.length === 0)
        return '';
    return ` ${parts.join(' and ')} ${severe.base + severe.waived === 1 ? 'does' : 'do'} not count.`;
}
/** The findings of `scans` that the base branch has too: those the comparison did not find new. */
function findingsOnBase(scans, comparison) {
    const isNew = new Set(comparison.newFindings);
    return new Set(scans.flatMap((scan) => scan.findings).filter((finding) => !isNew.has(finding)));
}
/** Whether the base branch's same check (same tool, same name) breaks the same rule. */
function brokenOnBase(scan, check, rule, comparison, policy) {
    const key = checkKey(scan, check);
    return comparison.baseScans.some((base) => base.checks.some((baseCheck) => {
        if (checkKey(base, baseCheck) !== key)
            return false;
        const verdict = policyVerdict(baseCheck, policy);
        return verdict.status === 'failing' && verdict.rule === rule;
    }));
}
/** The maxScoreDrop reason, when the score dropped by more than it allows against the base branch. */
function scoreDrop(comparison, policy) {
    if (!comparison || comparison.scoreDelta === undefined || policy.maxScoreDrop === undefined)
        return undefined;
    const dropped = -comparison.scoreDelta;
    if (dropped <= policy.maxScoreDrop)
        return undefined;
    return `The SSD score dropped by ${dropped} from ${comparison.baseBranch}'s ${comparison.baseScoreText}, more than maxScoreDrop ${policy.maxScoreDrop} allows.`;
}
function passSummary(scored, lowest, policy, scope) {
    const none = `No ${scope.kind === 'new' ? 'new ' : ''}finding at or above severity ${policy.failOnSeverity}`;
    if (lowest === undefined)
        return `${none}; no score to gate on.`;
    const findings = policy.failOnSeverity ? ` ${none}.` : '';
    return `SSD score ${lowest.scoreText}${lowestOf(scored, lowest)} meets the threshold ${policy.threshold}.${findings}`;
}
function lowestOf(scored, lowest) {
    return scored.length > 1 ? ` (lowest of ${scored.length} scans: ${scanName(lowest)})` : '';
}

;// CONCATENATED MODULE: ./src/duration.ts
/** Durations as the log and messages show them: `10s`, `0.5s`. */
function formatSeconds(ms) {
    const seconds = ms / 1000;
    return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`;
}

;// CONCATENATED MODULE: ./src/log.ts
/**
 * The action's log. Scan data can come from the code under review, so a log line must not
 * carry a secret or be read by the runner as a workflow command.
 */


/** Annotations written so far at each level: GitHub keeps only the first few of each per step. */
const written = { error: 0, warning: 0, notice: 0 };
function annotationsWritten() {
    return { ...written };
}
/**
 * `::` after the whitespace the runner skips: .NET's, which has U+0085 (next line), as
 * JavaScript's `\s` has not.
 */
const LEADING_COMMAND = /^([\s\u0085]*)::/;
/**
 * One line, no secret, no workflow command. The runner reads `::name::` only at the start
 * of a line (after spaces), so only a `::` there is broken up: an IPv6 host such as
 * `[::1]` stays as it is. Its legacy form `##[name]` is read anywhere in a line.
 */
function logSafe(text) {
    // An exit: the guarantee for the log (see secrets.ts).
    return redact(text)
        .replace(/[\r\n]+/g, ' ')
        .replace(LEADING_COMMAND, '$1: :')
        .replace(/##\[/g, '## [');
}
function info(message) {
    core.info(logSafe(message));
}
/**
 * Annotations are commands already (`::warning::` then the text, its line breaks escaped
 * by the toolkit): the runner has parsed the command before it reaches the text, so
 * nothing in the text can start another one.
 */
function annotation(text) {
    // An exit: the guarantee for annotations and the failure message (see secrets.ts).
    return redact(text);
}
function warning(message) {
    written.warning++;
    core.warning(annotation(message));
}
function notice(message) {
    written.notice++;
    core.notice(annotation(message));
}
function fail(message) {
    written.error++;
    core.setFailed(annotation(message));
}
/**
 * An annotation at a file and line. The toolkit escapes the properties (`%`, `\r`, `\n`,
 * `:`, `,`) and the message as the runner requires; each is redacted first, like every
 * annotation.
 */
function annotate({ level, title, message, file, line }) {
    written[level]++;
    const properties = {
        title: annotation(title),
        ...(file !== undefined ? { file: annotation(file) } : {}),
        ...(line !== undefined ? { startLine: line } : {})
    };
    core[level](annotation(message), properties);
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/poll.ts
/**
 * Waiting on SSD within one overall timeout. `Poll` is the clock every wait of a run
 * shares: requests bounded by the time left, the poll interval after an answer, backoff
 * with jitter after a fault, and Retry-After honoured. `pollScans` waits on a scan
 * target's results until every scan in them is completed; a failed scan ends at once.
 */




/** Longest a single request may take, however much of the overall timeout is left. */
const REQUEST_TIMEOUT_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;
/** No wait is shorter, whatever the interval or Retry-After says: never a hot loop. */
const MIN_WAIT_MS = 100;
const MAX_UNKNOWN_STATUSES = 5;
class Poll {
    signal;
    log;
    warn;
    notice;
    /** Faults since the last answer; sets the backoff. */
    failuresInARow = 0;
    /** The last fault or 404, for the timeout message; '' after an answer. */
    lastProblem = '';
    /** Status words the action does not know, seen this run (by lower case): logged once, named again at the timeout. */
    #unknownStatuses = new Map();
    /** What `once` has said this run. */
    #said = new Set();
    #options;
    #now;
    #started;
    constructor(options) {
        this.#options = options;
        this.signal = options.signal;
        this.log = options.log;
        this.warn = options.warn;
        this.notice = options.notice;
        this.#now = options.now ?? Date.now;
        this.#started = this.#now();
    }
    /** Says `line` through `say` the first time `key` comes up in this run; after that, nothing. */
    once(key, say, line) {
        if (this.#said.has(key))
            return;
        this.#said.add(key);
        say(line);
    }
    /** A status SSD gave: a word the action does not know is said once, and kept for the timeout message. */
    noteStatus(status) {
        const word = unknownStatus(status);
        const key = word.toLowerCase();
        // A few words are news; an answer making up a new one at every poll is not let flood the log.
        if (!word || this.#unknownStatuses.has(key) || this.#unknownStatuses.size >= MAX_UNKNOWN_STATUSES)
            return;
        this.#unknownStatuses.set(key, word);
        this.log(`SSD status '${word}' is not one the action knows; waiting as for a running scan`);
    }
    /** For a timeout message: the unknown status words seen, or ''. */
    unknownStatusNote() {
        if (this.#unknownStatuses.size === 0)
            return '';
        const words = [...this.#unknownStatuses.values()].map((word) => `'${word}'`).join(', ');
        return `SSD gave status ${words}, which the action does not know; it waited as for a running scan.`;
    }
    /** Milliseconds left before the overall timeout. */
    left() {
        return this.#options.timeoutMs - (this.#now() - this.#started);
    }
    /** Time since the run started waiting, e.g. `12.5s`. */
    elapsed() {
        return formatSeconds(this.#now() - this.#started);
    }
    /** Options for the next request: bounded by REQUEST_TIMEOUT_MS and by the time left. */
    request() {
        return { signal: this.signal, timeoutMs: Math.max(1, Math.min(REQUEST_TIMEOUT_MS, this.left())) };
    }
    /**
     * Counts `reply` and waits before the next request: the poll interval after an answer or
     * a 404, backoff or Retry-After after a fault. False when no time is left for another.
     */
    async pause(reply, what = 'SSD request') {
        let waitMs = this.#options.pollIntervalMs;
        if (reply.kind === 'retry') {
            this.failuresInARow++;
            this.lastProblem = reply.reason;
            if (reply.retryAfterMs !== undefined && reply.retryAfterMs > this.left()) {
                this.lastProblem = `${reply.reason}; SSD asked to retry after ${formatSeconds(reply.retryAfterMs)}, beyond the time left`;
                return false;
            }
            waitMs = reply.retryAfterMs ?? this.#backoff();
            this.log(`${what} failed (${reply.reason}); retry ${this.failuresInARow} in ${formatSeconds(waitMs)} (${this.elapsed()} elapsed)`);
        }
        else if (reply.kind === 'notFound') {
            this.lastProblem = reply.reason;
        }
        else {
            this.failuresInARow = 0;
            this.lastProblem = '';
        }
        const left = this.left();
        if (left <= 0)
            return false;
        await this.#wait(Math.min(Math.max(waitMs, MIN_WAIT_MS), left));
        return this.left() > 0;
    }
    /** Exponential from min(1 s, interval), capped, with jitter so many runners spread out. */
    #backoff() {
        const base = Math.min(1000, this.#options.pollIntervalMs);
        const ceiling = Math.min(MAX_BACKOFF_MS, base * 2 ** (this.failuresInARow - 1));
        return Math.round(ceiling * (0.5 + (this.#options.random ?? Math.random)() / 2));
    }
    async #wait(ms) {
        try {
            await (this.#options.sleep ?? ((delay, signal) => (0,promises_namespaceObject.setTimeout)(delay, undefined, { signal })))(ms, this.signal);
        }
        catch {
            throw (0,errors/* cancelled */.KW)('waiting for the SSD scan');
        }
    }
}
/**
 * Asks for `scanId`'s results until every scan in them is completed, within the poll's time.
 * `pausedWayOut` is what the timeout message advises when SSD paused a scan.
 */
async function pollScans(client, scanId, poll, pausedWayOut = PAUSED_WAY_OUT) {
    let lastScans = [];
    // A wrong id and "not there yet" look the same, so 404s are counted for the timeout message.
    let notFound = 0;
    for (let polls = 1;; polls++) {
        const reply = await client.scanResults(scanId, poll.request());
        if (reply.kind === 'unusable')
            throw new errors/* GateError */.ue('Error', reply.reason);
        if (reply.kind === 'answer') {
            const { scans } = reply.answer;
            lastScans = scans;
            for (const scan of scans)
                poll.noteStatus(scan.status);
            const failed = scans.find((scan) => scanState(scan) === 'failed');
            if (failed) {
                throw new errors/* GateError */.ue('Failed', `SSD scan ${scanName(failed)} failed (status ${failed.status || 'unknown'}): ${failed.error || 'no error text given'}`);
            }
            if (scans.length > 0 && scans.every((scan) => scanState(scan) === 'completed')) {
                poll.log(`SSD scan completed after ${poll.elapsed()}: ${describeStates(scans)}`);
                return { results: reply.answer, waited: polls > 1 };
            }
            poll.log(scans.some((scan) => scanState(scan) === 'paused')
                ? `Waiting for the SSD scan (${poll.elapsed()}): SSD paused it (${describeStates(scans)}); it goes on once resumed in SSD`
                : `Waiting for the SSD scan (${poll.elapsed()}): ${describeStates(scans)}`);
        }
        else if (reply.kind === 'notFound') {
            notFound++;
            poll.log(`Waiting for the SSD scan (${poll.elapsed()}): ${reply.reason}: the project or scan may not exist yet`);
        }
        if (!(await poll.pause(reply)))
            throw scansTimedOut(lastScans, notFound, poll, pausedWayOut);
    }
}
/** `openssf: scanning, semgrep: completed`, or a note that SSD has nothing yet. */
function describeStates(scans) {
    if (scans.length === 0)
        return 'SSD has no scan results yet';
    return scans.map((scan) => `${scanName(scan)}: ${scan.status || 'unknown'}`).join(', ');
}
/** What to do about a scan SSD paused: it does not go on by itself. */
const PAUSED_WAY_OUT = `SSD paused the scan: resume it in SSD, or set 'rescan: true' to ask SSD to scan again.`;
function scansTimedOut(lastScans, notFound, poll, pausedWayOut) {
    const parts = [`Timed out after ${poll.elapsed()} waiting for the SSD scan to complete.`];
    parts.push(`Last known state: ${describeStates(lastScans)}.`);
    if (lastScans.some((scan) => scanState(scan) === 'paused'))
        parts.push(pausedWayOut);
    const unknown = poll.unknownStatusNote();
    if (unknown)
        parts.push(unknown);
    if (poll.lastProblem)
        parts.push(`Last problem: ${poll.lastProblem}.`);
    if (notFound > 0) {
        parts.push(`SSD answered 404 Not Found ${notFound} time(s): check 'projectId', 'scanId' and 'scanType', and that the scan was started.`);
    }
    parts.push(`Raise the 'timeout' input if the scan needs longer.`);
    return new errors/* GateError */.ue('TimedOut', parts.join(' '));
}

;// CONCATENATED MODULE: ./src/annotations.ts



/** GitHub keeps at most this many annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10;
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'notice',
    info: 'notice'
};
/** A severity the action does not know is neither an error nor nothing: a warning. */
function levelOf(finding) {
    return finding.severity ? LEVEL[finding.severity] : 'warning';
}
/**
 * The findings that gate (not waived, and on a pull request not already on the base branch),
 * most severe first, as many at each level as `room` leaves; `left`: how many did not fit.
 */
function pickAnnotations(scans, decision, room) {
    const gating = scans
        .flatMap((scan) => scan.findings.map((finding) => ({ scan, finding })))
        .filter(({ finding }) => !decision.waivedFindings.has(finding) && !decision.baseFindings.has(finding))
        .sort((a, b) => severityRank(a.finding) - severityRank(b.finding));
    const free = { ...room };
    const annotations = [];
    for (const { scan, finding } of gating) {
        const level = levelOf(finding);
        if (free[level] <= 0)
            continue;
        free[level]--;
        annotations.push(annotationOf(scan, finding, level));
    }
    return { annotations, left: gating.length - annotations.length };
}
function annotationOf(scan, finding, level) {
    const file = repositoryPath(finding);
    const { line } = finding;
    const title = (0,src_text/* cutText */.IN)(`${scanName(scan)}: ${finding.rule || finding.severityText}`, 200);
    return {
        level,
        title,
        message: (0,src_text/* cutText */.IN)(finding.message || finding.rule || 'finding', 2000),
        ...(file !== undefined ? { file } : {}),
        ...(file !== undefined && line !== undefined && Number.isInteger(line) && line >= 1 ? { line } : {})
    };
}
/**
 * Writes the annotations that still fit beside the action's own lines: those written so far,
 * and the one that ends the step (`last`: an error when it fails, a warning under warnOnly).
 * `whereAll` says where every finding can be read, for the line on those left out.
 */
function writeFindingAnnotations(scans, decision, last, whereAll) {
    const written = annotationsWritten();
    const room = (level) => Math.max(0, ANNOTATIONS_PER_LEVEL - written[level] - (last === level ? 1 : 0));
    const { annotations, left } = pickAnnotations(scans, decision, {
        error: room('error'),
        warning: room('warning'),
        notice: room('notice')
    });
    for (const annotation of annotations)
        annotate(annotation);
    if (left > 0) {
        info(`${(0,src_text/* plural */.LS)(left, 'more finding')} ${left === 1 ? 'is' : 'are'} not annotated: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each level per step. Every finding is in ${whereAll}.`);
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var lib_proxy = __nccwpck_require__(9783);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __nccwpck_require__(4573);
;// CONCATENATED MODULE: ./node_modules/data-uri-to-buffer/dist/index.js
/**
 * Returns a `Buffer` instance from the given data URI `uri`.
 *
 * @param {String} uri Data URI to turn into a Buffer instance
 * @returns {Buffer} Buffer instance from Data URI
 * @api public
 */
function dataUriToBuffer(uri) {
    if (!/^data:/i.test(uri)) {
        throw new TypeError('`uri` does not appear to be a Data URI (must begin with "data:")');
    }
    // strip newlines
    uri = uri.replace(/\r?\n/g, '');
    // split the URI up into the "metadata" and the "data" portions
    const firstComma = uri.indexOf(',');
    if (firstComma === -1 || firstComma <= 4) {
        throw new TypeError('malformed data: URI');
    }
    // remove the "data:" scheme and parse the metadata
    const meta = uri.substring(5, firstComma).split(';');
    let charset = '';
    let base64 = false;
    const type = meta[0] || 'text/plain';
    let typeFull = type;
    for (let i = 1; i < meta.length; i++) {
        if (meta[i] === 'base64') {
            base64 = true;
        }
        else if (meta[i]) {
            typeFull += `;${meta[i]}`;
            if (meta[i].indexOf('charset=') === 0) {
                charset = meta[i].substring(8);
            }
        }
    }
    // defaults to US-ASCII only if type is not provided
    if (!meta[0] && !charset.length) {
        typeFull += ';charset=US-ASCII';
        charset = 'US-ASCII';
    }
    // get the encoded data portion and decode URI-encoded chars
    const encoding = base64 ? 'base64' : 'ascii';
    const data = unescape(uri.substring(firstComma + 1));
    const buffer = Buffer.from(data, encoding);
    // set `.type` and `.typeFull` properties to MIME type
    buffer.type = type;
    buffer.typeFull = typeFull;
    // set the `.charset` property
    buffer.charset = charset;
    return buffer;
}
/* harmony default export */ const dist = (dataUriToBuffer);
//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./node_modules/fetch-blob/index.js
var fetch_blob = __nccwpck_require__(6327);
// EXTERNAL MODULE: ./node_modules/formdata-polyfill/esm.min.js
var esm_min = __nccwpck_require__(3018);
;// CONCATENATED MODULE: ./node_modules/node-fetch/src/errors/base.js
class FetchBaseError extends Error {
	constructor(message, type) {
		super(message);
		// Hide custom error implementation details from end-users
		Error.captureStackTrace(this, this.constructor);

		this.type = type;
	}

	get name() {
		return this.constructor.name;
	}

	get [Symbol.toStringTag]() {
		return this.constructor.name;
	}
}

;// CONCATENATED MODULE: ./node_modules/node-fetch/src/errors/fetch-error.js



/**
 * @typedef {{ address?: string, code: string, dest?: string, errno: number, info?: object, message: string, path?: string, port?: number, syscall: string}} SystemError
*/

/**
 * FetchError interface for operational errors
 */
class FetchError extends FetchBaseError {
	/**
	 * @param  {string} message -      Error message for human
	 * @param  {string} [type] -        Error type for machine
	 * @param  {SystemError} [systemError] - For Node.js system error
	 */
	constructor(message, type, systemError) {
		super(message, type);
		// When err.type is `system`, err.erroredSysCall contains system error and err.code contains system error code
		if (systemError) {
			// eslint-disable-next-line no-multi-assign
			this.code = this.errno = systemError.code;
			this.erroredSysCall = systemError.syscall;
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/node-fetch/src/utils/is.js
/**
 * Is.js
 *
 * Object type checks.
 */

const NAME = Symbol.toStringTag;

/**
 * Check if `obj` is a URLSearchParams object
 * ref: https://github.com/node-fetch/node-fetch/issues/296#issuecomment-307598143
 * @param {*} object - Object to check for
 * @return {boolean}
 */
const isURLSearchParameters = object => {
	return (
		typeof object === 'object' &&
		typeof object.append === 'function' &&
		typeof object.delete === 'function' &&
		typeof object.get === 'function' &&
		typeof object.getAll === 'function' &&
		typeof object.has === 'function' &&
		typeof object.set === 'function' &&
		typeof object.sort === 'function' &&
		object[NAME] === 'URLSearchParams'
	);
};

/**
 * Check if `object` is a W3C `Blob` object (which `File` inherits from)
 * @param {*} object - Object to check for
 * @return {boolean}
 */
const isBlob = object => {
	return (
		object &&
		typeof object === 'object' &&
		typeof object.arrayBuffer === 'function' &&
		typeof object.type === 'string' &&
		typeof object.stream === 'function' &&
		typeof object.constructor === 'function' &&
		/^(Blob|File)$/.test(object[NAME])
	);
};

/**
 * Check if `obj` is an instance of AbortSignal.
 * @param {*} object - Object to check for
 * @return {boolean}
 */
const isAbortSignal = object => {
	return (
		typeof object === 'object' && (
			object[NAME] === 'AbortSignal' ||
			object[NAME] === 'EventTarget'
		)
	);
};

/**
 * isDomainOrSubdomain reports whether sub is a subdomain (or exact match) of
 * the parent domain.
 *
 * Both domains must already be in canonical form.
 * @param {string|URL} original
 * @param {string|URL} destination
 */
const isDomainOrSubdomain = (destination, original) => {
	const orig = new URL(original).hostname;
	const dest = new URL(destination).hostname;

	return orig === dest || orig.endsWith(`.${dest}`);
};

/**
 * isSameProtocol reports whether the two provided URLs use the same protocol.
 *
 * Both domains must already be in canonical form.
 * @param {string|URL} original
 * @param {string|URL} destination
 */
const isSameProtocol = (destination, original) => {
	const orig = new URL(original).protocol;
	const dest = new URL(destination).protocol;

	return orig === dest;
};

;// CONCATENATED MODULE: ./node_modules/node-fetch/src/body.js

/**
 * Body.js
 *
 * Body interface provides common methods for Request and Response
 */












const pipeline = (0,external_node_util_.promisify)(external_node_stream_.pipeline);
const INTERNALS = Symbol('Body internals');

/**
 * Body mixin
 *
 * Ref: https://fetch.spec.whatwg.org/#body
 *
 * @param   Stream  body  Readable stream
 * @param   Object  opts  Response options
 * @return  Void
 */
class Body {
	constructor(body, {
		size = 0
	} = {}) {
		let boundary = null;

		if (body === null) {
			// Body is undefined or null
			body = null;
		} else if (isURLSearchParameters(body)) {
			// Body is a URLSearchParams
			body = external_node_buffer_.Buffer.from(body.toString());
		} else if (isBlob(body)) {
			// Body is blob
		} else if (external_node_buffer_.Buffer.isBuffer(body)) {
			// Body is Buffer
		} else if (external_node_util_.types.isAnyArrayBuffer(body)) {
			// Body is ArrayBuffer
			body = external_node_buffer_.Buffer.from(body);
		} else if (ArrayBuffer.isView(body)) {
			// Body is ArrayBufferView
			body = external_node_buffer_.Buffer.from(body.buffer, body.byteOffset, body.byteLength);
		} else if (body instanceof external_node_stream_) {
			// Body is stream
		} else if (body instanceof esm_min/* FormData */.fS) {
			// Body is FormData
			body = (0,esm_min/* formDataToBlob */.$n)(body);
			boundary = body.type.split('=')[1];
		} else {
			// None of the above
			// coerce to string then buffer
			body = external_node_buffer_.Buffer.from(String(body));
		}

		let stream = body;

		if (external_node_buffer_.Buffer.isBuffer(body)) {
			stream = external_node_stream_.Readable.from(body);
		} else if (isBlob(body)) {
			stream = external_node_stream_.Readable.from(body.stream());
		}

		this[INTERNALS] = {
			body,
			stream,
			boundary,
			disturbed: false,
			error: null
		};
		this.size = size;

		if (body instanceof external_node_stream_) {
			body.on('error', error_ => {
				const error = error_ instanceof FetchBaseError ?
					error_ :
					new FetchError(`Invalid response body while trying to fetch ${this.url}: ${error_.message}`, 'system', error_);
				this[INTERNALS].error = error;
			});
		}
	}

	get body() {
		return this[INTERNALS].stream;
	}

	get bodyUsed() {
		return this[INTERNALS].disturbed;
	}

	/**
	 * Decode response as ArrayBuffer
	 *
	 * @return  Promise
	 */
	async arrayBuffer() {
		const {buffer, byteOffset, byteLength} = await consumeBody(this);
		return buffer.slice(byteOffset, byteOffset + byteLength);
	}

	async formData() {
		const ct = this.headers.get('content-type');

		if (ct.startsWith('application/x-www-form-urlencoded')) {
			const formData = new esm_min/* FormData */.fS();
			const parameters = new URLSearchParams(await this.text());

			for (const [name, value] of parameters) {
				formData.append(name, value);
			}

			return formData;
		}

		const {toFormData} = await __nccwpck_require__.e(/* import() */ 101).then(__nccwpck_require__.bind(__nccwpck_require__, 9101));
		return toFormData(this.body, ct);
	}

	/**
	 * Return raw response as Blob
	 *
	 * @return Promise
	 */
	async blob() {
		const ct = (this.headers && this.headers.get('content-type')) || (this[INTERNALS].body && this[INTERNALS].body.type) || '';
		const buf = await this.arrayBuffer();

		return new fetch_blob/* default */.A([buf], {
			type: ct
		});
	}

	/**
	 * Decode response as json
	 *
	 * @return  Promise
	 */
	async json() {
		const text = await this.text();
		return JSON.parse(text);
	}

	/**
	 * Decode response as text
	 *
	 * @return  Promise
	 */
	async text() {
		const buffer = await consumeBody(this);
		return new TextDecoder().decode(buffer);
	}

	/**
	 * Decode response as buffer (non-spec api)
	 *
	 * @return  Promise
	 */
	buffer() {
		return consumeBody(this);
	}
}

Body.prototype.buffer = (0,external_node_util_.deprecate)(Body.prototype.buffer, 'Please use \'response.arrayBuffer()\' instead of \'response.buffer()\'', 'node-fetch#buffer');

// In browsers, all properties are enumerable.
Object.defineProperties(Body.prototype, {
	body: {enumerable: true},
	bodyUsed: {enumerable: true},
	arrayBuffer: {enumerable: true},
	blob: {enumerable: true},
	json: {enumerable: true},
	text: {enumerable: true},
	data: {get: (0,external_node_util_.deprecate)(() => {},
		'data doesn\'t exist, use json(), text(), arrayBuffer(), or body instead',
		'https://github.com/node-fetch/node-fetch/issues/1000 (response)')}
});

/**
 * Consume and convert an entire Body to a Buffer.
 *
 * Ref: https://fetch.spec.whatwg.org/#concept-body-consume-body
 *
 * @return Promise
 */
async function consumeBody(data) {
	if (data[INTERNALS].disturbed) {
		throw new TypeError(`body used already for: ${data.url}`);
	}

	data[INTERNALS].disturbed = true;

	if (data[INTERNALS].error) {
		throw data[INTERNALS].error;
	}

	const {body} = data;

	// Body is null
	if (body === null) {
		return external_node_buffer_.Buffer.alloc(0);
	}

	/* c8 ignore next 3 */
	if (!(body instanceof external_node_stream_)) {
		return external_node_buffer_.Buffer.alloc(0);
	}

	// Body is stream
	// get ready to actually consume the body
	const accum = [];
	let accumBytes = 0;

	try {
		for await (const chunk of body) {
			if (data.size > 0 && accumBytes + chunk.length > data.size) {
				const error = new FetchError(`content size at ${data.url} over limit: ${data.size}`, 'max-size');
				body.destroy(error);
				throw error;
			}

			accumBytes += chunk.length;
			accum.push(chunk);
		}
	} catch (error) {
		const error_ = error instanceof FetchBaseError ? error : new FetchError(`Invalid response body while trying to fetch ${data.url}: ${error.message}`, 'system', error);
		throw error_;
	}

	if (body.readableEnded === true || body._readableState.ended === true) {
		try {
			if (accum.every(c => typeof c === 'string')) {
				return external_node_buffer_.Buffer.from(accum.join(''));
			}

			return external_node_buffer_.Buffer.concat(accum, accumBytes);
		} catch (error) {
			throw new FetchError(`Could not create Buffer from response body for ${data.url}: ${error.message}`, 'system', error);
		}
	} else {
		throw new FetchError(`Premature close of server response while trying to fetch ${data.url}`);
	}
}

/**
 * Clone body given Res/Req instance
 *
 * @param   Mixed   instance       Response or Request instance
 * @param   String  highWaterMark  highWaterMark for both PassThrough body streams
 * @return  Mixed
 */
const clone = (instance, highWaterMark) => {
	let p1;
	let p2;
	let {body} = instance[INTERNALS];

	// Don't allow cloning a used body
	if (instance.bodyUsed) {
		throw new Error('cannot clone body after it is used');
	}

	// Check that body is a stream and not form-data object
	// note: we can't clone the form-data object without having it as a dependency
	if ((body instanceof external_node_stream_) && (typeof body.getBoundary !== 'function')) {
		// Tee instance body
		p1 = new external_node_stream_.PassThrough({highWaterMark});
		p2 = new external_node_stream_.PassThrough({highWaterMark});
		body.pipe(p1);
		body.pipe(p2);
		// Set instance body to teed body and return the other teed body
		instance[INTERNALS].stream = p1;
		body = p2;
	}

	return body;
};

const getNonSpecFormDataBoundary = (0,external_node_util_.deprecate)(
	body => body.getBoundary(),
	'form-data doesn\'t follow the spec and requires special treatment. Use alternative package',
	'https://github.com/node-fetch/node-fetch/issues/1167'
);

/**
 * Performs the operation "extract a `Content-Type` value from |object|" as
 * specified in the specification:
 * https://fetch.spec.whatwg.org/#concept-bodyinit-extract
 *
 * This function assumes that instance.body is present.
 *
 * @param {any} body Any options.body input
 * @returns {string | null}
 */
const extractContentType = (body, request) => {
	// Body is null or undefined
	if (body === null) {
		return null;
	}

	// Body is string
	if (typeof body === 'string') {
		return 'text/plain;charset=UTF-8';
	}

	// Body is a URLSearchParams
	if (isURLSearchParameters(body)) {
		return 'application/x-www-form-urlencoded;charset=UTF-8';
	}

	// Body is blob
	if (isBlob(body)) {
		return body.type || null;
	}

	// Body is a Buffer (Buffer, ArrayBuffer or ArrayBufferView)
	if (external_node_buffer_.Buffer.isBuffer(body) || external_node_util_.types.isAnyArrayBuffer(body) || ArrayBuffer.isView(body)) {
		return null;
	}

	if (body instanceof esm_min/* FormData */.fS) {
		return `multipart/form-data; boundary=${request[INTERNALS].boundary}`;
	}

	// Detect form data input from form-data module
	if (body && typeof body.getBoundary === 'function') {
		return `multipart/form-data;boundary=${getNonSpecFormDataBoundary(body)}`;
	}

	// Body is stream - can't really do much about this
	if (body instanceof external_node_stream_) {
		return null;
	}

	// Body constructor defaults other things to string
	return 'text/plain;charset=UTF-8';
};

/**
 * The Fetch Standard treats this as if "total bytes" is a property on the body.
 * For us, we have to explicitly get it with a function.
 *
 * ref: https://fetch.spec.whatwg.org/#concept-body-total-bytes
 *
 * @param {any} obj.body Body object from the Body instance.
 * @returns {number | null}
 */
const getTotalBytes = request => {
	const {body} = request[INTERNALS];

	// Body is null or undefined
	if (body === null) {
		return 0;
	}

	// Body is Blob
	if (isBlob(body)) {
		return body.size;
	}

	// Body is Buffer
	if (external_node_buffer_.Buffer.isBuffer(body)) {
		return body.length;
	}

	// Detect form data input from form-data module
	if (body && typeof body.getLengthSync === 'function') {
		return body.hasKnownLength && body.hasKnownLength() ? body.getLengthSync() : null;
	}

	// Body is stream
	return null;
};

/**
 * Write a Body to a Node.js WritableStream (e.g. http.Request) object.
 *
 * @param {Stream.Writable} dest The stream to write to.
 * @param obj.body Body object from the Body instance.
 * @returns {Promise<void>}
 */
const writeToStream = async (dest, {body}) => {
	if (body === null) {
		// Body is null
		dest.end();
	} else {
		// Body is stream
		await pipeline(body, dest);
	}
};

;// CONCATENATED MODULE: ./node_modules/node-fetch/src/headers.js
/**
 * Headers.js
 *
 * Headers class offers convenient helpers
 */




/* c8 ignore next 9 */
const validateHeaderName = typeof external_node_http_.validateHeaderName === 'function' ?
	external_node_http_.validateHeaderName :
	name => {
		if (!/^[\^`\-\w!#$%&'*+.|~]+$/.test(name)) {
			const error = new TypeError(`Header name must be a valid HTTP token [${name}]`);
			Object.defineProperty(error, 'code', {value: 'ERR_INVALID_HTTP_TOKEN'});
			throw error;
		}
	};

/* c8 ignore next 9 */
const validateHeaderValue = typeof external_node_http_.validateHeaderValue === 'function' ?
	external_node_http_.validateHeaderValue :
	(name, value) => {
		if (/[^\t\u0020-\u007E\u0080-\u00FF]/.test(value)) {
			const error = new TypeError(`Invalid character in header content ["${name}"]`);
			Object.defineProperty(error, 'code', {value: 'ERR_INVALID_CHAR'});
			throw error;
		}
	};

/**
 * @typedef {Headers | Record<string, string> | Iterable<readonly [string, string]> | Iterable<Iterable<string>>} HeadersInit
 */

/**
 * This Fetch API interface allows you to perform various actions on HTTP request and response headers.
 * These actions include retrieving, setting, adding to, and removing.
 * A Headers object has an associated header list, which is initially empty and consists of zero or more name and value pairs.
 * You can add to this using methods like append() (see Examples.)
 * In all methods of this interface, header names are matched by case-insensitive byte sequence.
 *
 */
class Headers extends URLSearchParams {
	/**
	 * Headers class
	 *
	 * @constructor
	 * @param {HeadersInit} [init] - Response headers
	 */
	constructor(init) {
		// Validate and normalize init object in [name, value(s)][]
		/** @type {string[][]} */
		let result = [];
		if (init instanceof Headers) {
			const raw = init.raw();
			for (const [name, values] of Object.entries(raw)) {
				result.push(...values.map(value => [name, value]));
			}
		} else if (init == null) { // eslint-disable-line no-eq-null, eqeqeq
			// No op
		} else if (typeof init === 'object' && !external_node_util_.types.isBoxedPrimitive(init)) {
			const method = init[Symbol.iterator];
			// eslint-disable-next-line no-eq-null, eqeqeq
			if (method == null) {
				// Record<ByteString, ByteString>
				result.push(...Object.entries(init));
			} else {
				if (typeof method !== 'function') {
					throw new TypeError('Header pairs must be iterable');
				}

				// Sequence<sequence<ByteString>>
				// Note: per spec we have to first exhaust the lists then process them
				result = [...init]
					.map(pair => {
						if (
							typeof pair !== 'object' || external_node_util_.types.isBoxedPrimitive(pair)
						) {
							throw new TypeError('Each header pair must be an iterable object');
						}

						return [...pair];
					}).map(pair => {
						if (pair.length !== 2) {
							throw new TypeError('Each header pair must be a name/value tuple');
						}

						return [...pair];
					});
			}
		} else {
			throw new TypeError('Failed to construct \'Headers\': The provided value is not of type \'(sequence<sequence<ByteString>> or record<ByteString, ByteString>)');
		}

		// Validate and lowercase
		result =
			result.length > 0 ?
				result.map(([name, value]) => {
					validateHeaderName(name);
					validateHeaderValue(name, String(value));
					return [String(name).toLowerCase(), String(value)];
				}) :
				undefined;

		super(result);

		// Returning a Proxy that will lowercase key names, validate parameters and sort keys
		// eslint-disable-next-line no-constructor-return
		return new Proxy(this, {
			get(target, p, receiver) {
				switch (p) {
					case 'append':
					case 'set':
						return (name, value) => {
							validateHeaderName(name);
							validateHeaderValue(name, String(value));
							return URLSearchParams.prototype[p].call(
								target,
								String(name).toLowerCase(),
								String(value)
							);
						};

					case 'delete':
					case 'has':
					case 'getAll':
						return name => {
							validateHeaderName(name);
							return URLSearchParams.prototype[p].call(
								target,
								String(name).toLowerCase()
							);
						};

					case 'keys':
						return () => {
							target.sort();
							return new Set(URLSearchParams.prototype.keys.call(target)).keys();
						};

					default:
						return Reflect.get(target, p, receiver);
				}
			}
		});
		/* c8 ignore next */
	}

	get [Symbol.toStringTag]() {
		return this.constructor.name;
	}

	toString() {
		return Object.prototype.toString.call(this);
	}

	get(name) {
		const values = this.getAll(name);
		if (values.length === 0) {
			return null;
		}

		let value = values.join(', ');
		if (/^content-encoding$/i.test(name)) {
			value = value.toLowerCase();
		}

		return value;
	}

	forEach(callback, thisArg = undefined) {
		for (const name of this.keys()) {
			Reflect.apply(callback, thisArg, [this.get(name), name, this]);
		}
	}

	* values() {
		for (const name of this.keys()) {
			yield this.get(name);
		}
	}

	/**
	 * @type {() => IterableIterator<[string, string]>}
	 */
	* entries() {
		for (const name of this.keys()) {
			yield [name, this.get(name)];
		}
	}

	[Symbol.iterator]() {
		return this.entries();
	}

	/**
	 * Node-fetch non-spec method
	 * returning all headers and their values as array
	 * @returns {Record<string, string[]>}
	 */
	raw() {
		return [...this.keys()].reduce((result, key) => {
			result[key] = this.getAll(key);
			return result;
		}, {});
	}

	/**
	 * For better console.log(headers) and also to convert Headers into Node.js Request compatible format
	 */
	[Symbol.for('nodejs.util.inspect.custom')]() {
		return [...this.keys()].reduce((result, key) => {
			const values = this.getAll(key);
			// Http.request() only supports string as Host header.
			// This hack makes specifying custom Host header possible.
			if (key === 'host') {
				result[key] = values[0];
			} else {
				result[key] = values.length > 1 ? values : values[0];
			}

			return result;
		}, {});
	}
}

/**
 * Re-shaping object for Web IDL tests
 * Only need to do it for overridden methods
 */
Object.defineProperties(
	Headers.prototype,
	['get', 'entries', 'forEach', 'values'].reduce((result, property) => {
		result[property] = {enumerable: true};
		return result;
	}, {})
);

/**
 * Create a Headers object from an http.IncomingMessage.rawHeaders, ignoring those that do
 * not conform to HTTP grammar productions.
 * @param {import('http').IncomingMessage['rawHeaders']} headers
 */
function fromRawHeaders(headers = []) {
	return new Headers(
		headers
			// Split into pairs
			.reduce((result, value, index, array) => {
				if (index % 2 === 0) {
					result.push(array.slice(index, index + 2));
				}

				return result;
			}, [])
			.filter(([name, value]) => {
				try {
					validateHeaderName(name);
					validateHeaderValue(name, String(value));
					return true;
				} catch {
					return false;
				}
			})

	);
}

;// CONCATENATED MODULE: ./node_modules/node-fetch/src/utils/is-redirect.js
const redirectStatus = new Set([301, 302, 303, 307, 308]);

/**
 * Redirect code matching
 *
 * @param {number} code - Status code
 * @return {boolean}
 */
const isRedirect = code => {
	return redirectStatus.has(code);
};

;// CONCATENATED MODULE: ./node_modules/node-fetch/src/response.js
/**
 * Response.js
 *
 * Response class provides content decoding
 */





const response_INTERNALS = Symbol('Response internals');

/**
 * Response class
 *
 * Ref: https://fetch.spec.whatwg.org/#response-class
 *
 * @param   Stream  body  Readable stream
 * @param   Object  opts  Response options
 * @return  Void
 */
class Response extends Body {
	constructor(body = null, options = {}) {
		super(body, options);

		// eslint-disable-next-line no-eq-null, eqeqeq, no-negated-condition
		const status = options.status != null ? options.status : 200;

		const headers = new Headers(options.headers);

		if (body !== null && !headers.has('Content-Type')) {
			const contentType = extractContentType(body, this);
			if (contentType) {
				headers.append('Content-Type', contentType);
			}
		}

		this[response_INTERNALS] = {
			type: 'default',
			url: options.url,
			status,
			statusText: options.statusText || '',
			headers,
			counter: options.counter,
			highWaterMark: options.highWaterMark
		};
	}

	get type() {
		return this[response_INTERNALS].type;
	}

	get url() {
		return this[response_INTERNALS].url || '';
	}

	get status() {
		return this[response_INTERNALS].status;
	}

	/**
	 * Convenience property representing if the request ended normally
	 */
	get ok() {
		return this[response_INTERNALS].status >= 200 && this[response_INTERNALS].status < 300;
	}

	get redirected() {
		return this[response_INTERNALS].counter > 0;
	}

	get statusText() {
		return this[response_INTERNALS].statusText;
	}

	get headers() {
		return this[response_INTERNALS].headers;
	}

	get highWaterMark() {
		return this[response_INTERNALS].highWaterMark;
	}

	/**
	 * Clone this response
	 *
	 * @return  Response
	 */
	clone() {
		return new Response(clone(this, this.highWaterMark), {
			type: this.type,
			url: this.url,
			status: this.status,
			statusText: this.statusText,
			headers: this.headers,
			ok: this.ok,
			redirected: this.redirected,
			size: this.size,
			highWaterMark: this.highWaterMark
		});
	}

	/**
	 * @param {string} url    The URL that the new response is to originate from.
	 * @param {number} status An optional status code for the response (e.g., 302.)
	 * @returns {Response}    A Response object.
	 */
	static redirect(url, status = 302) {
		if (!isRedirect(status)) {
			throw new RangeError('Failed to execute "redirect" on "response": Invalid status code');
		}

		return new Response(null, {
			headers: {
				location: new URL(url).toString()
			},
			status
		});
	}

	static error() {
		const response = new Response(null, {status: 0, statusText: ''});
		response[response_INTERNALS].type = 'error';
		return response;
	}

	static json(data = undefined, init = {}) {
		const body = JSON.stringify(data);

		if (body === undefined) {
			throw new TypeError('data is not JSON serializable');
		}

		const headers = new Headers(init && init.headers);

		if (!headers.has('content-type')) {
			headers.set('content-type', 'application/json');
		}

		return new Response(body, {
			...init,
			headers
		});
	}

	get [Symbol.toStringTag]() {
		return 'Response';
	}
}

Object.defineProperties(Response.prototype, {
	type: {enumerable: true},
	url: {enumerable: true},
	status: {enumerable: true},
	ok: {enumerable: true},
	redirected: {enumerable: true},
	statusText: {enumerable: true},
	headers: {enumerable: true},
	clone: {enumerable: true}
});

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./node_modules/node-fetch/src/utils/get-search.js
const getSearch = parsedURL => {
	if (parsedURL.search) {
		return parsedURL.search;
	}

	const lastOffset = parsedURL.href.length - 1;
	const hash = parsedURL.hash || (parsedURL.href[lastOffset] === '#' ? '#' : '');
	return parsedURL.href[lastOffset - hash.length] === '?' ? '?' : '';
};

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./node_modules/node-fetch/src/utils/referrer.js


/**
 * @external URL
 * @see {@link https://developer.mozilla.org/en-US/docs/Web/API/URL|URL}
 */

/**
 * @module utils/referrer
 * @private
 */

/**
 * @see {@link https://w3c.github.io/webappsec-referrer-policy/#strip-url|Referrer Policy §8.4. Strip url for use as a referrer}
 * @param {string} URL
 * @param {boolean} [originOnly=false]
 */
function stripURLForUseAsAReferrer(url, originOnly = false) {
	// 1. If url is null, return no referrer.
	if (url == null) { // eslint-disable-line no-eq-null, eqeqeq
		return 'no-referrer';
	}

	url = new URL(url);

	// 2. If url's scheme is a local scheme, then return no referrer.
	if (/^(about|blob|data):$/.test(url.protocol)) {
		return 'no-referrer';
	}

	// 3. Set url's username to the empty string.
	url.username = '';

	// 4. Set url's password to null.
	// Note: `null` appears to be a mistake as this actually results in the password being `"null"`.
	url.password = '';

	// 5. Set url's fragment to null.
	// Note: `null` appears to be a mistake as this actually results in the fragment being `"#null"`.
	url.hash = '';

	// 6. If the origin-only flag is true, then:
	if (originOnly) {
		// 6.1. Set url's path to null.
		// Note: `null` appears to be a mistake as this actually results in the path being `"/null"`.
		url.pathname = '';

		// 6.2. Set url's query to null.
		// Note: `null` appears to be a mistake as this actually results in the query being `"?null"`.
		url.search = '';
	}

	// 7. Return url.
	return url;
}

/**
 * @see {@link https://w3c.github.io/webappsec-referrer-policy/#enumdef-referrerpolicy|enum ReferrerPolicy}
 */
const ReferrerPolicy = new Set([
	'',
	'no-referrer',
	'no-referrer-when-downgrade',
	'same-origin',
	'origin',
	'strict-origin',
	'origin-when-cross-origin',
	'strict-origin-when-cross-origin',
	'unsafe-url'
]);

/**
 * @see {@link https://w3c.github.io/webappsec-referrer-policy/#default-referrer-policy|default referrer policy}
 */
const DEFAULT_REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * @see {@link https://w3c.github.io/webappsec-referrer-policy/#referrer-policies|Referrer Policy §3. Referrer Policies}
 * @param {string} referrerPolicy
 * @returns {string} referrerPolicy
 */
function validateReferrerPolicy(referrerPolicy) {
	if (!ReferrerPolicy.has(referrerPolicy)) {
		throw new TypeError(`Invalid referrerPolicy: ${referrerPolicy}`);
	}

	return referrerPolicy;
}

/**
 * @see {@link https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy|Referrer Policy §3.2. Is origin potentially trustworthy?}
 * @param {external:URL} url
 * @returns `true`: "Potentially Trustworthy", `false`: "Not Trustworthy"
 */
function isOriginPotentiallyTrustworthy(url) {
	// 1. If origin is an opaque origin, return "Not Trustworthy".
	// Not applicable

	// 2. Assert: origin is a tuple origin.
	// Not for implementations

	// 3. If origin's scheme is either "https" or "wss", return "Potentially Trustworthy".
	if (/^(http|ws)s:$/.test(url.protocol)) {
		return true;
	}

	// 4. If origin's host component matches one of the CIDR notations 127.0.0.0/8 or ::1/128 [RFC4632], return "Potentially Trustworthy".
	const hostIp = url.host.replace(/(^\[)|(]$)/g, '');
	const hostIPVersion = (0,external_node_net_.isIP)(hostIp);

	if (hostIPVersion === 4 && /^127\./.test(hostIp)) {
		return true;
	}

	if (hostIPVersion === 6 && /^(((0+:){7})|(::(0+:){0,6}))0*1$/.test(hostIp)) {
		return true;
	}

	// 5. If origin's host component is "localhost" or falls within ".localhost", and the user agent conforms to the name resolution rules in [let-localhost-be-localhost], return "Potentially Trustworthy".
	// We are returning FALSE here because we cannot ensure conformance to
	// let-localhost-be-loalhost (https://tools.ietf.org/html/draft-west-let-localhost-be-localhost)
	if (url.host === 'localhost' || url.host.endsWith('.localhost')) {
		return false;
	}

	// 6. If origin's scheme component is file, return "Potentially Trustworthy".
	if (url.protocol === 'file:') {
		return true;
	}

	// 7. If origin's scheme component is one which the user agent considers to be authenticated, return "Potentially Trustworthy".
	// Not supported

	// 8. If origin has been configured as a trustworthy origin, return "Potentially Trustworthy".
	// Not supported

	// 9. Return "Not Trustworthy".
	return false;
}

/**
 * @see {@link https://w3c.github.io/webappsec-secure-contexts/#is-url-trustworthy|Referrer Policy §3.3. Is url potentially trustworthy?}
 * @param {external:URL} url
 * @returns `true`: "Potentially Trustworthy", `false`: "Not Trustworthy"
 */
function isUrlPotentiallyTrustworthy(url) {
	// 1. If url is "about:blank" or "about:srcdoc", return "Potentially Trustworthy".
	if (/^about:(blank|srcdoc)$/.test(url)) {
		return true;
	}

	// 2. If url's scheme is "data", return "Potentially Trustworthy".
	if (url.protocol === 'data:') {
		return true;
	}

	// Note: The origin of blob: and filesystem: URLs is the origin of the context in which they were
	// created. Therefore, blobs created in a trustworthy origin will themselves be potentially
	// trustworthy.
	if (/^(blob|filesystem):$/.test(url.protocol)) {
		return true;
	}

	// 3. Return the result of executing §3.2 Is origin potentially trustworthy? on url's origin.
	return isOriginPotentiallyTrustworthy(url);
}

/**
 * Modifies the referrerURL to enforce any extra security policy considerations.
 * @see {@link https://w3c.github.io/webappsec-referrer-policy/#determine-requests-referrer|Referrer Policy §8.3. Determine request's Referrer}, step 7
 * @callback module:utils/referrer~referrerURLCallback
 * @param {external:URL} referrerURL
 * @returns {external:URL} modified referrerURL
 */

/**
 * Modifies the referrerOrigin to enforce any extra security policy considerations.
 * @see {@link https://w3c.github.io/webappsec-referrer-policy/#determine-requests-referrer|Referrer Policy §8.3. Determine request's Referrer}, step 7
 * @callback module:utils/referrer~referrerOriginCallback
 * @param {external:URL} referrerOrigin
 * @returns {external:URL} modified referrerOrigin
 */

/**
 * @see {@link https://w3c.github.io/webappsec-referrer-policy/#determine-requests-referrer|Referrer Policy §8.3. Determine request's Referrer}
 * @param {Request} request
 * @param {object} o
 * @param {module:utils/referrer~referrerURLCallback} o.referrerURLCallback
 * @param {module:utils/referrer~referrerOriginCallback} o.referrerOriginCallback
 * @returns {external:URL} Request's referrer
 */
function determineRequestsReferrer(request, {referrerURLCallback, referrerOriginCallback} = {}) {
	// There are 2 notes in the specification about invalid pre-conditions.  We return null, here, for
	// these cases:
	// > Note: If request's referrer is "no-referrer", Fetch will not call into this algorithm.
	// > Note: If request's referrer policy is the empty string, Fetch will not call into this
	// > algorithm.
	if (request.referrer === 'no-referrer' || request.referrerPolicy === '') {
		return null;
	}

	// 1. Let policy be request's associated referrer policy.
	const policy = request.referrerPolicy;

	// 2. Let environment be request's client.
	// not applicable to node.js

	// 3. Switch on request's referrer:
	if (request.referrer === 'about:client') {
		return 'no-referrer';
	}

	// "a URL": Let referrerSource be request's referrer.
	const referrerSource = request.referrer;

	// 4. Let request's referrerURL be the result of stripping referrerSource for use as a referrer.
	let referrerURL = stripURLForUseAsAReferrer(referrerSource);

	// 5. Let referrerOrigin be the result of stripping referrerSource for use as a referrer, with the
	//    origin-only flag set to true.
	let referrerOrigin = stripURLForUseAsAReferrer(referrerSource, true);

	// 6. If the result of serializing referrerURL is a string whose length is greater than 4096, set
	//    referrerURL to referrerOrigin.
	if (referrerURL.toString().length > 4096) {
		referrerURL = referrerOrigin;
	}

	// 7. The user agent MAY alter referrerURL or referrerOrigin at this point to enforce arbitrary
	//    policy considerations in the interests of minimizing data leakage. For example, the user
	//    agent could strip the URL down to an origin, modify its host, replace it with an empty
	//    string, etc.
	if (referrerURLCallback) {
		referrerURL = referrerURLCallback(referrerURL);
	}

	if (referrerOriginCallback) {
		referrerOrigin = referrerOriginCallback(referrerOrigin);
	}

	// 8.Execute the statements corresponding to the value of policy:
	const currentURL = new URL(request.url);

	switch (policy) {
		case 'no-referrer':
			return 'no-referrer';

		case 'origin':
			return referrerOrigin;

		case 'unsafe-url':
			return referrerURL;

		case 'strict-origin':
			// 1. If referrerURL is a potentially trustworthy URL and request's current URL is not a
			//    potentially trustworthy URL, then return no referrer.
			if (isUrlPotentiallyTrustworthy(referrerURL) && !isUrlPotentiallyTrustworthy(currentURL)) {
				return 'no-referrer';
			}

			// 2. Return referrerOrigin.
			return referrerOrigin.toString();

		case 'strict-origin-when-cross-origin':
			// 1. If the origin of referrerURL and the origin of request's current URL are the same, then
			//    return referrerURL.
			if (referrerURL.origin === currentURL.origin) {
				return referrerURL;
			}

			// 2. If referrerURL is a potentially trustworthy URL and request's current URL is not a
			//    potentially trustworthy URL, then return no referrer.
			if (isUrlPotentiallyTrustworthy(referrerURL) && !isUrlPotentiallyTrustworthy(currentURL)) {
				return 'no-referrer';
			}

			// 3. Return referrerOrigin.
			return referrerOrigin;

		case 'same-origin':
			// 1. If the origin of referrerURL and the origin of request's current URL are the same, then
			//    return referrerURL.
			if (referrerURL.origin === currentURL.origin) {
				return referrerURL;
			}

			// 2. Return no referrer.
			return 'no-referrer';

		case 'origin-when-cross-origin':
			// 1. If the origin of referrerURL and the origin of request's current URL are the same, then
			//    return referrerURL.
			if (referrerURL.origin === currentURL.origin) {
				return referrerURL;
			}

			// Return referrerOrigin.
			return referrerOrigin;

		case 'no-referrer-when-downgrade':
			// 1. If referrerURL is a potentially trustworthy URL and request's current URL is not a
			//    potentially trustworthy URL, then return no referrer.
			if (isUrlPotentiallyTrustworthy(referrerURL) && !isUrlPotentiallyTrustworthy(currentURL)) {
				return 'no-referrer';
			}

			// 2. Return referrerURL.
			return referrerURL;

		default:
			throw new TypeError(`Invalid referrerPolicy: ${policy}`);
	}
}

/**
 * @see {@link https://w3c.github.io/webappsec-referrer-policy/#parse-referrer-policy-from-header|Referrer Policy §8.1. Parse a referrer policy from a Referrer-Policy header}
 * @param {Headers} headers Response headers
 * @returns {string} policy
 */
function parseReferrerPolicyFromHeader(headers) {
	// 1. Let policy-tokens be the result of extracting header list values given `Referrer-Policy`
	//    and response’s header list.
	const policyTokens = (headers.get('referrer-policy') || '').split(/[,\s]+/);

	// 2. Let policy be the empty string.
	let policy = '';

	// 3. For each token in policy-tokens, if token is a referrer policy and token is not the empty
	//    string, then set policy to token.
	// Note: This algorithm loops over multiple policy values to allow deployment of new policy
	// values with fallbacks for older user agents, as described in § 11.1 Unknown Policy Values.
	for (const token of policyTokens) {
		if (token && ReferrerPolicy.has(token)) {
			policy = token;
		}
	}

	// 4. Return policy.
	return policy;
}

;// CONCATENATED MODULE: ./node_modules/node-fetch/src/request.js
/**
 * Request.js
 *
 * Request class contains server only options
 *
 * All spec algorithm step numbers are based on https://fetch.spec.whatwg.org/commit-snapshots/ae716822cb3a61843226cd090eefc6589446c1d2/.
 */









const request_INTERNALS = Symbol('Request internals');

/**
 * Check if `obj` is an instance of Request.
 *
 * @param  {*} object
 * @return {boolean}
 */
const isRequest = object => {
	return (
		typeof object === 'object' &&
		typeof object[request_INTERNALS] === 'object'
	);
};

const doBadDataWarn = (0,external_node_util_.deprecate)(() => {},
	'.data is not a valid RequestInit property, use .body instead',
	'https://github.com/node-fetch/node-fetch/issues/1000 (request)');

/**
 * Request class
 *
 * Ref: https://fetch.spec.whatwg.org/#request-class
 *
 * @param   Mixed   input  Url or Request instance
 * @param   Object  init   Custom options
 * @return  Void
 */
class Request extends Body {
	constructor(input, init = {}) {
		let parsedURL;

		// Normalize input and force URL to be encoded as UTF-8 (https://github.com/node-fetch/node-fetch/issues/245)
		if (isRequest(input)) {
			parsedURL = new URL(input.url);
		} else {
			parsedURL = new URL(input);
			input = {};
		}

		if (parsedURL.username !== '' || parsedURL.password !== '') {
			throw new TypeError(`${parsedURL} is an url with embedded credentials.`);
		}

		let method = init.method || input.method || 'GET';
		if (/^(delete|get|head|options|post|put)$/i.test(method)) {
			method = method.toUpperCase();
		}

		if (!isRequest(init) && 'data' in init) {
			doBadDataWarn();
		}

		// eslint-disable-next-line no-eq-null, eqeqeq
		if ((init.body != null || (isRequest(input) && input.body !== null)) &&
			(method === 'GET' || method === 'HEAD')) {
			throw new TypeError('Request with GET/HEAD method cannot have body');
		}

		const inputBody = init.body ?
			init.body :
			(isRequest(input) && input.body !== null ?
				clone(input) :
				null);

		super(inputBody, {
			size: init.size || input.size || 0
		});

		const headers = new Headers(init.headers || input.headers || {});

		if (inputBody !== null && !headers.has('Content-Type')) {
			const contentType = extractContentType(inputBody, this);
			if (contentType) {
				headers.set('Content-Type', contentType);
			}
		}

		let signal = isRequest(input) ?
			input.signal :
			null;
		if ('signal' in init) {
			signal = init.signal;
		}

		// eslint-disable-next-line no-eq-null, eqeqeq
		if (signal != null && !isAbortSignal(signal)) {
			throw new TypeError('Expected signal to be an instanceof AbortSignal or EventTarget');
		}

		// §5.4, Request constructor steps, step 15.1
		// eslint-disable-next-line no-eq-null, eqeqeq
		let referrer = init.referrer == null ? input.referrer : init.referrer;
		if (referrer === '') {
			// §5.4, Request constructor steps, step 15.2
			referrer = 'no-referrer';
		} else if (referrer) {
			// §5.4, Request constructor steps, step 15.3.1, 15.3.2
			const parsedReferrer = new URL(referrer);
			// §5.4, Request constructor steps, step 15.3.3, 15.3.4
			referrer = /^about:(\/\/)?client$/.test(parsedReferrer) ? 'client' : parsedReferrer;
		} else {
			referrer = undefined;
		}

		this[request_INTERNALS] = {
			method,
			redirect: init.redirect || input.redirect || 'follow',
			headers,
			parsedURL,
			signal,
			referrer
		};

		// Node-fetch-only options
		this.follow = init.follow === undefined ? (input.follow === undefined ? 20 : input.follow) : init.follow;
		this.compress = init.compress === undefined ? (input.compress === undefined ? true : input.compress) : init.compress;
		this.counter = init.counter || input.counter || 0;
		this.agent = init.agent || input.agent;
		this.highWaterMark = init.highWaterMark || input.highWaterMark || 16384;
		this.insecureHTTPParser = init.insecureHTTPParser || input.insecureHTTPParser || false;

		// §5.4, Request constructor steps, step 16.
		// Default is empty string per https://fetch.spec.whatwg.org/#concept-request-referrer-policy
		this.referrerPolicy = init.referrerPolicy || input.referrerPolicy || '';
	}

	/** @returns {string} */
	get method() {
		return this[request_INTERNALS].method;
	}

	/** @returns {string} */
	get url() {
		return (0,external_node_url_.format)(this[request_INTERNALS].parsedURL);
	}

	/** @returns {Headers} */
	get headers() {
		return this[request_INTERNALS].headers;
	}

	get redirect() {
		return this[request_INTERNALS].redirect;
	}

	/** @returns {AbortSignal} */
	get signal() {
		return this[request_INTERNALS].signal;
	}

	// https://fetch.spec.whatwg.org/#dom-request-referrer
	get referrer() {
		if (this[request_INTERNALS].referrer === 'no-referrer') {
			return '';
		}

		if (this[request_INTERNALS].referrer === 'client') {
			return 'about:client';
		}

		if (this[request_INTERNALS].referrer) {
			return this[request_INTERNALS].referrer.toString();
		}

		return undefined;
	}

	get referrerPolicy() {
		return this[request_INTERNALS].referrerPolicy;
	}

	set referrerPolicy(referrerPolicy) {
		this[request_INTERNALS].referrerPolicy = validateReferrerPolicy(referrerPolicy);
	}

	/**
	 * Clone this request
	 *
	 * @return  Request
	 */
	clone() {
		return new Request(this);
	}

	get [Symbol.toStringTag]() {
		return 'Request';
	}
}

Object.defineProperties(Request.prototype, {
	method: {enumerable: true},
	url: {enumerable: true},
	headers: {enumerable: true},
	redirect: {enumerable: true},
	clone: {enumerable: true},
	signal: {enumerable: true},
	referrer: {enumerable: true},
	referrerPolicy: {enumerable: true}
});

/**
 * Convert a Request to Node.js http request options.
 *
 * @param {Request} request - A Request instance
 * @return The options object to be passed to http.request
 */
const getNodeRequestOptions = request => {
	const {parsedURL} = request[request_INTERNALS];
	const headers = new Headers(request[request_INTERNALS].headers);

	// Fetch step 1.3
	if (!headers.has('Accept')) {
		headers.set('Accept', '*/*');
	}

	// HTTP-network-or-cache fetch steps 2.4-2.7
	let contentLengthValue = null;
	if (request.body === null && /^(post|put)$/i.test(request.method)) {
		contentLengthValue = '0';
	}

	if (request.body !== null) {
		const totalBytes = getTotalBytes(request);
		// Set Content-Length if totalBytes is a number (that is not NaN)
		if (typeof totalBytes === 'number' && !Number.isNaN(totalBytes)) {
			contentLengthValue = String(totalBytes);
		}
	}

	if (contentLengthValue) {
		headers.set('Content-Length', contentLengthValue);
	}

	// 4.1. Main fetch, step 2.6
	// > If request's referrer policy is the empty string, then set request's referrer policy to the
	// > default referrer policy.
	if (request.referrerPolicy === '') {
		request.referrerPolicy = DEFAULT_REFERRER_POLICY;
	}

	// 4.1. Main fetch, step 2.7
	// > If request's referrer is not "no-referrer", set request's referrer to the result of invoking
	// > determine request's referrer.
	if (request.referrer && request.referrer !== 'no-referrer') {
		request[request_INTERNALS].referrer = determineRequestsReferrer(request);
	} else {
		request[request_INTERNALS].referrer = 'no-referrer';
	}

	// 4.5. HTTP-network-or-cache fetch, step 6.9
	// > If httpRequest's referrer is a URL, then append `Referer`/httpRequest's referrer, serialized
	// >  and isomorphic encoded, to httpRequest's header list.
	if (request[request_INTERNALS].referrer instanceof URL) {
		headers.set('Referer', request.referrer);
	}

	// HTTP-network-or-cache fetch step 2.11
	if (!headers.has('User-Agent')) {
		headers.set('User-Agent', 'node-fetch');
	}

	// HTTP-network-or-cache fetch step 2.15
	if (request.compress && !headers.has('Accept-Encoding')) {
		headers.set('Accept-Encoding', 'gzip, deflate, br');
	}

	let {agent} = request;
	if (typeof agent === 'function') {
		agent = agent(parsedURL);
	}

	// HTTP-network fetch step 4.2
	// chunked encoding is handled by Node.js

	const search = getSearch(parsedURL);

	// Pass the full URL directly to request(), but overwrite the following
	// options:
	const options = {
		// Overwrite search to retain trailing ? (issue #776)
		path: parsedURL.pathname + search,
		// The following options are not expressed in the URL
		method: request.method,
		headers: headers[Symbol.for('nodejs.util.inspect.custom')](),
		insecureHTTPParser: request.insecureHTTPParser,
		agent
	};

	return {
		/** @type {URL} */
		parsedURL,
		options
	};
};

;// CONCATENATED MODULE: ./node_modules/node-fetch/src/errors/abort-error.js


/**
 * AbortError interface for cancelled requests
 */
class AbortError extends FetchBaseError {
	constructor(message, type = 'aborted') {
		super(message, type);
	}
}

// EXTERNAL MODULE: ./node_modules/fetch-blob/from.js
var from = __nccwpck_require__(995);
;// CONCATENATED MODULE: ./node_modules/node-fetch/src/index.js
/**
 * Index.js
 *
 * a request API compatible with window.fetch
 *
 * All spec algorithm step numbers are based on https://fetch.spec.whatwg.org/commit-snapshots/ae716822cb3a61843226cd090eefc6589446c1d2/.
 */
























const supportedSchemas = new Set(['data:', 'http:', 'https:']);

/**
 * Fetch function
 *
 * @param   {string | URL | import('./request').default} url - Absolute url or Request instance
 * @param   {*} [options_] - Fetch options
 * @return  {Promise<import('./response').default>}
 */
async function fetch(url, options_) {
	return new Promise((resolve, reject) => {
		// Build request object
		const request = new Request(url, options_);
		const {parsedURL, options} = getNodeRequestOptions(request);
		if (!supportedSchemas.has(parsedURL.protocol)) {
			throw new TypeError(`node-fetch cannot load ${url}. URL scheme "${parsedURL.protocol.replace(/:$/, '')}" is not supported.`);
		}

		if (parsedURL.protocol === 'data:') {
			const data = dist(request.url);
			const response = new Response(data, {headers: {'Content-Type': data.typeFull}});
			resolve(response);
			return;
		}

		// Wrap http.request into fetch
		const send = (parsedURL.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_).request;
		const {signal} = request;
		let response = null;

		const abort = () => {
			const error = new AbortError('The operation was aborted.');
			reject(error);
			if (request.body && request.body instanceof external_node_stream_.Readable) {
				request.body.destroy(error);
			}

			if (!response || !response.body) {
				return;
			}

			response.body.emit('error', error);
		};

		if (signal && signal.aborted) {
			abort();
			return;
		}

		const abortAndFinalize = () => {
			abort();
			finalize();
		};

		// Send request
		const request_ = send(parsedURL.toString(), options);

		if (signal) {
			signal.addEventListener('abort', abortAndFinalize);
		}

		const finalize = () => {
			request_.abort();
			if (signal) {
				signal.removeEventListener('abort', abortAndFinalize);
			}
		};

		request_.on('error', error => {
			reject(new FetchError(`request to ${request.url} failed, reason: ${error.message}`, 'system', error));
			finalize();
		});

		fixResponseChunkedTransferBadEnding(request_, error => {
			if (response && response.body) {
				response.body.destroy(error);
			}
		});

		/* c8 ignore next 18 */
		if (process.version < 'v14') {
			// Before Node.js 14, pipeline() does not fully support async iterators and does not always
			// properly handle when the socket close/end events are out of order.
			request_.on('socket', s => {
				let endedWithEventsCount;
				s.prependListener('end', () => {
					endedWithEventsCount = s._eventsCount;
				});
				s.prependListener('close', hadError => {
					// if end happened before close but the socket didn't emit an error, do it now
					if (response && endedWithEventsCount < s._eventsCount && !hadError) {
						const error = new Error('Premature close');
						error.code = 'ERR_STREAM_PREMATURE_CLOSE';
						response.body.emit('error', error);
					}
				});
			});
		}

		request_.on('response', response_ => {
			request_.setTimeout(0);
			const headers = fromRawHeaders(response_.rawHeaders);

			// HTTP fetch step 5
			if (isRedirect(response_.statusCode)) {
				// HTTP fetch step 5.2
				const location = headers.get('Location');

				// HTTP fetch step 5.3
				let locationURL = null;
				try {
					locationURL = location === null ? null : new URL(location, request.url);
				} catch {
					// error here can only be invalid URL in Location: header
					// do not throw when options.redirect == manual
					// let the user extract the errorneous redirect URL
					if (request.redirect !== 'manual') {
						reject(new FetchError(`uri requested responds with an invalid redirect URL: ${location}`, 'invalid-redirect'));
						finalize();
						return;
					}
				}

				// HTTP fetch step 5.5
				switch (request.redirect) {
					case 'error':
						reject(new FetchError(`uri requested responds with a redirect, redirect mode is set to error: ${request.url}`, 'no-redirect'));
						finalize();
						return;
					case 'manual':
						// Nothing to do
						break;
					case 'follow': {
						// HTTP-redirect fetch step 2
						if (locationURL === null) {
							break;
						}

						// HTTP-redirect fetch step 5
						if (request.counter >= request.follow) {
							reject(new FetchError(`maximum redirect reached at: ${request.url}`, 'max-redirect'));
							finalize();
							return;
						}

						// HTTP-redirect fetch step 6 (counter increment)
						// Create a new Request object.
						const requestOptions = {
							headers: new Headers(request.headers),
							follow: request.follow,
							counter: request.counter + 1,
							agent: request.agent,
							compress: request.compress,
							method: request.method,
							body: clone(request),
							signal: request.signal,
							size: request.size,
							referrer: request.referrer,
							referrerPolicy: request.referrerPolicy
						};

						// when forwarding sensitive headers like "Authorization",
						// "WWW-Authenticate", and "Cookie" to untrusted targets,
						// headers will be ignored when following a redirect to a domain
						// that is not a subdomain match or exact match of the initial domain.
						// For example, a redirect from "foo.com" to either "foo.com" or "sub.foo.com"
						// will forward the sensitive headers, but a redirect to "bar.com" will not.
						// headers will also be ignored when following a redirect to a domain using
						// a different protocol. For example, a redirect from "https://foo.com" to "http://foo.com"
						// will not forward the sensitive headers
						if (!isDomainOrSubdomain(request.url, locationURL) || !isSameProtocol(request.url, locationURL)) {
							for (const name of ['authorization', 'www-authenticate', 'cookie', 'cookie2']) {
								requestOptions.headers.delete(name);
							}
						}

						// HTTP-redirect fetch step 9
						if (response_.statusCode !== 303 && request.body && options_.body instanceof external_node_stream_.Readable) {
							reject(new FetchError('Cannot follow redirect with body being a readable stream', 'unsupported-redirect'));
							finalize();
							return;
						}

						// HTTP-redirect fetch step 11
						if (response_.statusCode === 303 || ((response_.statusCode === 301 || response_.statusCode === 302) && request.method === 'POST')) {
							requestOptions.method = 'GET';
							requestOptions.body = undefined;
							requestOptions.headers.delete('content-length');
						}

						// HTTP-redirect fetch step 14
						const responseReferrerPolicy = parseReferrerPolicyFromHeader(headers);
						if (responseReferrerPolicy) {
							requestOptions.referrerPolicy = responseReferrerPolicy;
						}

						// HTTP-redirect fetch step 15
						resolve(fetch(new Request(locationURL, requestOptions)));
						finalize();
						return;
					}

					default:
						return reject(new TypeError(`Redirect option '${request.redirect}' is not a valid value of RequestRedirect`));
				}
			}

			// Prepare response
			if (signal) {
				response_.once('end', () => {
					signal.removeEventListener('abort', abortAndFinalize);
				});
			}

			let body = (0,external_node_stream_.pipeline)(response_, new external_node_stream_.PassThrough(), error => {
				if (error) {
					reject(error);
				}
			});
			// see https://github.com/nodejs/node/pull/29376
			/* c8 ignore next 3 */
			if (process.version < 'v12.10') {
				response_.on('aborted', abortAndFinalize);
			}

			const responseOptions = {
				url: request.url,
				status: response_.statusCode,
				statusText: response_.statusMessage,
				headers,
				size: request.size,
				counter: request.counter,
				highWaterMark: request.highWaterMark
			};

			// HTTP-network fetch step 12.1.1.3
			const codings = headers.get('Content-Encoding');

			// HTTP-network fetch step 12.1.1.4: handle content codings

			// in following scenarios we ignore compression support
			// 1. compression support is disabled
			// 2. HEAD request
			// 3. no Content-Encoding header
			// 4. no content response (204)
			// 5. content not modified response (304)
			if (!request.compress || request.method === 'HEAD' || codings === null || response_.statusCode === 204 || response_.statusCode === 304) {
				response = new Response(body, responseOptions);
				resolve(response);
				return;
			}

			// For Node v6+
			// Be less strict when decoding compressed responses, since sometimes
			// servers send slightly invalid responses that are still accepted
			// by common browsers.
			// Always using Z_SYNC_FLUSH is what cURL does.
			const zlibOptions = {
				flush: external_node_zlib_.Z_SYNC_FLUSH,
				finishFlush: external_node_zlib_.Z_SYNC_FLUSH
			};

			// For gzip
			if (codings === 'gzip' || codings === 'x-gzip') {
				body = (0,external_node_stream_.pipeline)(body, external_node_zlib_.createGunzip(zlibOptions), error => {
					if (error) {
						reject(error);
					}
				});
				response = new Response(body, responseOptions);
				resolve(response);
				return;
			}

			// For deflate
			if (codings === 'deflate' || codings === 'x-deflate') {
				// Handle the infamous raw deflate response from old servers
				// a hack for old IIS and Apache servers
				const raw = (0,external_node_stream_.pipeline)(response_, new external_node_stream_.PassThrough(), error => {
					if (error) {
						reject(error);
					}
				});
				raw.once('data', chunk => {
					// See http://stackoverflow.com/questions/37519828
					if ((chunk[0] & 0x0F) === 0x08) {
						body = (0,external_node_stream_.pipeline)(body, external_node_zlib_.createInflate(), error => {
							if (error) {
								reject(error);
							}
						});
					} else {
						body = (0,external_node_stream_.pipeline)(body, external_node_zlib_.createInflateRaw(), error => {
							if (error) {
								reject(error);
							}
						});
					}

					response = new Response(body, responseOptions);
					resolve(response);
				});
				raw.once('end', () => {
					// Some old IIS servers return zero-length OK deflate responses, so
					// 'data' is never emitted. See https://github.com/node-fetch/node-fetch/pull/903
					if (!response) {
						response = new Response(body, responseOptions);
						resolve(response);
					}
				});
				return;
			}

			// For br
			if (codings === 'br') {
				body = (0,external_node_stream_.pipeline)(body, external_node_zlib_.createBrotliDecompress(), error => {
					if (error) {
						reject(error);
					}
				});
				response = new Response(body, responseOptions);
				resolve(response);
				return;
			}

			// Otherwise, use response as-is
			response = new Response(body, responseOptions);
			resolve(response);
		});

		// eslint-disable-next-line promise/prefer-await-to-then
		writeToStream(request_, request).catch(reject);
	});
}

function fixResponseChunkedTransferBadEnding(request, errorCallback) {
	const LAST_CHUNK = external_node_buffer_.Buffer.from('0\r\n\r\n');

	let isChunkedTransfer = false;
	let properLastChunkReceived = false;
	let previousChunk;

	request.on('response', response => {
		const {headers} = response;
		isChunkedTransfer = headers['transfer-encoding'] === 'chunked' && !headers['content-length'];
	});

	request.on('socket', socket => {
		const onSocketClose = () => {
			if (isChunkedTransfer && !properLastChunkReceived) {
				const error = new Error('Premature close');
				error.code = 'ERR_STREAM_PREMATURE_CLOSE';
				errorCallback(error);
			}
		};

		const onData = buf => {
			properLastChunkReceived = external_node_buffer_.Buffer.compare(buf.slice(-5), LAST_CHUNK) === 0;

			// Sometimes final 0-length chunk and end of message code are in separate packets
			if (!properLastChunkReceived && previousChunk) {
				properLastChunkReceived = (
					external_node_buffer_.Buffer.compare(previousChunk.slice(-3), LAST_CHUNK.slice(0, 3)) === 0 &&
					external_node_buffer_.Buffer.compare(buf.slice(-2), LAST_CHUNK.slice(3)) === 0
				);
			}

			previousChunk = buf;
		};

		socket.prependListener('close', onSocketClose);
		socket.on('data', onData);

		request.on('close', () => {
			socket.removeListener('close', onSocketClose);
			socket.removeListener('data', onData);
		});
	});
}

;// CONCATENATED MODULE: ./src/http.ts
// `lib/proxy` is a declared entry point of @actions/http-client (its package.json `exports`),
// not a reach into its internals; its root entry would pull undici into every run.


const agents = new Map();
/** The proxy agent for `url`, or undefined when the request goes direct. */
function proxyAgentFor(url) {
    const proxy = (0,lib_proxy/* getProxyUrl */.s)(url);
    if (!proxy)
        return undefined;
    const key = `${url.protocol}${proxy.href}`;
    let agent = agents.get(key);
    if (!agent) {
        agent =
            url.protocol === 'https:'
                ? Promise.all(/* import() */[__nccwpck_require__.e(411), __nccwpck_require__.e(566)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1566)).then(({ HttpsProxyAgent }) => new HttpsProxyAgent(proxy))
                : Promise.all(/* import() */[__nccwpck_require__.e(411), __nccwpck_require__.e(947)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8947)).then(({ HttpProxyAgent }) => new HttpProxyAgent(proxy));
        agents.set(key, agent);
    }
    return agent;
}
/** node-fetch through the proxy that applies to `url`, if any. */
async function proxiedFetch(url, init = {}) {
    const target = new URL(url);
    return fetch(target, { ...init, agent: await proxyAgentFor(target) });
}
/** Redirects followed within the origin before giving up. */
const MAX_REDIRECTS = 5;
/**
 * node-fetch forwards custom headers (X-OpsMx-Auth) on a redirect even to another host, and
 * drops Authorization there: so redirects are followed here, and only within the origin
 * the token is for, at most 5. Only a GET is redirected; any other method's redirect comes
 * back as the answer.
 */
async function fetchWithinOrigin(start, init, signal) {
    let url = start;
    for (let redirects = 0;; redirects++) {
        const response = await proxiedFetch(url, { ...init, signal, redirect: 'manual' });
        const location = response.headers.get('location');
        if (init.method !== 'GET' || ![301, 302, 303, 307, 308].includes(response.status) || !location) {
            return { kind: 'response', response };
        }
        response.body?.resume();
        const target = new URL(location, url);
        if (target.origin !== start.origin)
            return { kind: 'otherOrigin', target };
        if (redirects === MAX_REDIRECTS)
            return { kind: 'tooManyRedirects', target };
        url = target;
    }
}
/** Node's error codes for certificate problems: retrying cannot fix them. */
const TLS_ERROR_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/;
/**
 * A request that got no answer, in words: Node's error code, whether it is a certificate
 * problem (no retry helps), the common codes said plainly (`known`), and else node-fetch's
 * own reason, untrusted and unflattened, for the caller to cut.
 */
function networkError(error, url) {
    const code = error instanceof FetchError ? (error.code ?? '') : '';
    // node-fetch says "request to <url> failed, reason: <why>": the why is what helps.
    const message = (error instanceof Error ? error.message : String(error)).replace(/^request to .* failed, reason: /, '');
    const known = {
        ECONNREFUSED: `connection to ${url.host} refused`,
        ECONNRESET: `connection to ${url.host} reset`,
        ENOTFOUND: `host ${url.hostname} not found (DNS)`,
        EAI_AGAIN: `DNS lookup of ${url.hostname} failed`
    }[code];
    return { code, tls: TLS_ERROR_CODE.test(code), ...(known ? { known } : {}), message };
}

;// CONCATENATED MODULE: ./src/github-client.ts
/**
 * The GitHub client for the PR comment: @actions/github's Octokit (GITHUB_API_URL, GHES,
 * and the runner's proxy rules through `proxiedFetch`) with one request hook of our own,
 * which retries network faults and server errors with backoff and waits out short rate
 * limits. Octokit itself is loaded only when a comment is to be written.
 */


const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => (0,promises_namespaceObject.setTimeout)(ms, undefined, { signal })
};
/** Server faults are worth three more tries (about 1 s, 2 s, 4 s apart), no more. */
const SERVER_FAULT_RETRIES = 3;
const FIRST_BACKOFF_MS = 1000;
const RATE_LIMIT_WAITS = 2;
/** Rate-limit waits longer than this are not worth holding the runner for. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** GitHub's advice when a rate limit names no time: wait at least a minute. */
const UNSPECIFIED_LIMIT_WAIT_MS = 60_000;
/**
 * What a thrown request error calls for. Octokit reports a request that got no answer
 * (refused, reset, DNS) as status 500 without a response.
 */
function troubleOf(error, now) {
    const { status, message, response } = (error ?? {});
    if (typeof status !== 'number')
        return undefined;
    const text = typeof message === 'string' ? message : '';
    if (!response)
        return status === 500 ? { kind: 'fault', reason: text || 'no answer' } : undefined;
    if (status === 403 || status === 429) {
        const limit = rateLimit(status, text, response.headers ?? {}, now);
        if (limit)
            return limit;
    }
    return status >= 500 ? { kind: 'fault', reason: `HTTP ${status}` } : undefined;
}
/**
 * GitHub's rules, in its order: Retry-After if given, else the reset time when no request
 * is left, else (a limit that says neither) a minute. A 403 that is none of these is a
 * permission problem, not a limit.
 */
function rateLimit(status, message, headers, now) {
    const remaining = String(headers['x-ratelimit-remaining'] ?? '');
    const kind = remaining === '0' && !/secondary rate/i.test(message) ? 'rate limit' : 'secondary rate limit';
    const retryAfter = Number(headers['retry-after']);
    if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) {
        return { kind, waitMs: Math.max(0, retryAfter) * 1000 };
    }
    if (remaining === '0') {
        const reset = Number(headers['x-ratelimit-reset']) * 1000;
        if (!Number.isFinite(reset))
            return { kind, waitMs: UNSPECIFIED_LIMIT_WAIT_MS };
        // A second past the reset, as GitHub advises; at least that when clocks disagree.
        return { kind, waitMs: (Math.max(0, Math.ceil((reset - now) / 1000)) + 1) * 1000 };
    }
    if (status === 429 || /rate limit/i.test(message))
        return { kind, waitMs: UNSPECIFIED_LIMIT_WAIT_MS };
    return undefined;
}
/** GraphQL answers 200 with errors for a rate limit and for some server faults. */
function graphqlTrouble(response, now) {
    const { headers = {}, data } = (response ?? {});
    const errors = Array.isArray(data?.errors) ? data.errors : [];
    if (errors.some((error) => error?.type === 'RATE_LIMITED')) {
        return rateLimit(403, 'rate limit', { ...headers, 'x-ratelimit-remaining': '0' }, now);
    }
    const fault = errors.find((error) => typeof error?.message === 'string' && /Something went wrong while executing your query/.test(error.message));
    return fault ? { kind: 'fault', reason: String(fault.message) } : undefined;
}
const github_client_seconds = (ms) => `${Number((Math.max(0, ms) / 1000).toFixed(1))}s`;
/**
 * Whether to try again, and after how long: server faults back off exponentially (with
 * jitter in [50%, 100%], so runs that failed together do not come back together); rate
 * limits are waited out when the wait is short. Never past the deadline.
 */
function nextTry(trouble, tries, leftMs, random) {
    if (trouble.kind === 'fault') {
        if (tries.faults === SERVER_FAULT_RETRIES)
            return { giveUp: `failed ${tries.faults + 1} times` };
        const waitMs = FIRST_BACKOFF_MS * 2 ** tries.faults * (0.5 + random() / 2);
        return waitMs > leftMs ? { giveUp: `no time left for another try` } : { waitMs };
    }
    const { waitMs } = trouble;
    if (tries.limits === RATE_LIMIT_WAITS)
        return { giveUp: `still limited after ${tries.limits} waits` };
    if (waitMs > MAX_RATE_LIMIT_WAIT_MS) {
        return {
            giveUp: `it asks to wait ${github_client_seconds(waitMs)}, longer than this action waits (${github_client_seconds(MAX_RATE_LIMIT_WAIT_MS)})`
        };
    }
    if (waitMs > leftMs)
        return { giveUp: `it asks to wait ${github_client_seconds(waitMs)}, longer than the ${github_client_seconds(leftMs)} left` };
    return { waitMs };
}
/**
 * The request hook: sends, and on a fault or a rate limit waits and sends again as
 * `nextTry` allows. Cancellation ends it at once, mid-request or mid-wait.
 */
function retryingRequests(options) {
    const { signal, log, deadline = Infinity, clock = systemClock, random = Math.random } = options;
    return async function send(request, requestOptions) {
        const what = `${requestOptions.method} ${requestOptions.url}`;
        const tries = { faults: 0, limits: 0 };
        for (;;) {
            let trouble;
            // What the caller gets if this is not tried again: the error, or GraphQL's answer,
            // which GraphQL then turns into an exception of its own.
            let outcome;
            try {
                const response = await request(requestOptions);
                trouble = graphqlTrouble(response, clock.now());
                if (!trouble)
                    return response;
                outcome = { response };
            }
            catch (error) {
                if (signal.aborted)
                    throw error;
                trouble = troubleOf(error, clock.now());
                if (!trouble)
                    throw error;
                outcome = { error };
            }
            const problem = trouble.kind === 'fault'
                ? `GitHub request ${what} failed (${trouble.reason})`
                : `GitHub ${trouble.kind} for ${what}`;
            const next = nextTry(trouble, tries, deadline - clock.now(), random);
            if ('giveUp' in next) {
                log(`${problem}: giving up, ${next.giveUp}`);
                if ('response' in outcome)
                    return outcome.response;
                // Not the 403 itself, which would read as a missing permission.
                if (trouble.kind !== 'fault')
                    throw new Error(`${problem}: ${next.giveUp}`, { cause: outcome.error });
                throw outcome.error;
            }
            if (trouble.kind === 'fault')
                tries.faults++;
            else
                tries.limits++;
            const retry = trouble.kind === 'fault' ? `retry ${tries.faults}` : 'retrying';
            log(`${problem}: ${retry} in ${github_client_seconds(next.waitMs)}`);
            await clock.sleep(next.waitMs, signal);
        }
    };
}
/** The GitHub client with the hook in place; loads Octokit on first use. */
async function createGitHubClient(token, options) {
    const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(413)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    const octokit = getOctokit(token, { request: { fetch: options.fetch ?? proxiedFetch, signal: options.signal } });
    octokit.hook.wrap('request', retryingRequests(options));
    return octokit;
}

;// CONCATENATED MODULE: ./src/comment.ts

const PAGE_SIZE = 100;
/**
 * Updates the action's own comment carrying `marker`, or creates one when `create` is set.
 * A comment deleted while this runs counts as none: with `create`, a new one is written.
 */
async function upsertComment(api, marker, body, create) {
    const own = await findOwnComment(api, marker);
    if (own) {
        const updated = await api.updateComment(own.id, body);
        if (updated)
            return { action: 'updated', url: updated.html_url };
    }
    if (!create)
        return { action: 'none' };
    const created = await api.createComment(body);
    return { action: 'created', url: created.html_url };
}
/** The action's own comment carrying `marker`; pages are read only until it is found. */
async function findOwnComment(api, marker) {
    let viewer;
    const isOwn = async (comment) => {
        viewer ??= api.viewerLogin();
        const login = await viewer;
        const author = comment.user?.login;
        // GraphQL names the default token `github-actions`; its comments are by `github-actions[bot]`.
        return author === login || author === `${login}[bot]`;
    };
    for (let page = 1;; page++) {
        const comments = await api.listComments(page);
        for (const comment of comments) {
            // The action's own comments start with the marker; a quote of it elsewhere is not one.
            if (comment.body?.startsWith(marker) && (await isOwn(comment)))
                return comment;
        }
        if (comments.length < PAGE_SIZE)
            return undefined;
    }
}
/**
 * The hidden marker: one comment per (projectId, scanType, commentHeader), encoded so no
 * value can end the HTML comment.
 */
function commentMarker(projectId, scanType, header = '') {
    const headerPart = header ? ` header=${encodeURIComponent(header)}` : '';
    return `<!-- opsmx-ssd-gate project=${encodeURIComponent(projectId)} type=${encodeURIComponent(scanType)}${headerPart} -->`;
}
/**
 * The comment's GitHub calls, loaded only when a comment is to be written. Honours
 * GITHUB_API_URL and the proxy variables; retries server faults and waits out short rate
 * limits (see github-client.ts).
 */
async function createCommentsApi(token, pr, options) {
    const octokit = await createGitHubClient(token, options);
    const issue = { owner: pr.owner, repo: pr.repo, issue_number: pr.number };
    return {
        async listComments(page) {
            const { data } = await octokit.rest.issues.listComments({ ...issue, per_page: PAGE_SIZE, page });
            return data;
        },
        async createComment(body) {
            const { data } = await octokit.rest.issues.createComment({ ...issue, body });
            return data;
        },
        async updateComment(id, body) {
            try {
                const { data } = await octokit.rest.issues.updateComment({
                    owner: pr.owner,
                    repo: pr.repo,
                    comment_id: id,
                    body
                });
                return data;
            }
            catch (error) {
                if (error.status === 404)
                    return undefined;
                throw error;
            }
        },
        async viewerLogin() {
            const result = await octokit.graphql('query { viewer { login } }');
            return result.viewer.login;
        }
    };
}

;// CONCATENATED MODULE: external "node:fs/promises"
const external_node_fs_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/files.ts
/**
 * Files for later steps: the full SSD answer (`resultFile`) and the SARIF log (`sarifFile`).
 * Both are redacted like every other text the action writes.
 */





/**
 * Writes the answer under RUNNER_TEMP, named after the project, the scan and the step
 * (GITHUB_ACTION, unique within a job), so that a second gate step in the same job does
 * not overwrite the first one's file; returns its path.
 */
async function writeResultFile(text, projectId, scanId) {
    const safe = (id) => id.replace(/[^\w.-]+/g, '_').slice(0, 80);
    const step = process.env.GITHUB_ACTION ? `-${safe(process.env.GITHUB_ACTION)}` : '';
    const name = `${safe(projectId)}-${safe(scanId)}${step}.json`;
    const path = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), 'opsmx-ssd-gate', name);
    await (0,external_node_fs_promises_namespaceObject.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    // An exit: the guarantee for the result file; JSON-escaped forms went at arrival (see secrets.ts).
    await writeInChunks(path, redact(text));
    return path;
}
/**
 * Writes a large string through one reused buffer, a megabyte of text at a time: writing
 * it whole, or slice by slice as strings, would allocate a copy of the whole answer.
 */
async function writeInChunks(path, text) {
    const buffer = Buffer.allocUnsafe(WRITE_CHUNK * 3);
    const file = await (0,external_node_fs_promises_namespaceObject.open)(path, 'w');
    try {
        for (let at = 0; at < text.length;) {
            // Never split a surrogate pair between two chunks.
            const end = (0,src_text/* codePointBoundary */.Q5)(text, Math.min(text.length, at + WRITE_CHUNK));
            const bytes = buffer.write(text.slice(at, end), 'utf8');
            await file.write(buffer, 0, bytes);
            at = end;
        }
    }
    finally {
        await file.close();
    }
}
const WRITE_CHUNK = 1 << 20;
/** The checked-out repository: where relative paths start. */
function workspace() {
    return process.env.GITHUB_WORKSPACE || process.cwd();
}
/** Writes the SARIF log where the workflow asked (relative to the workspace); returns the absolute path. */
async function writeSarifFile(file, sarif) {
    const path = (0,external_node_path_.resolve)(workspace(), file);
    await (0,external_node_fs_promises_namespaceObject.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    await (0,external_node_fs_promises_namespaceObject.writeFile)(path, redact(JSON.stringify(sarif, null, 2))); // an exit (see secrets.ts)
    return path;
}

;// CONCATENATED MODULE: ./src/outputs.ts
/** The step's outputs, named in one place. Every value is redacted before it is written. */




/**
 * A job's outputs share 1 MB; `report` is capped at 65 KB, and a list output is cut to
 * this many bytes so that a huge answer cannot push the others out.
 */
const MAX_LIST_OUTPUT_BYTES = 256 * 1024;
function writeOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        const text = Array.isArray(value) ? listJson(name, value) : String(value);
        core.setOutput(name, redact(text)); // an exit: the guarantee for outputs (see secrets.ts)
    }
}
/** The list as JSON, the first items only when all would not fit (with a warning). */
function listJson(name, items) {
    const json = JSON.stringify(items);
    if (Buffer.byteLength(json) <= MAX_LIST_OUTPUT_BYTES)
        return json;
    let kept = items.length;
    while (kept > 0 && Buffer.byteLength(JSON.stringify(items.slice(0, kept))) > MAX_LIST_OUTPUT_BYTES) {
        kept = Math.floor(kept * 0.9);
    }
    warning(`The '${name}' output holds the first ${kept} of ${items.length} items, to stay within GitHub's output size limit; the full answer is in the 'resultFile' output.`);
    return JSON.stringify(items.slice(0, kept));
}
function waivedOutput(waived) {
    return waived.map((item) => {
        const { reason, expires } = item.waiver;
        const tool = scanName(item.scan);
        if (item.kind === 'check')
            return { kind: 'check', tool, check: item.check.name, reason, expires };
        const { rule, file, line } = item.finding;
        return {
            kind: 'finding',
            tool,
            ...(rule ? { rule } : {}),
            ...(file ? { file } : {}),
            ...(line !== undefined ? { line } : {}),
            reason,
            expires
        };
    });
}

;// CONCATENATED MODULE: ./src/budget.ts
/**
 * A size allowance that every part of a document draws from before it is added, so the
 * whole provably stays within a limit however many parts there are.
 *
 * Sizes are UTF-8 bytes: a text never has more characters (code points) nor UTF-16 units
 * than bytes, so a byte budget holds for GitHub's character limits whichever way they count.
 */
class Budget {
    #left;
    constructor(bytes) {
        this.#left = bytes;
    }
    /** Bytes still free. */
    get left() {
        return Math.max(0, this.#left);
    }
    /** Takes room for `text` and returns true, or takes nothing and returns false. */
    take(text) {
        const size = byteLength(text);
        if (size > this.#left)
            return false;
        this.#left -= size;
        return true;
    }
    /**
     * Takes room for text that must be added whether it fits or not (a headline); once the
     * budget is overdrawn nothing else fits.
     */
    spend(text) {
        this.#left -= byteLength(text);
    }
    /** Hands back room taken for `text` (a reservation that turned out larger than needed). */
    give(text) {
        this.#left += byteLength(text);
    }
}
function byteLength(text) {
    return Buffer.byteLength(text); // UTF-8, its default
}
/**
 * As many of `items` (at most `max`) as fit, one line each, then `more(n)` for the rest. Room
 * for `more` at its longest is taken first, so it always fits after the lines shown; nothing
 * at all when even that does not fit. Each line costs its text and a line break. `shown`:
 * how many items are listed.
 */
function takeLines(budget, items, render, more, max = Infinity) {
    // Stryker disable next-line ConditionalExpression: with no items the room taken is handed back and nothing listed; this skips the work
    if (items.length === 0)
        return { lines: [], shown: 0 };
    const longestMore = more(items.length) + '\n';
    if (!budget.take(longestMore))
        return { lines: [], shown: 0 };
    const lines = [];
    for (const item of items.slice(0, max)) {
        const line = render(item);
        if (!budget.take(line + '\n'))
            break;
        lines.push(line);
    }
    budget.give(longestMore);
    const shown = lines.length;
    if (shown < items.length) {
        const line = more(items.length - shown);
        budget.spend(line + '\n'); // no longer than the room handed back
        lines.push(line);
    }
    return { lines, shown };
}

;// CONCATENATED MODULE: ./src/markdown.ts
/**
 * Turning untrusted text into inert GitHub markdown: it cannot break a table, open an HTML
 * element, hide a comment marker, link where it likes, or notify a person or an issue.
 */



const ZERO_WIDTH_SPACE = '\u200b';
const MAX_URL_LENGTH = 2000;
/**
 * What would be markdown, HTML, a mention or a link in untrusted text, in one pattern, so
 * a long report is escaped in one pass per text:
 * - `&`, `<`, `>` become entities (no HTML, no hidden-marker look-alike);
 * - emphasis, code, link and image, strikethrough and table-cell characters get a backslash;
 * - @user, #123 and GH-123 would notify or cross-link, and a bare URL or e-mail address
 *   would be autolinked (a link to an issue cross-references it): a zero-width space breaks
 *   each, wherever it stands (GFM autolinks after `_`, `*`, `~` or `(` too, where a word
 *   boundary is not; and `a@.b` is an e-mail address to GFM).
 */
const UNSAFE = /[&<>\\`*_[\]|~!]|#(\d)?|@(?=[\w.-])|(GH)(?=-\d)|(https?|ftp):(?=\/\/)|(www)\./gi;
/**
 * What would open a block when the text starts a line (a caveat under `> `, a list item's
 * text): a list marker (`-`, `+`, `1.`, `1)`), or a line of `=` or `-` that would turn the
 * line above into a heading. `*`, `#`, `>` and fences are escaped anywhere already.
 */
const BLOCK_START = /^(?:[-+](?= |$)|=+$|-+$|\d{1,9}(?=[.)](?: |$)))/;
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
function escapeMatch(match, digit, gh, scheme, www) {
    if (match[0] === '#')
        return `\\#${digit ? ZERO_WIDTH_SPACE + digit : ''}`;
    if (match === '@')
        return `@${ZERO_WIDTH_SPACE}`;
    if (gh)
        return gh + ZERO_WIDTH_SPACE;
    if (scheme)
        return `${scheme}:${ZERO_WIDTH_SPACE}`;
    if (www)
        return `${www}${ZERO_WIDTH_SPACE}.`;
    return ENTITIES[match] ?? `\\${match}`;
}
/**
 * One line of literal text, safe inside a table cell or a heading, cut to `maxLength`
 * (before escaping) on a character boundary.
 */
function escapeText(value, maxLength = 300) {
    // Redacted first: escaping would hide a secret from the exits' redaction, cutting would leave
    // part of it (see secrets.ts).
    const flat = redact(value)
        .toWellFormed()
        .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
        .trim();
    return (0,src_text/* cutText */.IN)(flat, maxLength)
        .replace(UNSAFE, escapeMatch)
        .replace(BLOCK_START, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));
}
/**
 * A markdown link destination for an http(s) URL, or undefined for any other URL, so data
 * can never produce a `javascript:` or relative link, nor cross-reference an issue. The characters that would end the
 * destination or split a table cell are percent-encoded.
 */
function safeUrl(value) {
    // A URL that carries a secret is not linked (its text is shown redacted).
    if (carriesSecret(value))
        return undefined;
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    if (url.username || url.password || url.href.length > MAX_URL_LENGTH)
        return undefined;
    // Linking an issue, pull request or discussion would add a "mentioned this" event to it.
    if (/^\/[^/]+\/[^/]+\/(issues|pull|discussions)\/\d/i.test(url.pathname))
        return undefined;
    // Each of these characters is above U+001F: two hex digits.
    return url.href.replace(/[()|\\<>"`[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** `[text](url)` when the URL is http(s), else the escaped text alone. */
function linkOrText(text, url, maxLength) {
    const label = escapeText(text, maxLength);
    const href = safeUrl(url);
    return href ? `[${label}](${href})` : label;
}
function carriesSecret(value) {
    let decoded = value;
    try {
        decoded = decodeURIComponent(value);
    }
    catch {
        // not percent-encoded text: the value as it is
    }
    return redact(value) !== value || redact(decoded) !== decoded;
}
/** A commit's short SHA, linked to its page on GitHub when the repository is known. */
function commitLink(sha, repositoryUrl) {
    // Stryker disable next-line StringLiteral: without a repository any non-http text is no link either
    return linkOrText(shortSha(sha), repositoryUrl ? `${repositoryUrl}/commit/${sha}` : '');
}
/**
 * A score as SSD wrote it (`2.4`), or rounded when that is too long to show: never cut,
 * since `3.3333333333333334e…` would read as 3.3.
 */
function shownScore(text, score) {
    if (text.length <= MAX_SCORE_LENGTH)
        return escapeText(text, MAX_SCORE_LENGTH);
    // Six digits are enough; a huge number rounded still prints in full (1e20 has 21 digits).
    const rounded = String(Number(score.toPrecision(6)));
    return escapeText(rounded.length <= MAX_SCORE_LENGTH ? rounded : score.toExponential(4), MAX_SCORE_LENGTH);
}
const MAX_SCORE_LENGTH = 20;
/** A block folded away under a one-line summary; blank lines keep a table inside it a table. */
function folded(summary, block) {
    return `<details><summary>${summary}</summary>\n\n${block}\n\n</details>`;
}

;// CONCATENATED MODULE: ./src/report-comparison.ts


function renderComparison(view) {
    const { comparison, listed } = view;
    if (!comparison)
        return view.unavailable ? `ℹ️ ${escapeText(view.unavailable, 400)}` : '';
    const base = escapeText(comparison.baseBranch, 100);
    const parts = [scoreAgainstBase(view, comparison, base)];
    const { worseChecks, newFindings } = comparison;
    if (worseChecks.length > 0) {
        const names = worseChecks
            .slice(0, listed)
            .map((check) => `${escapeText(check.name, 80)} ${check.baseScore} → ${check.score}`);
        const more = worseChecks.length - names.length;
        if (more > 0 && names.length > 0)
            names.push(`${more.toLocaleString('en-US')} more`);
        parts.push(`**${(0,src_text/* plural */.LS)(worseChecks.length, 'check')} scored lower than on ${base}**${names.length ? `: ${names.join(' · ')}` : '.'}`);
    }
    if (newFindings.length > 0) {
        const rows = newFindings.slice(0, listed).map(view.finding.row);
        const which = rows.length === 0 ? '.' : rows.length < newFindings.length ? ` (the ${rows.length} most severe):` : ':';
        const sorted = rows.length ? `\n\n${[view.finding.head, ...rows].join('\n')}` : '';
        parts.push(`**${(0,src_text/* plural */.LS)(newFindings.length, 'finding')} new in this pull request**${which}${sorted}`);
    }
    else if (worseChecks.length === 0) {
        parts.push(`No check scored lower and no finding is new against ${base}.`);
    }
    return parts.join('\n\n');
}
/** `**Against main** (commit abcdef0): 6.1, down 0.7 from main's 6.8.` */
function scoreAgainstBase(view, comparison, base) {
    const commit = comparison.baseCommit ? ` (commit ${commitLink(comparison.baseCommit, view.repositoryUrl)})` : '';
    const { scoreDelta, baseScoreText } = comparison;
    const { baseScore } = comparison;
    if (scoreDelta === undefined || view.score.value === undefined || baseScore === undefined) {
        const theirs = baseScore !== undefined ? ` (${base}'s is ${shownScore(baseScoreText, baseScore)})` : '';
        return `**Against ${base}**${commit}: no score to compare${theirs}.`;
    }
    const now = shownScore(view.score.text, view.score.value);
    const was = shownScore(baseScoreText, baseScore);
    const change = scoreDelta < 0 ? `down ${-scoreDelta} from` : scoreDelta > 0 ? `up ${scoreDelta} from` : 'the same as';
    return `**Against ${base}**${commit}: ${now}, ${change} ${base}'s ${was}.`;
}

;// CONCATENATED MODULE: ./src/report-findings.ts



/** Findings of a scan shown before the rest are folded away. */
const SHOWN_FINDINGS = 20;
const FINDING_HEAD = '| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |';
const SEVERITY_MARK = { critical: '🟥', high: '🟧', medium: '🟨', low: '⬜', info: '▫️' };
function fileLinks(context) {
    return context.repositoryUrl && context.scannedCommit
        ? { repositoryUrl: context.repositoryUrl, commit: context.scannedCommit }
        : undefined;
}
/** The file's line on GitHub, for a path inside the repository only (see repositoryPath). */
function blobUrl(links, finding) {
    const path = repositoryPath(finding);
    if (path === undefined)
        return undefined;
    const { line } = finding;
    const anchor = line !== undefined && Number.isInteger(line) && line >= 1 ? `#L${line}` : '';
    return `${links.repositoryUrl}/blob/${links.commit}/${path.split('/').map(encodeURIComponent).join('/')}${anchor}`;
}
/** `🟧 high (ERROR)`: the normalised severity, then the tool's word when it differs. */
function severityLabel(finding) {
    const word = finding.severity ?? 'unknown';
    const label = finding.severityText.trim().toLowerCase() === word ? '' : ` (${escapeText(finding.severityText, 20)})`;
    return `${SEVERITY_MARK[word] ?? '▫️'} ${word}${label}`;
}
/** `src/a.js:3`, linked to that line when it can be; '' when the finding names no place. */
function findingLocation(finding, links) {
    const place = finding.file ? `${finding.file}${finding.line !== undefined ? `:${finding.line}` : ''}` : '';
    if (!place)
        return '';
    const url = links ? blobUrl(links, finding) : undefined;
    return linkOrText(place, url ?? '', 150);
}
/** `| 🟧 high (ERROR) | rule | [src/a.js:3](…#L3) | message |` */
function renderFinding(finding, links) {
    return `| ${severityLabel(finding)} | ${escapeText(finding.rule, 100)} | ${findingLocation(finding, links)} | ${escapeText(finding.message)} |`;
}
/** `2 high, 1 medium`, most severe first. */
function severityBreakdown(findings) {
    const counts = new Map();
    for (const finding of findings) {
        const word = finding.severity ?? 'unknown';
        counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return [...SEVERITIES, 'unknown']
        .filter((word) => counts.has(word))
        .map((word) => `${counts.get(word)} ${word}`)
        .join(', ');
}
/**
 * One line near the top: how many findings there are, which of them are new, already on the
 * base branch or waived, and where to read all of them.
 */
function findingsOverview(scans, decision, fullListAt) {
    const findings = scans.flatMap((scan) => scan.findings);
    if (findings.length === 0)
        return '';
    const waived = findings.filter((finding) => decision.waivedFindings.has(finding)).length;
    const onBase = findings.filter((f) => decision.baseFindings.has(f) && !decision.waivedFindings.has(f)).length;
    const { scope } = decision;
    const split = scope.kind === 'new'
        ? [
            `${(findings.length - waived - onBase).toLocaleString('en-US')} new in this pull request`,
            onBase ? `${onBase.toLocaleString('en-US')} already on ${escapeText(scope.baseBranch, 100)}` : ''
        ]
        : [];
    // Nothing to tell apart when every finding is new (the comparison says so) and none is waived.
    const parts = onBase + waived > 0 ? [...split, waived ? `${waived.toLocaleString('en-US')} waived` : ''].filter(Boolean) : [];
    const folding = scans.some((scan) => scan.findings.length > SHOWN_FINDINGS);
    const counts = `**${(0,src_text/* plural */.LS)(findings.length, 'finding')}** (${severityBreakdown(findings)})`;
    const order = parts.length ? `: ${parts.join(', ')}. Most severe first` : ', most severe first';
    const folds = folding ? `; past the first ${SHOWN_FINDINGS} of a scan they are folded away` : '';
    return `${counts}${order}${folds}. Every finding is in ${fullListAt}.`;
}
function moreFindingsSummary(count) {
    return `${(0,src_text/* plural */.LS)(count, 'more finding')}, less severe`;
}
/** The fold of a scan's findings already on the base branch: they never fail the pull request. */
function baseFindingsSummary(count, baseBranch) {
    const they = count === 1 ? 'it does' : 'they do';
    return `${(0,src_text/* plural */.LS)(count, 'finding')} already on ${escapeText(baseBranch ?? 'the base branch', 100)}: ${they} not fail this pull request`;
}

// EXTERNAL MODULE: ./src/waiver-outcome.ts
var waiver_outcome = __nccwpck_require__(1718);
;// CONCATENATED MODULE: ./src/report-waivers.ts
/**
 * The report's waiver parts, pure and bounded by the report's budget: the waivers a pull
 * request adds or changes (right under the verdict, so the reviewer sees that the pull
 * request accepts a risk of its own), and the folded "Waived" group, each waived finding or
 * check with its reason, end date and approver.
 */






/** Waivers listed by name before the rest are counted. */
const LISTED_WAIVERS = 10;
const WAIVED_HEAD = '| Waived | What | Reason | Until | Approved by |\n| --- | --- | --- | --- | --- |';
/**
 * `2027-03-31`, or `2026-12-09 (5 days left)` when the end is within two weeks, or
 * `(expired)` for one past its end (a pull request may add one).
 */
function until(waiver, today) {
    const left = today ? (0,waiver_outcome/* daysBetween */.YM)(today, waiver.expires) : undefined;
    const soon = left === undefined || left > waiver_outcome/* EXPIRY_WARNING_DAYS */.fd
        ? ''
        : left < 0
            ? ' (expired)'
            : left === 0
                ? ' (last day)'
                : ` (${(0,src_text/* plural */.LS)(left, 'day')} left)`;
    return `${escapeText(waiver.expires, 10)}${soon}`;
}
/**
 * `> [!IMPORTANT]` with the waivers this pull request adds or changes, or '' when none (or
 * when not even the first line fits).
 */
function renderAddedWaivers(added, file, today, budget) {
    if (added.length === 0)
        return '';
    const intro = `> [!IMPORTANT]\n> This pull request adds or changes ${(0,src_text/* plural */.LS)(added.length, 'waiver')} in ${escapeText(file, 200)}; a reviewer should agree to each:`;
    if (!budget.take(intro + '\n\n'))
        return '';
    const { lines } = takeLines(budget, added, (waiver) => `> - ${escapeText((0,waiver_outcome/* describeWaiver */.kr)(waiver), 400)}: ${escapeText(waiver.reason, 300)}; until ${until(waiver, today)}` +
        `${waiver.approvedBy ? `; approved by ${escapeText(waiver.approvedBy, 100)}` : ''} (entry ${waiver.entry}, line ${waiver.line})`, (count) => `> - and ${(0,src_text/* plural */.LS)(count, 'more waiver')}, in the file`, LISTED_WAIVERS);
    return [intro, ...lines].join('\n');
}
/** One row of the Waived table. */
function renderWaivedRow(item, view) {
    const tool = escapeText(scanName(item.scan), 60);
    const what = item.kind === 'finding'
        ? [tool, escapeText(item.finding.rule, 150), findingLocation(item.finding, view.links)]
            .filter(Boolean)
            .join(' · ')
        : `${tool} · ${escapeText(item.check.name, 100)} (score ${item.check.score ?? '?'})`;
    const { waiver } = item;
    const approved = waiver.approvedBy ? escapeText(waiver.approvedBy, 100) : '';
    return `| 🏳️ ${item.kind} | ${what} | ${escapeText(waiver.reason, 300)} | ${until(waiver, view.today)} | ${approved} |`;
}
/** `2 findings and 1 check`. */
function countWaived(waived) {
    const findings = waived.filter((item) => item.kind === 'finding').length;
    const checks = waived.length - findings;
    return [findings ? (0,src_text/* plural */.LS)(findings, 'finding') : '', checks ? (0,src_text/* plural */.LS)(checks, 'check') : '']
        .filter(Boolean)
        .join(' and ');
}
/**
 * The folded Waived group and, when a waived check scores below the threshold, the line
 * saying SSD's aggregate still counts it. `shownFindings`: the waived findings listed (they
 * appear nowhere else in the report).
 */
function renderWaived(view, budget) {
    const { waived } = view;
    if (waived.length === 0)
        return { text: '', shownFindings: 0 };
    const they = waived.length === 1 ? 'it does not fail the step until its' : 'they do not fail the step until their';
    const summary = `🏳️ ${countWaived(waived)} waived: ${they} end date`;
    const shell = folded(summary, WAIVED_HEAD);
    if (!budget.take(shell + '\n\n'))
        return { text: '', shownFindings: 0 };
    const rows = takeLines(budget, waived, (item) => renderWaivedRow(item, view), (count) => `| | ${(0,src_text/* plural */.LS)(count, 'more waived item')}, not shown here | | | |`);
    const shownFindings = waived.slice(0, rows.shown).filter((item) => item.kind === 'finding').length;
    const parts = [folded(summary, [WAIVED_HEAD, ...rows.lines].join('\n'))];
    const low = waived.filter((item) => item.kind === 'check' && item.check.score !== null && item.check.score < view.threshold);
    if (low.length > 0) {
        const names = low
            .slice(0, 3)
            .map((item) => (item.kind === 'check' ? escapeText(item.check.name, 60) : ''))
            .join(', ');
        const note = `ℹ️ ${names}${low.length > 3 ? ` and ${(0,src_text/* plural */.LS)(low.length - 3, 'more')}` : ''} ${low.length === 1 ? 'is' : 'are'} waived but still ${low.length === 1 ? 'scores' : 'score'} below the threshold ${view.threshold} in SSD's aggregate score: the score is SSD's, and is gated as it is.`;
        if (budget.take(note + '\n\n'))
            parts.push(note);
    }
    return { text: parts.join('\n\n'), shownFindings };
}

;// CONCATENATED MODULE: ./src/report.ts
/**
 * The markdown report: a pure function of the scans and the decision. The same text is
 * the PR comment (under its hidden marker), the job summary and the `report` output, each
 * within its size limit. Above the tables: the verdict, the waivers a pull request adds,
 * what broke, what changed against the base branch, what was waived, which commit the
 * result is of. Then each scan: its checks in groups (failing, waived, inconclusive,
 * passing), its findings most severe first (those already on the base branch folded apart),
 * and anything else as a compact table of its fields.
 */








/** Between the report's blocks, and between a table's rows. */
const BLOCK_GAP = '\n\n';
const ROW_GAP = '\n';
/** Broken and unmatched rules named in the headline; the rest are counted (the table shows them). */
const HEADLINE_ITEMS = 10;
const GENERIC_COLUMNS = 4;
/**
 * The report within `limits.maxBytes` (UTF-8 bytes, so within as many characters too):
 * every part takes its room from one budget before it is added, so the whole fits however
 * many scans, rules, rows or columns the answer has. First the headline, the footer and
 * room for the note on what was left out; then the comparison with the base branch; then
 * scans in answer order while their headings and table heads fit; then rows, worst first,
 * while they fit. Only the rows kept are rendered, so a huge answer costs a sort of
 * numbers, not a rendering of everything. The one thing that cannot be cut is the
 * headline's fixed part (title, verdict, ids): a limit smaller than that is exceeded.
 */
function renderReport(scans, decision, context, limits) {
    const budget = new Budget(limits.maxBytes - ROW_GAP.length); // the final newline
    const { threshold } = decision.policy;
    const links = fileLinks(context);
    const headline = renderHeadline(scans, decision, context);
    for (const block of headline)
        budget.spend(block + BLOCK_GAP);
    const foot = renderFoot(context);
    const showFoot = budget.take(foot + BLOCK_GAP);
    const total = scans.reduce((sum, scan) => sum + resultCount(scan), 0);
    // The note's text grows with its numbers: room for the largest it can say, handed back at the end.
    const longestNote = leftOutNote(total, scans.length, limits.fullResultsAt);
    const noteRoom = budget.take(longestNote + BLOCK_GAP);
    const baseBranch = context.comparison?.baseBranch;
    const problems = renderProblems(decision, baseBranch, budget);
    const added = renderAddedWaivers(context.addedWaivers ?? [], context.waiversFile ?? '', context.today, budget);
    const comparison = renderComparisonWithin(budget, context, decision, links);
    const waived = renderWaived({ waived: decision.waived, today: context.today, threshold, links }, budget);
    const sections = [];
    for (const scan of scans) {
        const heading = renderScanHeading(scan);
        const columns = genericColumns(scan.others);
        if (!budget.take(heading + BLOCK_GAP + tableHeads(scan, columns, threshold, baseBranch)))
            break;
        const rows = {
            failing: [],
            waived: [],
            inconclusive: [],
            passing: [],
            findings: [],
            moreFindings: [],
            baseFindings: [],
            others: []
        };
        sections.push({ scan, heading, columns, rows });
    }
    // Waived findings are listed in the Waived group only.
    let shown = waived.shownFindings;
    for (const row of rankRows(sections, decision, links)) {
        const text = row.render();
        if (!budget.take(text + ROW_GAP))
            break;
        const { rows } = row.section;
        // Rows come most severe first, so a scan's first findings are its worst.
        const table = row.table === 'findings' && rows.findings.length >= SHOWN_FINDINGS ? 'moreFindings' : row.table;
        rows[table].push(text);
        shown++;
    }
    let note = '';
    if (noteRoom) {
        budget.give(longestNote + BLOCK_GAP);
        note = leftOutNote(total - shown, scans.length - sections.length, limits.fullResultsAt);
        budget.spend(note + BLOCK_GAP); // no longer than the longest note, so within what was handed back
    }
    const [title, verdict, overview, scope, subject, caveat] = headline;
    // The caveat comes right after the verdict: a result not proved to be of this commit is read
    // as such; then the waivers the pull request adds, which its reviewer must agree to.
    const head = [title, verdict, caveat, added, problems, overview, comparison, scope, waived.text, subject]
        .filter(Boolean)
        .join(BLOCK_GAP);
    const body = sections.map((section) => renderSection(section, threshold, baseBranch));
    return [head, ...body, note, showFoot ? foot : ''].filter(Boolean).join(BLOCK_GAP) + ROW_GAP;
}
/** What was left out, or '' when nothing was; longer for larger numbers. */
function leftOutNote(results, scans, fullResultsAt) {
    const left = [results > 0 ? `${(0,src_text/* plural */.LS)(results, 'more result')}` : '', scans > 0 ? (0,src_text/* plural */.LS)(scans, 'more scan') : ''];
    const parts = left.filter(Boolean);
    if (parts.length === 0)
        return '';
    const verb = results + scans === 1 ? 'is' : 'are';
    return `> [!NOTE]\n> ${parts.join(' and ')} ${verb} not shown here to stay within GitHub's size limit; the full results are in ${fullResultsAt}.`;
}
/** The title of every report, a result or none: the gate's name and the step's header. */
function renderTitle(status, header) {
    return `## ${status}${header ? ` · ${escapeText(header, 80)}` : ''}`;
}
/**
 * The headline's fixed blocks: title, verdict, the findings overview, which findings count,
 * subject and caveat. Each is bounded in size.
 */
function renderHeadline(scans, decision, context) {
    const title = decision.passed
        ? '✅ OpsMx SSD gate passed'
        : softenedByWarnOnly(decision, context.warnOnly)
            ? '⚠️ OpsMx SSD gate failed (warning only)'
            : '❌ OpsMx SSD gate failed';
    const { threshold } = decision.policy;
    const scored = scans.filter((scan) => scan.score !== undefined).length;
    const verdict = decision.score === undefined
        ? `The scan completed without a score, so there is nothing to gate on.`
        : `Score **${shownScore(decision.scoreText, decision.score)}** out of 10 ${decision.score >= threshold ? 'meets' : 'is below'} the threshold **${threshold}**${scored > 1 ? ` (the lowest of ${scored} scans)` : ''}${decision.baseBelowThreshold ? `; ${escapeText(decision.baseBelowThreshold, 400)}` : ''}.`;
    const subject = [
        `Project ${escapeText(context.projectId, 80)}`,
        escapeText(context.repository, 100),
        `branch ${escapeText(context.branch, 255)}`,
        `scan ${escapeText(context.scanId, 80)}`,
        escapeText(context.scanType, 40),
        context.scannedCommit ? `commit ${commitLink(context.scannedCommit, context.repositoryUrl)}` : ''
    ]
        .filter(Boolean)
        .join(' · ');
    const caveat = context.caveat ? `> [!WARNING]\n> ${escapeText(context.caveat, 500)}` : '';
    const hasFindings = scans.some((scan) => scan.findings.length > 0);
    const { scope } = decision;
    const scopeLine = hasFindings && scope.kind === 'all' && scope.why ? `ℹ️ ${escapeText(scope.why, 400)}` : '';
    return [
        renderTitle(title, context.header),
        `${verdict}${checkCounts(scans, decision)}${ratingNote(context.rating)}`,
        findingsOverview(scans, decision, context.fullListAt),
        scopeLine,
        subject,
        caveat
    ];
}
/** ` SSD rates this scan high risk.`: SSD's verdict, beside the gate's; '' when SSD gave none. */
function ratingNote(rating) {
    return rating ? ` SSD rates this scan ${describeRating(rating)}.` : '';
}
/** ` 8 of 12 checks fail; 1 is waived; 2 are inconclusive.`, ` All 12 checks pass.`, or '' without checks. */
function checkCounts(scans, decision) {
    const counts = { failing: 0, waived: 0, inconclusive: 0, passing: 0 };
    for (const scan of scans) {
        for (const check of scan.checks)
            counts[checkVerdict(check, decision.policy, decision.waivedChecks).status]++;
    }
    const total = counts.failing + counts.waived + counts.inconclusive + counts.passing;
    if (total === 0)
        return '';
    const are = (count, what) => count > 0 ? `${count} ${count === 1 ? 'is' : 'are'} ${what}` : '';
    const besides = [are(counts.waived, 'waived'), are(counts.inconclusive, 'inconclusive')].filter(Boolean).join('; ');
    if (counts.failing === 0) {
        if (!besides)
            return total === 1 ? ' The one check passes.' : ` All ${total} checks pass.`;
        return ` No check fails; ${besides}.`;
    }
    return ` ${counts.failing} of ${(0,src_text/* plural */.LS)(total, 'check')} ${counts.failing === 1 ? 'fails' : 'fail'}${besides ? `; ${besides}` : ''}.`;
}
/**
 * Why the gate failed, one line each: the first few broken and unmatched rules by name and
 * the rest counted (every failing check is in the table), drawn from the budget.
 */
function renderProblems(decision, baseBranch, budget) {
    if (!budget.take(BLOCK_GAP))
        return '';
    const onBase = baseBranch ? ` (${predates(escapeText(baseBranch, 100))})` : '';
    const { lines } = takeLines(budget, decision.ruleBreaks, (broken) => `- ❌ ${describeRuleBreak(broken, (text) => escapeText(text, 100))}${broken.onBase ? onBase : ''}`, (count) => `- ❌ ${(0,src_text/* plural */.LS)(count, 'more check')} broke their checkThresholds rule (see the tables)`, HEADLINE_ITEMS);
    const floor = decision.policy.failOnSeverity;
    const oneLine = (line) => {
        if (budget.take(line + ROW_GAP))
            lines.push(line);
    };
    if (decision.severeFindings > 0) {
        oneLine(`- ❌ ${severeFindingsLine(decision.severeFindings, decision.scope, floor)} (failOnSeverity)`);
    }
    if (decision.scoreDrop)
        oneLine(`- ❌ ${escapeText(decision.scoreDrop, 300)}`);
    const unmatched = takeLines(budget, decision.unmatchedRules, (rule) => `- ⚠️ checkThresholds names ${escapeText(rule.text, 100)}, but no check in the answer has that name`, (count) => `- ⚠️ ${(0,src_text/* plural */.LS)(count, 'more checkThresholds rule')} name no check in the answer`, HEADLINE_ITEMS);
    lines.push(...unmatched.lines);
    return lines.join(ROW_GAP);
}
/** The comparison with the base branch, its lists while they fit, else its counts alone (small and bounded). */
function renderComparisonWithin(budget, context, decision, links) {
    const render = (listed) => renderComparison({
        comparison: context.comparison,
        unavailable: context.baseUnavailable,
        score: { value: decision.score, text: decision.scoreText },
        repositoryUrl: context.repositoryUrl,
        finding: { head: FINDING_HEAD, row: (finding) => renderFinding(finding, links) },
        listed
    });
    const full = render(HEADLINE_ITEMS);
    if (!full || budget.take(full + BLOCK_GAP))
        return full;
    const counts = render(0);
    return budget.take(counts + BLOCK_GAP) ? counts : '';
}
function renderFoot(context) {
    const parts = [
        context.commit ? `commit ${escapeText(context.commit, 12)}` : '',
        context.runUrl ? linkOrText('workflow run', context.runUrl) : '',
        context.time ? escapeText(context.time, 40) : ''
    ].filter(Boolean);
    return parts.length ? `<sub>Updated for ${parts.join(' · ')}</sub>` : '';
}
/**
 * Every row of the shown scans, worst first: failing checks and critical/high findings,
 * then waived and inconclusive checks and medium findings, then the rest, then the findings
 * already on the base branch. Waived findings are left to the Waived group.
 */
function rankRows(sections, decision, links) {
    const rows = [];
    const TIER = { failing: 0, waived: 1, inconclusive: 1, passing: 2 };
    for (const section of sections) {
        for (const check of section.scan.checks) {
            const verdict = checkVerdict(check, decision.policy, decision.waivedChecks);
            rows.push({
                section,
                tier: TIER[verdict.status],
                order: check.score ?? 0,
                table: verdict.status,
                render: () => renderCheck(check, verdict, decision.waivedChecks.get(check))
            });
        }
        for (const finding of section.scan.findings) {
            if (decision.waivedFindings.has(finding))
                continue;
            const rank = severityRank(finding);
            const onBase = decision.baseFindings.has(finding);
            rows.push({
                section,
                tier: onBase ? 3 : rank <= 1 ? 0 : rank === 2 ? 1 : 2,
                order: rank,
                table: onBase ? 'baseFindings' : 'findings',
                render: () => renderFinding(finding, links)
            });
        }
        // Items with no scalar field at all have nothing to show; they count as left out.
        for (const item of section.columns.length > 0 ? section.scan.others : []) {
            rows.push({ section, tier: 2, order: 99, table: 'others', render: () => renderGeneric(item, section.columns) });
        }
    }
    return rows.sort((a, b) => a.tier - b.tier || a.order - b.order);
}
const CHECK_MARK = { failing: '❌', waived: '🏳️', inconclusive: '❔', passing: '✅' };
function renderCheck(check, verdict, waiver) {
    const score = check.score === null ? '?' : String(check.score);
    const rule = verdict.rule ? `**rule ${escapeText(verdict.rule, 100)}** · ` : '';
    const waived = verdict.status === 'waived' && waiver ? `waived until ${escapeText(waiver.expires, 10)} · ` : '';
    return `| ${CHECK_MARK[verdict.status]} | ${linkOrText(check.name, check.url, 100)} | ${score} | ${rule}${waived}${escapeText(check.reason)} |`;
}
/** The fields the first items have, up to a few, as the generic table's columns. */
function genericColumns(items) {
    const columns = new Set();
    for (const item of items.slice(0, 20)) {
        for (const key of item.keys())
            if (columns.size < GENERIC_COLUMNS)
                columns.add(key);
    }
    return [...columns];
}
function renderGeneric(item, columns) {
    return `| ${columns.map((column) => escapeText(item.get(column) ?? '', 120)).join(' | ')} |`;
}
function renderScanHeading(scan) {
    const title = [
        escapeText(scanName(scan), 60),
        scan.version ? escapeText(scan.version, 40) : '',
        scan.score !== undefined ? `· score ${shownScore(scan.scoreText, scan.score)}` : ''
    ]
        .filter(Boolean)
        .join(' ');
    const parts = [`### ${title}`];
    if (scan.error.trim())
        parts.push(`> ${escapeText(scan.error, 500)}`);
    if (scan.findings.length > 0)
        parts.push(`${(0,src_text/* plural */.LS)(scan.findings.length, 'finding')}: ${severityBreakdown(scan.findings)}`);
    if (resultCount(scan) === 0)
        parts.push('_No results in this scan._');
    return parts.join(BLOCK_GAP);
}
const CHECK_HEAD = '| | Check | Score | Reason |\n| --- | --- | ---: | --- |';
const INCONCLUSIVE_INTRO = '**Inconclusive**: the tool could not score these; they do not count as failing.';
const WAIVED_INTRO = '**Waived**: these would fail; a waiver takes them out of the gate until its end date.';
function genericHead(columns) {
    return `| ${columns.map((column) => escapeText(column, 40)).join(' | ')} |\n|${' --- |'.repeat(columns.length)}`;
}
function passingSummary(count, threshold) {
    return `${count} ${count === 1 ? 'check passes' : 'checks pass'} (threshold ${threshold})`;
}
/**
 * Everything a scan's section may add around its rows, at its largest: each table head it
 * could show (checks four times: failing, waived, inconclusive, passing; findings three
 * times: shown, folded, and already on the base branch), the intro lines and the folds.
 */
function tableHeads(scan, columns, threshold, baseBranch) {
    const heads = [];
    const { length: checks } = scan.checks;
    const { length: findings } = scan.findings;
    if (checks > 0) {
        heads.push(CHECK_HEAD, WAIVED_INTRO + BLOCK_GAP + CHECK_HEAD, INCONCLUSIVE_INTRO + BLOCK_GAP + CHECK_HEAD);
        heads.push(folded(longest(passingSummary(1, threshold), passingSummary(checks, threshold)), CHECK_HEAD));
    }
    if (findings > 0) {
        const more = longest(moreFindingsSummary(1), moreFindingsSummary(findings));
        const onBase = longest(baseFindingsSummary(1, baseBranch), baseFindingsSummary(findings, baseBranch));
        heads.push(FINDING_HEAD, folded(more, FINDING_HEAD), folded(onBase, FINDING_HEAD));
    }
    if (columns.length > 0)
        heads.push(genericHead(columns));
    return heads.map((head) => BLOCK_GAP + head).join('');
}
/** The longest of a summary's wordings: one (`1 check passes`) can be longer than many (`3 checks pass`). */
function longest(...texts) {
    return texts.reduce((a, b) => (b.length > a.length ? b : a));
}
function renderSection(section, threshold, baseBranch) {
    const { heading, rows, columns } = section;
    const table = (head, lines) => [head, ...lines].join(ROW_GAP);
    const parts = [heading];
    if (rows.failing.length > 0)
        parts.push(table(CHECK_HEAD, rows.failing));
    if (rows.waived.length > 0)
        parts.push(WAIVED_INTRO + BLOCK_GAP + table(CHECK_HEAD, rows.waived));
    if (rows.inconclusive.length > 0)
        parts.push(INCONCLUSIVE_INTRO + BLOCK_GAP + table(CHECK_HEAD, rows.inconclusive));
    if (rows.passing.length > 0) {
        const passing = table(CHECK_HEAD, rows.passing);
        const attention = rows.failing.length + rows.waived.length + rows.inconclusive.length > 0;
        parts.push(attention ? folded(passingSummary(rows.passing.length, threshold), passing) : passing);
    }
    if (rows.findings.length > 0)
        parts.push(table(FINDING_HEAD, rows.findings));
    if (rows.moreFindings.length > 0) {
        parts.push(folded(moreFindingsSummary(rows.moreFindings.length), table(FINDING_HEAD, rows.moreFindings)));
    }
    if (rows.baseFindings.length > 0) {
        const summary = baseFindingsSummary(rows.baseFindings.length, baseBranch);
        parts.push(folded(summary, table(FINDING_HEAD, rows.baseFindings)));
    }
    if (rows.others.length > 0)
        parts.push(table(genericHead(columns), rows.others));
    return parts.join(BLOCK_GAP);
}
/**
 * The report of a run that ended without a result (bad input, timeout, SSD fault), within
 * `maxBytes` like the full report: the same title (with the step's header) and footer
 * (commit, run link) as a result's, and the message's lines while they fit.
 */
function renderFailure(message, maxBytes, context = {}) {
    const budget = new Budget(maxBytes - ROW_GAP.length);
    const title = renderTitle('❌ OpsMx SSD gate: no result', context.header);
    budget.spend(title + BLOCK_GAP);
    const foot = renderFoot(context);
    const showFoot = budget.take(BLOCK_GAP + foot);
    const lines = message.split('\n');
    // Room for the "and N more" line at its longest, so it always fits after the lines shown.
    const reserved = budget.take(`${moreLines(lines.length)}<br>\n`);
    const shown = [];
    for (const line of lines) {
        const escaped = escapeText(line, 2000);
        if (!budget.take(`${escaped}<br>\n`))
            break;
        shown.push(escaped);
    }
    if (reserved && shown.length < lines.length)
        shown.push(moreLines(lines.length - shown.length));
    const footer = showFoot && foot ? `${BLOCK_GAP}${foot}` : '';
    return `${title}${BLOCK_GAP}${shown.join('<br>\n')}${footer}\n`;
}
function moreLines(count) {
    return `… and ${(0,src_text/* plural */.LS)(count, 'more line')}, in the step's log`;
}

;// CONCATENATED MODULE: ./src/sarif.ts
/**
 * The result as SARIF 2.1.0, for GitHub code scanning (upload it with
 * github/codeql-action/upload-sarif). A pure function: one run per scan, one rule per
 * check, one result per failing check, one result per finding; a waived check or finding
 * carries SARIF's suppression, with the waiver's reason.
 */




/** OpenSSF Scorecard's risk levels: Critical and High are errors, Medium a warning, Low a note. */
const RISK = {
    error: [
        'Dangerous-Workflow',
        'Binary-Artifacts',
        'Branch-Protection',
        'Code-Review',
        'Dependency-Update-Tool',
        'Maintained',
        'Signed-Releases',
        'Token-Permissions',
        'Vulnerabilities',
        'Webhooks'
    ],
    // Stryker disable next-line ArrayDeclaration,StringLiteral: a check not in the table is a warning too; the row is Scorecard's table as written
    warning: ['Fuzzing', 'Packaging', 'Pinned-Dependencies', 'SAST', 'Security-Policy'],
    note: ['CI-Tests', 'CII-Best-Practices', 'Contributors', 'License']
};
const CHECK_RISK = new Map(Object.entries(RISK).flatMap(([level, names]) => names.map((name) => [name.toLowerCase(), level])));
/** GitHub shows the first 5,000 results of a run and refuses runs of more than 25,000. */
const MAX_RESULTS_PER_RUN = 5000;
const FINDING_LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'note'
};
/** Scorecard's checks are about the repository, not a line: the alert points at its root. */
const REPOSITORY_LOCATION = {
    physicalLocation: { artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } }
};
function checkLevel(name) {
    return CHECK_RISK.get(name.toLowerCase()) ?? 'warning';
}
/** upload-sarif refuses more runs than this in one file. */
const MAX_RUNS = 20;
/** `workspace` is the checked-out repository, so absolute file paths from SSD can be made relative. */
function buildSarif(scans, decision, workspace, provenance) {
    const kept = scans.slice(0, MAX_RUNS);
    const categoryOf = runCategorizer(provenance);
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: kept.map((scan) => buildRun(scan, categoryOf(scan), decision, workspace, provenance))
    };
}
/**
 * Each run's code scanning category: the gate step (project, scan type, header) and the
 * tool, never its position in SSD's answer, so a category neither moves when SSD reorders
 * or adds tools (which would leave old alerts open) nor collides with another gate's
 * (which would close its alerts). A tool that appears twice gets `-2` on its second run.
 */
function runCategories(scans, provenance) {
    return scans.map(runCategorizer(provenance));
}
/** Gives each scan of one answer, taken in order, its run's category (see runCategories). */
function runCategorizer(provenance) {
    const step = [provenance.projectId, provenance.scanType, provenance.header].filter(Boolean).map(segment);
    const seen = new Map();
    return (scan) => {
        const tool = segment(scanIdentity(scan) || 'ssd');
        const count = (seen.get(tool) ?? 0) + 1;
        seen.set(tool, count);
        return `opsmx-ssd/${[...step, count > 1 ? `${tool}-${count}` : tool].join('/')}/`;
    };
}
/** One path segment of a category: readable, and free of `/` and spaces. */
function segment(value) {
    return (
    // Stryker disable next-line MethodExpression: untrimmed, outer spaces become a '-' that the ends' trim removes
    value
        .trim()
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        // The end's run is matched from its first '-' only: from each '-' of a long run, quadratic.
        .replace(/^-+|(?<!-)-+$/g, '')
        .slice(0, 60) || 'unnamed');
}
function buildRun(scan, category, decision, workspace, provenance) {
    // One rule per id: checks and findings share the list, and ids are normalised names.
    const rules = new Map();
    for (const check of scan.checks) {
        const id = ruleId(check.name);
        if (rules.has(id))
            continue;
        const helpUri = safeUrl(check.url);
        rules.set(id, {
            id,
            name: pascal(check.name),
            shortDescription: { text: check.description || check.name },
            fullDescription: { text: check.description || check.name },
            ...(helpUri ? { helpUri } : {}),
            help: { text: check.description || check.name },
            defaultConfiguration: { level: checkLevel(check.name) },
            properties: { tags: ['supply-chain', 'security'] }
        });
    }
    for (const finding of scan.findings) {
        const id = ruleId(finding.rule || 'finding');
        if (rules.has(id))
            continue;
        rules.set(id, {
            id,
            name: pascal(finding.rule || 'finding'),
            shortDescription: { text: finding.rule || 'Finding' },
            defaultConfiguration: { level: finding.severity ? FINDING_LEVEL[finding.severity] : 'warning' }
        });
    }
    const results = [
        ...scan.checks.flatMap((check) => checkResult(check, decision)),
        ...scan.findings.map((finding) => findingResult(finding, workspace, decision.waivedFindings.get(finding)))
    ].slice(0, MAX_RESULTS_PER_RUN);
    const toolName = scanName(scan);
    return {
        tool: {
            driver: {
                name: toolName,
                ...(scan.version ? { semanticVersion: scan.version.replace(/^v/, ''), version: scan.version } : {}),
                informationUri: 'https://www.opsmx.com/',
                rules: [...rules.values()]
            }
        },
        // Code scanning rejects two runs of one tool in one upload unless their categories differ.
        automationDetails: { id: category },
        results,
        properties: {
            // Stryker disable next-line ConditionalExpression: JSON leaves out a field whose value is undefined
            ...(scan.score !== undefined ? { score: scan.score } : {}),
            ssdScanId: provenance.scanId,
            repository: provenance.repository,
            branch: provenance.branch,
            ...(provenance.commit ? { commit: provenance.commit } : {})
        }
    };
}
/**
 * SARIF's own way to say a result is accepted: code scanning shows it as dismissed, with the
 * waiver's reason, instead of as an open alert.
 */
function suppressedBy(waiver) {
    return waiver ? { suppressions: [{ kind: 'external', status: 'accepted', justification: waiver.reason }] } : {};
}
function checkResult(check, decision) {
    const verdict = checkVerdict(check, decision.policy, decision.waivedChecks);
    if (verdict.status !== 'failing' && verdict.status !== 'waived')
        return [];
    const why = verdict.rule
        ? describeRuleBreak({ check: check.name, score: check.score, rule: verdict.rule })
        : `${check.name} scored ${check.score}, below the threshold ${decision.policy.threshold}`;
    return [
        {
            ruleId: ruleId(check.name),
            level: checkLevel(check.name),
            message: { text: `${why}: ${check.reason || 'no reason given'}` },
            locations: [REPOSITORY_LOCATION],
            partialFingerprints: { checkName: check.name },
            ...suppressedBy(decision.waivedChecks.get(check))
        }
    ];
}
function findingResult(finding, workspace, waiver) {
    const location = finding.file
        ? {
            physicalLocation: {
                artifactLocation: artifactLocation(finding.file, workspace),
                // Stryker disable next-line ConditionalExpression,EqualityOperator: undefined >= 1 is false, and line 1 is 1 either way
                region: { startLine: finding.line !== undefined && finding.line >= 1 ? Math.floor(finding.line) : 1 }
            }
        }
        : REPOSITORY_LOCATION;
    return {
        ruleId: ruleId(finding.rule || 'finding'),
        level: finding.severity ? FINDING_LEVEL[finding.severity] : 'warning',
        message: { text: finding.message || finding.rule || 'finding' },
        locations: [location],
        ...suppressedBy(waiver)
    };
}
/**
 * A file path from SSD as a SARIF location: relative to the repository when it can be (so
 * code scanning can show the line), always a valid URI reference.
 */
function artifactLocation(file, workspace) {
    const root = workspace.replace(/\\/g, '/').replace(src_text/* TRAILING_SLASHES */.XK, '');
    let path = file.replace(/\\/g, '/');
    if (root && path.startsWith(`${root}/`))
        path = path.slice(root.length + 1);
    const absolute = path.startsWith('/') || /^[A-Za-z]:\//.test(path);
    // encodeURI leaves # and ? alone, which would start a fragment or a query.
    const encode = (value) => encodeURI(value).replace(/[#?]/g, encodeURIComponent);
    if (absolute)
        return { uri: encode(`file://${path.startsWith('/') ? '' : '/'}${path}`) };
    return { uri: encode(path.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}
/** Rule ids are stable, case-preserving and free of spaces. */
function ruleId(name) {
    return name.trim().replace(/\s+/g, '-') || 'unnamed';
}
/**
 * `Code Review` and `js.eval-injection` as `CodeReview` and `JsEvalInjection`; a name with no
 * letter or digit as it is. A split, not a replace: a pattern that backtracks over a run of
 * separators is quadratic in a long hostile name.
 */
function pascal(name) {
    // Stryker disable next-line Regex: split at each separator instead, the empty words are filtered out the same
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    return words.length > 0 ? words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('') : name;
}

;// CONCATENATED MODULE: ./src/publish.ts
/**
 * Where the result goes, in order: outputs and files, the job summary, the sticky PR
 * comment, the findings' annotations. A failure to comment is a warning, never a change of
 * the gate's result.
 */













/** GitHub's limits: 65,536 characters a comment, 1 MiB a job summary; kept under both. */
const COMMENT_MAX_BYTES = 65_000;
const SUMMARY_MAX_BYTES = 1_000_000;
/**
 * Writes the answer's text to the result file first, so that the caller holds only the
 * scans from here on: a 50 MB text need not live on through rendering.
 */
async function saveResultFile({ scans, text }, target, config) {
    const resultFile = await orWarn('result file', '', () => writeResultFile(text, config.projectId, target.scanId));
    return { scans, target, resultFile };
}
/** Publishes a completed scan's result everywhere it goes. */
async function publishResult(config, context, { scans, target, resultFile }, decision, { comparison, unavailable }, waivers, 
/** The level of the line that will end the step, which takes one annotation of its own. */
endLevel, signal) {
    const marker = markerOf(config);
    // Written first, so the report names the SARIF file only when it is there.
    const sarifFile = config.sarifFile
        ? await orWarn('SARIF file', '', () => writeSarifFile(config.sarifFile, buildSarif(scans, decision, workspace(), sarifProvenance(config, target))))
        : '';
    const reportContext = {
        projectId: config.projectId,
        scanId: target.scanId,
        scanType: config.scanType,
        repository: config.repository,
        branch: config.branch,
        // Links use the longer of two SHAs for one commit: a short one from SSD is no permalink.
        scannedCommit: sameCommit(target.scannedCommit, config.commit) && config.commit.length > target.scannedCommit.length
            ? config.commit
            : target.scannedCommit,
        repositoryUrl: context.repositoryUrl,
        caveat: target.caveat,
        rating: target.rating,
        comparison,
        baseUnavailable: unavailable,
        addedWaivers: waivers.added,
        waiversFile: waivers.file,
        today: waivers.today,
        fullListAt: fullListAt(resultFile, sarifFile),
        warnOnly: config.warnOnly,
        ...footer(config, context)
    };
    const report = renderReport(scans, decision, reportContext, {
        maxBytes: commentRoom(marker),
        fullResultsAt: 'the job summary of the workflow run'
    });
    writeOutputs({
        status: scans[0]?.status ?? '',
        scanId: target.scanId,
        scannedCommit: target.scannedCommit,
        baseScore: comparison?.baseScoreText ?? '',
        scoreDelta: comparison?.scoreDelta === undefined ? '' : String(comparison.scoreDelta),
        score: decision.scoreText,
        passed: decision.passed,
        failedChecks: decision.failedChecks,
        // As documented: the check, its score and the rule (whether the base branch breaks it too is the report's).
        failedCheckRules: decision.ruleBreaks.map(({ check, score, rule }) => ({ check, score, rule })),
        waived: waivedOutput(decision.waived),
        report,
        resultFile,
        sarifFile
    });
    await writeJobSummary(renderReport(scans, decision, reportContext, { maxBytes: SUMMARY_MAX_BYTES, fullResultsAt: 'SSD' }));
    const commentUrl = await publishComment({
        ...commentTarget(config, context, marker, signal),
        create: shouldCreateComment(config.comment, decision.passed),
        report
    });
    writeOutputs({ commentUrl });
    // Last, so that every line of the action's own at each level is counted first.
    if (config.annotations) {
        writeFindingAnnotations(scans, decision, endLevel, commentUrl ? 'the PR comment and the job summary' : 'the job summary');
    }
}
/**
 * Publishes a run that ended without a result. `config` is undefined when the inputs were
 * bad. An earlier comment must not go on showing a verdict this run could not confirm.
 */
async function publishNoResult(status, message, config, context, signal) {
    writeOutputs({ status, passed: false });
    const marker = config && markerOf(config);
    const failure = renderFailure(message, commentRoom(marker), config ? footer(config, context) : {});
    await writeJobSummary(failure);
    if (config && marker && !signal.aborted) {
        await publishComment({
            ...commentTarget(config, context, marker, signal),
            create: false,
            report: failure
        });
    }
}
/** The hidden marker that finds this step's comment again: one per project, scan type and header. */
function markerOf(config) {
    return commentMarker(config.projectId, config.scanType, config.commentHeader);
}
/** The PR comment: the report under its hidden marker's line. */
function commentBody(marker, report) {
    return `${marker}\n${report}`;
}
/** What GitHub's limit leaves for the report once the comment's marker line is in. */
function commentRoom(marker) {
    return COMMENT_MAX_BYTES - (marker ? byteLength(commentBody(marker, '')) : 0);
}
/** What every report carries besides its content: the step's header, the commit under review, the run. */
function footer(config, context) {
    return {
        header: config.commentHeader,
        commit: shortSha(config.commit),
        runUrl: context.runUrl,
        time: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    };
}
/** Where every finding can be read, for the line near the report's top. */
function fullListAt(resultFile, sarifFile) {
    const files = [resultFile ? 'the result file (the `resultFile` output)' : '', sarifFile ? 'the SARIF file' : ''];
    return files.filter(Boolean).join(' and ') || "SSD's own view of the scan";
}
/** What SARIF's run properties say about the result's origin. */
function sarifProvenance(config, target) {
    return {
        projectId: config.projectId,
        scanType: config.scanType,
        header: config.commentHeader,
        scanId: target.scanId,
        repository: config.repository,
        branch: config.branch,
        commit: target.scannedCommit
    };
}
/** Something that cannot be written is a warning: the verdict and the report still go out. */
async function orWarn(what, fallback, write) {
    try {
        return await write();
    }
    catch (error) {
        warning(`Could not write the ${what}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return fallback;
    }
}
function commentTarget(config, context, marker, signal) {
    return { mode: config.comment, pullRequest: context.pullRequest, githubToken: config.githubToken, marker, signal };
}
async function writeJobSummary(markdown) {
    await orWarn('job summary', undefined, async () => {
        await core.summary.addRaw(redact(markdown)).write(); // an exit (see secrets.ts)
    });
}
/** Longest the comment may take, retries and rate-limit waits included. */
const COMMENT_DEADLINE_MS = 30_000;
/** on-failure: a passing run writes nothing new, but corrects a failing comment left earlier. */
function shouldCreateComment(mode, passed) {
    return mode === 'always' || (mode === 'on-failure' && !passed);
}
/** Writes or updates the PR comment; returns its URL, or '' when none. */
async function publishComment(request) {
    const { mode, pullRequest, githubToken } = request;
    if (mode === 'never')
        return '';
    if (!pullRequest) {
        info('No pull request in this event: no PR comment; the result is in the job summary and outputs.');
        return '';
    }
    if (!githubToken) {
        warning(`No 'githubToken': the PR comment was skipped. Pass \${{ github.token }} or leave the input at its default.`);
        return '';
    }
    const deadline = Date.now() + COMMENT_DEADLINE_MS;
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(COMMENT_DEADLINE_MS)]);
    let result;
    try {
        // The deadline also stops a rate-limit wait that would outlast it before it starts.
        const api = await createCommentsApi(githubToken, pullRequest, { signal, deadline, log: info });
        // An exit: the guarantee for the comment (see secrets.ts).
        result = await upsertComment(api, request.marker, redact(commentBody(request.marker, request.report)), request.create);
    }
    catch (error) {
        warning(commentFailure(error, pullRequest, signal));
        return '';
    }
    if (result.action === 'none')
        return '';
    info(`PR comment ${result.action}: ${result.url}`);
    return result.url;
}
function commentFailure(error, pr, signal) {
    const status = error.status;
    if (status === 403 || status === 401) {
        const fork = pr.isFork ? forkHint('where GITHUB_TOKEN is read-only') : '';
        return `Could not write the PR comment (HTTP ${status}): the token needs the 'pull-requests: write' permission (add it under 'permissions:' in the workflow).${fork} The gate's result stands; see the job summary.`;
    }
    const reason = signal.aborted
        ? `GitHub did not answer within ${COMMENT_DEADLINE_MS / 1000}s, or the job was cancelled`
        : (0,errors/* errorMessage */.gJ)(error);
    return `Could not write the PR comment: ${reason}. The gate's result stands; see the job summary.`;
}

;// CONCATENATED MODULE: ./src/scan-target.ts





/** A given scanId does not wait long for a summarydata that keeps failing: it gates without it. */
const SUMMARY_ATTEMPTS_WITH_SCAN_ID = 3;
/** The results to gate on, and the scan target and commit they belong to. */
async function resultsOfCommit(client, config, poll) {
    // Once per run, however often the wait starts over.
    const rescan = { asked: false };
    for (;;) {
        const target = await awaitScanTarget(client, config, poll, rescan);
        const { results, waited } = await pollScans(client, target.scanId, poll, pausedWayOut(config, rescan));
        // SSD was scanning again when its results were read: they may be of a newer commit.
        if (!waited || target.caveat || (await stillOfCommit(client, config, poll, target))) {
            const rating = gravestRating([target.rating ?? '', ...results.scans.map((scan) => scan.status)]);
            return { target: { ...target, rating }, results };
        }
        poll.log(`SSD scanned ${branchOf(config)} again while its results were read; making sure they are of ${shortSha(config.commit)}`);
    }
}
/**
 * Waits until SSD's latest scan of the branch is of `config.commit` and completed (or,
 * with waitForCommit off, until SSD has a scan of the branch at all). `rescan` records the
 * one rescan a run may ask for.
 */
async function awaitScanTarget(client, config, poll, rescan) {
    let latest;
    let answered = false;
    for (;;) {
        const reply = await client.latestScan(config.branch, poll.request());
        if (config.scanId) {
            const unproved = givenScanWithoutSummary(reply, config, poll, answered);
            if (unproved)
                return unproved;
        }
        else if (reply.kind === 'unusable') {
            throw new errors/* GateError */.ue('Error', `${reply.reason.replace(/\.$/, '')}. Without it the action cannot find SSD's scan of ${branchOf(config)}: set the 'scanId' input to gate on a known scan target.`);
        }
        if (reply.kind === 'answer' || reply.kind === 'notFound') {
            // A 404 is an answer too: no scan of the branch (yet).
            answered = true;
            const summary = reply.kind === 'answer' ? reply.answer : undefined;
            if (reply.kind === 'answer')
                latest = summary;
            if (!summary) {
                poll.log(`SSD has no scan of ${branchOf(config)} in project ${config.projectId} yet (${poll.elapsed()})`);
            }
            else {
                const target = judge(summary, config, poll);
                if (target)
                    return target;
                // Still waiting: on a running scan of this commit, or on a scan of another one.
                if (config.rescan && !rescan.asked && summary.state !== 'running') {
                    rescan.asked = true;
                    rescan.refusal = await requestRescan(client, summary, config, poll);
                }
            }
        }
        if (!(await poll.pause(reply, "SSD's summarydata request"))) {
            // A given scanId the summary never spoke for is gated on as it is, as on any other fault.
            if (config.scanId && !answered) {
                return unprovedTarget(`SSD's summarydata gave no answer in time (${poll.lastProblem || 'no answer'})`, config, poll);
            }
            throw targetTimedOut(latest, answered, rescan, config, poll);
        }
    }
}
/** The summary proves its scan is of the commit under review, and done. */
function provesCommit(summary, config) {
    return summary.state === 'completed' && sameCommit(summary.headCommit, config.commit);
}
/** The target when `latest` settles it; undefined while the action should wait. */
function judge(latest, config, poll) {
    const { scanId, headCommit, status, state } = latest;
    const at = `${branchOf(config)} (scan ${scanId})`;
    const rating = gravestRating([status]);
    poll.noteStatus(status);
    if (!headCommit) {
        const caveat = `SSD does not say which commit its latest scan of ${at} is of, so the commit this result is of is unknown.`;
        poll.warn(caveat);
        return { scanId, scannedCommit: '', caveat, rating };
    }
    const ours = sameCommit(headCommit, config.commit);
    if (!config.waitForCommit) {
        if (ours)
            return { scanId, scannedCommit: headCommit, caveat: '', rating };
        const caveat = `This result is of commit ${shortSha(headCommit)}, not of ${shortSha(config.commit)} under review (waitForCommit is off).`;
        poll.warn(caveat);
        return { scanId, scannedCommit: headCommit, caveat, rating };
    }
    if (provesCommit(latest, config)) {
        poll.log(`SSD's latest scan of ${at} is of ${shortSha(headCommit)} (${status}): gating on it`);
        return { scanId, scannedCommit: headCommit, caveat: '', rating };
    }
    if (ours && state === 'failed') {
        throw new errors/* GateError */.ue('Failed', `SSD's scan of ${shortSha(headCommit)} on ${at} failed (status ${status}).`);
    }
    warnOfFailedTools(latest, at, poll);
    const states = describeFiles(latest);
    const shown = `${(0,src_text/* oneLine */.TN)(status, 40) || 'unknown'}${states ? `: ${states}` : ''}`;
    poll.log(ours && state === 'paused'
        ? `SSD paused its scan of ${shortSha(headCommit)} on ${at} (${shown}); waiting for it to be resumed in SSD${config.rescan ? ' or scanned again' : ''} (${poll.elapsed()})`
        : ours
            ? `SSD is scanning ${shortSha(headCommit)} on ${at} (${shown}); waiting (${poll.elapsed()})`
            : `SSD's latest scan of ${at} is of ${shortSha(headCommit)} (${shown}); waiting for ${shortSha(config.commit)} (${poll.elapsed()})`);
    return undefined;
}
/** A tool that failed while the scan goes on is news before SSD's verdict: one warning per tool in a run. */
function warnOfFailedTools(latest, at, poll) {
    if (latest.state === 'completed' || latest.state === 'failed')
        return;
    for (const file of failedFiles(latest)) {
        const name = fileName(file);
        const error = (0,src_text/* oneLine */.TN)(file.error, 300);
        poll.once(`failed-tool:${latest.scanId}:${file.group}/${file.key}`, poll.warn, `SSD's ${name} scan of ${shortSha(latest.headCommit)} on ${at} failed (status ${(0,src_text/* oneLine */.TN)(file.status, 20) || 'unknown'}): ${error ? `"${error}"` : 'no error text given'}. SSD still says ${(0,src_text/* oneLine */.TN)(latest.status, 40) || 'running'} for the scan as a whole, so the gate waits for its outcome.`);
    }
}
/**
 * With a given scanId, an SSD without summarydata (or with another target for the branch)
 * still gates as before, saying that the commit is unknown. Undefined when the summary
 * speaks for the given scanId, or when it is worth asking again: a fault, before the
 * summary has answered three times in a row; after it has answered, faults are waited out.
 */
function givenScanWithoutSummary(reply, config, poll, answered) {
    const why = summaryDoesNotSpeakFor(reply, config, poll, answered);
    return why ? unprovedTarget(why, config, poll) : undefined;
}
/** Why the summary cannot confirm the given scanId, or '' when it does (or may yet). */
function summaryDoesNotSpeakFor(reply, config, poll, answered) {
    const where = branchOf(config);
    switch (reply.kind) {
        case 'notFound':
            return `SSD's summarydata has no scan of ${where} (${reply.reason})`;
        case 'unusable':
            return reply.reason.replace(/\.$/, '');
        case 'retry':
            return !answered && poll.failuresInARow + 1 >= SUMMARY_ATTEMPTS_WITH_SCAN_ID
                ? `SSD's summarydata failed ${SUMMARY_ATTEMPTS_WITH_SCAN_ID} times (${reply.reason})`
                : '';
        case 'answer':
            if (!reply.answer)
                return `SSD's summarydata has no scan of ${where}`;
            if (reply.answer.scanId !== config.scanId) {
                return `SSD's latest scan of ${where} is scan ${reply.answer.scanId}, not the given scanId ${config.scanId}`;
            }
            return '';
    }
}
/** The given scanId, gated on as it is: the commit its result is of is unknown, and the report says why. */
function unprovedTarget(why, config, poll) {
    const caveat = `The commit this result is of is unknown: ${why}.`;
    poll.notice(`${caveat} Gating on the given scanId ${config.scanId} as it is.`);
    return { scanId: config.scanId, scannedCommit: '', caveat };
}
/**
 * Asks SSD once to scan the branch again; a refusal is a warning, and the wait goes on.
 * Returns SSD's reason when it refused, for the timeout message.
 */
async function requestRescan(client, latest, config, poll) {
    const reply = await client.rescan(latest, poll.request());
    if (reply.kind === 'answer') {
        poll.log(`Asked SSD to scan ${branchOf(config)} again (scan ${latest.scanId})${reply.answer ? `: ${reply.answer}` : ''}`);
        return undefined;
    }
    poll.warn(`SSD's rescan of ${branchOf(config)} was not accepted (${reply.reason}); waiting for SSD to scan ${shortSha(config.commit)} by itself.`);
    return reply.reason;
}
/** What rescan can still do about a scan SSD paused: ask for it when it is off, else what became of it. */
function pausedWayOut(config, rescan) {
    if (!config.rescan)
        return PAUSED_WAY_OUT;
    if (!rescan.asked)
        return 'SSD paused the scan: resume it in SSD.';
    return rescan.refusal !== undefined
        ? `SSD paused the scan and did not accept the rescan the action asked for (${rescan.refusal}): resume the scan in SSD.`
        : 'SSD paused the scan, and the rescan that was requested had not finished: resume the scan in SSD.';
}
/** One more look at the summary: the results just read are of the commit under review. */
async function stillOfCommit(client, config, poll, target) {
    const reply = await client.latestScan(config.branch, poll.request());
    return reply.kind === 'answer' && reply.answer?.scanId === target.scanId && provesCommit(reply.answer, config);
}
function targetTimedOut(latest, answered, rescan, config, poll) {
    const where = `repository ${config.repository}, branch ${config.branch}, project ${config.projectId}`;
    const parts = [`Timed out after ${poll.elapsed()}`];
    if (!answered) {
        parts.push(` waiting for SSD's summary of ${branchOf(config)}: SSD's summarydata never answered usefully.`, ` Check SSD's health, or raise 'timeout'.`);
    }
    else if (!latest) {
        parts.push(` waiting for SSD's scan of ${branchOf(config)}: SSD has no scan of ${where}.`, ` SSD scans only the branches configured on a project: check that ${config.branch} is one of them and that 'repository' and 'branch' name it as SSD does, or set 'scanId'.`);
    }
    else if (!sameCommit(latest.headCommit, config.commit)) {
        parts.push(` waiting for SSD to scan commit ${shortSha(config.commit)}: its latest scan of ${where} is of ${shortSha(latest.headCommit)} (${latest.status || 'unknown'}).`, ` ${otherCommitWayOut(config, rescan)}`);
    }
    else if (latest.state === 'paused') {
        parts.push(` waiting for SSD's scan of ${shortSha(latest.headCommit)} on ${branchOf(config)} to complete: it was ${latest.status}.`, ` ${pausedWayOut(config, rescan)}`);
    }
    else {
        parts.push(` waiting for SSD's scan of ${shortSha(latest.headCommit)} on ${branchOf(config)} to complete: it was still ${latest.status || 'running'}.`, ` Raise the 'timeout' input if the scan needs longer.`);
    }
    const unknown = poll.unknownStatusNote();
    if (unknown)
        parts.push(` ${unknown}`);
    if (poll.lastProblem)
        parts.push(` Last problem: ${poll.lastProblem}.`);
    return new errors/* GateError */.ue('TimedOut', parts.join(''));
}
/** What to do when SSD never scanned the commit under review, given what became of the rescan. */
function otherCommitWayOut(config, rescan) {
    if (!config.rescan)
        return `Set 'rescan: true' to ask SSD to scan it, or check SSD's webhook for this repository.`;
    if (!rescan.asked) {
        return `SSD was busy scanning the whole time, so no rescan was asked; check SSD's webhook for this repository, or raise 'timeout'.`;
    }
    return rescan.refusal !== undefined
        ? `SSD did not accept the rescan the action asked for (${rescan.refusal}); check SSD's webhook for this repository.`
        : `A rescan was requested and had not finished; check SSD's webhook for this repository, or raise 'timeout'.`;
}
/** `widget@feature`: how SSD's scan targets are named in the log. */
function branchOf(config) {
    return `${config.repository}@${config.branch}`;
}

;// CONCATENATED MODULE: ./src/ssd-client.ts







const EXCERPT_LENGTH = 160;
/** Where the SSD service's API starts, e.g. `https://ssd.example.com/gate/ssdservice/v1`. */
function apiRoot(config) {
    return `${config.host}${config.apiBasePath}/ssdservice/v1`;
}
function withQuery(path, query) {
    const url = new URL(path);
    url.search = new URLSearchParams(query).toString();
    return url;
}
function scanResultsUrl(config, scanId) {
    return withQuery(`${apiRoot(config)}/scan/filedata`, { projectId: config.projectId, type: config.scanType, scanId });
}
function latestScanUrl(config, branch) {
    return withQuery(`${apiRoot(config)}/sourceScan/summarydata`, {
        projectId: config.projectId,
        repository: config.repository,
        branch,
        type: config.scanType,
        ...(config.teamId ? { teamId: config.teamId } : {})
    });
}
const SCAN_RESULTS = { label: 'SSD', inputs: `'projectId', 'scanId' and 'scanType'` };
const LATEST_SCAN = {
    label: "SSD's summarydata",
    inputs: `'projectId', 'repository', 'branch' and 'scanType'`
};
const RESCAN = { label: "SSD's rescan", inputs: `'projectId' and 'scanType'` };
function createSsdClient(config, clientLog = { notice: () => undefined }) {
    // filedata by POST from the start, or since SSD answered GET with 405.
    let filedataByPost = config.filedataMethod === 'POST';
    // The result files the latest summary of each scan target named: what a POST asks for.
    const filesOf = new Map();
    const headers = {
        'X-OpsMx-Auth': config.authHeader,
        Accept: 'application/json',
        'User-Agent': 'opsmx-ssd-gate-action'
    };
    async function call(endpoint, url, { signal, timeoutMs }, read, post) {
        const requestSignal = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
        const init = post
            ? { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(post) }
            : { method: 'GET', headers };
        try {
            const response = await fetchFollowingSameOrigin(url, init, requestSignal);
            return await interpret(endpoint, response, config, read);
        }
        catch (error) {
            if (signal.aborted)
                throw (0,errors/* cancelled */.KW)('waiting for the SSD scan');
            if (error instanceof errors/* GateError */.ue)
                throw error;
            if (requestSignal.aborted) {
                return { kind: 'retry', reason: `no answer within ${formatSeconds(timeoutMs)}` };
            }
            return networkFailure(error, url);
        }
    }
    /**
     * filedata by POST: one request per category group of the files named, their arrays joined
     * in that order, all within the one request's time that ends at `deadline`.
     */
    async function scanResultsByPost(url, scanId, options, deadline = Date.now() + options.timeoutMs) {
        const scans = [];
        const texts = [];
        for (const body of filedataBodies(filesOf.get(scanId) ?? [])) {
            const timeoutMs = Math.max(1, deadline - Date.now());
            const reply = await call(SCAN_RESULTS, url, { ...options, timeoutMs }, readScans, body);
            if (reply.kind !== 'answer')
                return reply;
            scans.push(...reply.answer.scans);
            texts.push(reply.answer.text);
        }
        return { kind: 'answer', answer: { scans, text: joinJsonArrays(texts) } };
    }
    async function scanResults(scanId, options) {
        const url = scanResultsUrl(config, scanId);
        if (filedataByPost)
            return settle(await scanResultsByPost(url, scanId, options));
        // The POST after a 405 is the same request asked again: it has what is left of its time.
        const deadline = Date.now() + options.timeoutMs;
        const got = await call(SCAN_RESULTS, url, options, readScans);
        if (got.kind !== 'methodNotAllowed')
            return got;
        if (config.filedataMethod === 'GET') {
            return {
                kind: 'unusable',
                reason: `${got.reason}. This SSD may serve filedata by POST only: set 'filedataMethod' to auto or POST.`
            };
        }
        // Asked again at once: SSD said how it wants to be asked, there is nothing to wait for.
        const posted = await scanResultsByPost(url, scanId, options, deadline);
        if (posted.kind === 'unusable' || posted.kind === 'methodNotAllowed') {
            throw new errors/* GateError */.ue('Error', `SSD's filedata could not be read either way. GET: ${got.reason}. POST, tried next: ${posted.kind === 'unusable' ? posted.reason : methodNotAllowed(posted.reason)}`);
        }
        filedataByPost = true;
        clientLog.notice(`SSD answered GET on scan/filedata with HTTP 405 (Method Not Allowed); the action reads it by POST for the rest of this run. Set 'filedataMethod: POST' to skip the GET.`);
        return posted;
    }
    return {
        latestScan: async (branch, options) => {
            const reply = settle(await call(LATEST_SCAN, latestScanUrl(config, branch), options, readSummary));
            if (reply.kind === 'answer' && reply.answer)
                filesOf.set(reply.answer.scanId, reply.answer.files);
            return reply;
        },
        scanResults,
        rescan: async (summary, options) => settle(await call(RESCAN, new URL(`${apiRoot(config)}/rescan`), options, readMessage, {
            projectId: config.projectId,
            projectName: summary.projectName,
            platform: summary.platform,
            scanId: summary.scanId,
            scanType: config.scanType
        }))
    };
}
/** A 405 where no other method can be tried is an answer like any other that is not what was asked for. */
function settle(attempt) {
    return attempt.kind === 'methodNotAllowed' ? { kind: 'unusable', reason: methodNotAllowed(attempt.reason) } : attempt;
}
function methodNotAllowed(reason) {
    return `${reason}. Check the 'host' and 'apiBasePath' inputs.`;
}
/**
 * The bodies of filedata's POSTs: one per category group of `files`, in the summary's
 * order, each naming its group's files by key (a flat list or map is one group); `{}`
 * alone when no file is named.
 */
function filedataBodies(files) {
    const groups = new Map();
    for (const { group, key, scanName, scanTool, resultFile, status } of files) {
        const entries = groups.get(group) ?? [];
        groups.set(group, entries);
        entries.push([key || scanName || scanTool, { scanName, scanTool, resultFile, status }]);
    }
    // fromEntries makes every key an own field, `__proto__` included: nothing becomes a prototype.
    const bodies = [...groups.values()].map((entries) => Object.fromEntries(entries));
    return bodies.length > 0 ? bodies : [{}];
}
/**
 * JSON arrays' texts joined into one array's text, as they came: the result file keeps the
 * answers' own text (already redacted), which parsing and writing out again would not.
 */
function joinJsonArrays(texts) {
    if (texts.length === 1)
        return texts[0] ?? '[]';
    const elements = texts.map((text) => text.trim().slice(1, -1).trim()).filter(Boolean);
    return `[${elements.join(',')}]`;
}
/** A GET's redirects followed within the origin the token is for; a redirect elsewhere is a clear error. */
async function fetchFollowingSameOrigin(start, init, signal) {
    const outcome = await fetchWithinOrigin(start, init, signal);
    if (outcome.kind === 'response')
        return outcome.response;
    const { target } = outcome;
    if (outcome.kind === 'tooManyRedirects') {
        throw new errors/* GateError */.ue('Error', `SSD redirected the request more than ${MAX_REDIRECTS} times; last to ${target.pathname}.`);
    }
    const upgrade = target.hostname === start.hostname && target.protocol === 'https:'
        ? ` Set the 'host' input to ${target.origin}.`
        : ` Check the 'host' and 'apiBasePath' inputs; a redirect to a login page means SSO sits in front of the API.`;
    throw new errors/* GateError */.ue('Error', `SSD redirected the request to another origin (${target.origin}); the token is only sent to ${start.origin}, so the redirect was not followed.${upgrade}`);
}
async function interpret(endpoint, response, config, read) {
    const { status } = response;
    // A server may echo the token back (in an error, or inside scan data): drop it at once, JSON
    // escapes included, which the exits' redaction could not see in the raw result file (see secrets.ts).
    const body = redactJson(await readText(response));
    if (status >= 200 && status < 300)
        return read(body, response);
    const serverSays = serverMessage(body);
    const detail = `HTTP ${status}${serverSays ? ` (${serverSays})` : ''}`;
    if (status === 401 || status === 403) {
        throw new errors/* GateError */.ue('Error', `SSD rejected the token: ${detail}. Check that the 'token' input holds a valid, unexpired SSD token or API key with access to project ${config.projectId}.${TOKEN_FORMAT_HINT[config.tokenFormat]}`);
    }
    if (status === 404)
        return { kind: 'notFound', reason: detail };
    if (status === 405)
        return { kind: 'methodNotAllowed', reason: `${endpoint.label} answered ${detail}` };
    if (status === 429)
        return { kind: 'retry', reason: detail, retryAfterMs: parseRetryAfter(response) };
    if (status >= 500)
        return { kind: 'retry', reason: detail };
    const hint = status === 400 ? ` Check the ${endpoint.inputs} inputs.` : ` Check the 'host' and 'apiBasePath' inputs.`;
    return { kind: 'unusable', reason: `${endpoint.label} answered ${detail}.${hint}` };
}
/**
 * The body as text. `response.text()` keeps every chunk and a joined copy until it has
 * decoded: three copies of a 50 MB answer at once. Here chunks are copied into one buffer
 * sized by Content-Length as they arrive (it grows if the length was wrong or absent).
 */
async function readText(response) {
    if (!response.body)
        return '';
    let buffer = Buffer.allocUnsafe(Number(response.headers.get('content-length')) || 64 * 1024);
    let length = 0;
    for await (const chunk of response.body) {
        if (length + chunk.length > buffer.length) {
            const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, length + chunk.length));
            buffer.copy(grown, 0, 0, length);
            buffer = grown;
        }
        chunk.copy(buffer, length);
        length += chunk.length;
    }
    // A byte-order mark before JSON is allowed to be ignored (RFC 8259), and JSON.parse does not.
    const start = length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    return buffer.toString('utf8', start, length);
}
/** A rejected token may be one sent in the form this SSD does not read. */
const TOKEN_FORMAT_HINT = {
    bearer: ` It was sent as 'X-OpsMx-Auth: Bearer <token>'; some SSD installs take the raw token: if yours is one, set 'tokenFormat: raw'.`,
    raw: ` It was sent raw ('X-OpsMx-Auth: <token>', tokenFormat: raw); if your SSD takes 'Bearer <token>', set 'tokenFormat: bearer'.`
};
const WRONG_PLACE = `This usually means a wrong 'host' or 'apiBasePath', or a login page (SSO) or proxy in front of the SSD API.`;
/** The body as JSON, or why it is not. */
function parseJson(body, response, endpoint) {
    try {
        return { json: JSON.parse(body) };
    }
    catch {
        const contentType = response.headers.get('content-type') || 'no content type';
        return {
            problem: `${endpoint.label} answered HTTP ${response.status} with ${contentType}, not JSON: "${excerpt(body)}". ${WRONG_PLACE}`
        };
    }
}
function readScans(body, response) {
    // No content is not a wrong host: SSD may have nothing for this scan yet, so ask again.
    if (!body.trim()) {
        return {
            kind: 'retry',
            reason: `HTTP ${response.status} with no content where the scan list was expected; SSD may not have results for this scan yet`
        };
    }
    const parsed = parseJson(body, response, SCAN_RESULTS);
    if ('problem' in parsed)
        return { kind: 'unusable', reason: parsed.problem };
    // SSD's error shape, `{"error": "..."}`, sent with a 200: its own words say what is wrong.
    const errorText = Array.isArray(parsed.json) ? '' : serverError(parsed.json);
    if (errorText) {
        const contentType = response.headers.get('content-type') || 'no content type';
        return {
            kind: 'unusable',
            reason: `SSD answered HTTP ${response.status} with ${contentType} holding an error instead of the scan list: "${errorText}". Check the 'projectId', 'scanId' and 'scanType' inputs, and the token's access to the project.`
        };
    }
    try {
        return { kind: 'answer', answer: { scans: parseScans(parsed.json), text: body } };
    }
    catch (error) {
        if (!(error instanceof AnswerShapeError))
            throw error;
        return {
            kind: 'unusable',
            reason: `SSD answered HTTP ${response.status} with JSON that is not the documented scan list: ${error.message}. ${WRONG_PLACE}`
        };
    }
}
function readSummary(body, response) {
    // No content, like an empty object: no scan of the branch yet.
    if (!body.trim())
        return { kind: 'answer', answer: undefined };
    const parsed = parseJson(body, response, LATEST_SCAN);
    if ('problem' in parsed)
        return { kind: 'unusable', reason: parsed.problem };
    try {
        const summary = parseSummary(parsed.json);
        // SSD's error shape with a 200 is no summary: its own words say what is wrong.
        const errorText = summary || Array.isArray(parsed.json) ? '' : serverError(parsed.json);
        if (errorText) {
            return {
                kind: 'unusable',
                reason: `${LATEST_SCAN.label} answered HTTP ${response.status} with an error instead of the summary: "${errorText}". Check the 'projectId', 'repository', 'branch' and 'scanType' inputs, and the token's access to the project.`
            };
        }
        return { kind: 'answer', answer: summary };
    }
    catch (error) {
        if (!(error instanceof AnswerShapeError))
            throw error;
        return {
            kind: 'unusable',
            reason: `${LATEST_SCAN.label} answered HTTP ${response.status} with JSON that is not the documented summary: ${error.message}`
        };
    }
}
/** The rescan answers `{"message": "..."}`; any 2xx means SSD took the request. */
function readMessage(body) {
    return { kind: 'answer', answer: serverMessage(body) };
}
/** The `error` (or `message`) field of a JSON error body, else a short excerpt. */
function serverMessage(body) {
    try {
        const text = serverError(JSON.parse(body));
        if (text)
            return text;
    }
    catch {
        // not JSON: fall through to an excerpt of the text
    }
    return excerpt(body);
}
/** An excerpt of a JSON error object's own `error` (or `message`) text; '' for anything else. */
function serverError(parsed) {
    if (typeof parsed !== 'object' || parsed === null)
        return '';
    const own = (name) => (Object.hasOwn(parsed, name) ? parsed[name] : '');
    const error = own('error');
    const message = own('message');
    const text = typeof error === 'string' && error.trim() ? error : message;
    return typeof text === 'string' ? excerpt(text) : '';
}
/** A short, single-line, tag-free excerpt of untrusted text, for messages. */
function excerpt(text) {
    const wellFormed = text.toWellFormed();
    // Tags end at a '>': past the last one, a '<' opens none. Stopping there keeps the pattern
    // linear (each '<' of a long '<<<…' body would scan to the end: quadratic).
    const lastTagEnd = wellFormed.lastIndexOf('>') + 1;
    const flat = (wellFormed.slice(0, lastTagEnd).replace(/<[^>]*>/g, ' ') + wellFormed.slice(lastTagEnd))
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    // Belt and braces (the body was redacted on arrival): redacted before it is cut, so no part
    // of a secret survives the cut.
    const safe = redact(flat);
    return (0,src_text/* cutText */.IN)(safe, EXCERPT_LENGTH);
}
/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(response, now = Date.now()) {
    const value = response.headers.get('retry-after')?.trim();
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value))
        return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function networkFailure(error, url) {
    const { code, tls, known, message } = networkError(error, url);
    if (tls) {
        throw new errors/* GateError */.ue('Error', `TLS connection to ${url.host} failed: ${excerpt(message)} (${code}). ${tlsHint(code)}`);
    }
    return { kind: 'retry', reason: known ?? excerpt(message) };
}
/** What to do about a certificate problem: most are an untrusted (private) CA. */
function tlsHint(code) {
    if (code === 'CERT_HAS_EXPIRED')
        return `The server's certificate has expired: it must be renewed on the SSD server.`;
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        return `The certificate is not for this host name: check the 'host' input against the name SSD's certificate carries.`;
    }
    return 'If SSD uses a private CA, point NODE_EXTRA_CA_CERTS at its certificate on the runner.';
}

;// CONCATENATED MODULE: ./src/waivers-file.ts
/**
 * The waivers file, read at the commit under review through GitHub's contents API, so no
 * checkout is needed. A plain GET over the project's HTTP stack (http.ts), not Octokit: a
 * push run does not load Octokit, and a run without a file does not load the YAML parser
 * (waivers.ts comes in by dynamic import once a file was found).
 *
 * Never fails open: a file that cannot be read means no waivers (every finding counts), with
 * a warning. Only a file that is there but unusable (too large, invalid) fails the run, with
 * a WaiversFileError, before any SSD request.
 */







const READ_LIMITS = { requestMs: 10_000, totalMs: 30_000, retryDelaysMs: [1000, 2000] };
/** A waivers file lists a few accepted risks: anything larger is refused unread. */
const MAX_WAIVERS_FILE_BYTES = 256 * 1024;
/**
 * The waivers at `source.ref`, and on a pull request those its head adds or changes. No
 * file (404), no token or a fault: no waivers (the fault with a warning). Throws a
 * WaiversFileError for a file that is there but too large or invalid.
 */
async function readWaivers(source) {
    const none = { file: source.path, entries: [], addedByPullRequest: [], apply: () => waiver_outcome/* NO_WAIVERS */.q2 };
    // `waivers: ''`: none, and nothing asked.
    if (!source.path)
        return none;
    if (!source.githubToken) {
        source.log.warning(`The waivers file ${source.path} was not read: 'githubToken' is empty. No waivers apply: every finding counts.`);
        return none;
    }
    const limits = { ...READ_LIMITS, ...source.limits };
    const deadline = AbortSignal.timeout(limits.totalMs);
    const head = await readFile(source, source.ref, limits, deadline);
    if (head.kind === 'absent') {
        source.log.info(`No waivers file ${source.path} at commit ${shortSha(source.ref)}: no waivers apply.`);
        return none;
    }
    if (head.kind === 'unreadable') {
        source.log.warning(`Could not read the waivers file ${source.path} at commit ${shortSha(source.ref)}: ${head.reason}. ` +
            `No waivers apply: every finding counts.${head.hint}`);
        return none;
    }
    const { applyWaivers, changedWaivers, parseWaivers } = await Promise.all(/* import() */[__nccwpck_require__.e(806), __nccwpck_require__.e(185)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5566));
    const entries = parseWaivers(head.text, source.path);
    source.log.info(`Read ${count(entries.length, 'waiver')} from ${source.path} at commit ${shortSha(source.ref)}.`);
    let addedByPullRequest = [];
    if (source.baseRef && source.baseRef !== source.ref && entries.length > 0) {
        const base = await readBaseEntries(source, source.baseRef, limits, deadline, parseWaivers);
        addedByPullRequest = base ? changedWaivers(entries, base) : entries;
        if (addedByPullRequest.length > 0) {
            source.log.info(`This pull request adds or changes ${count(addedByPullRequest.length, 'waiver')}.`);
        }
    }
    return {
        file: source.path,
        entries,
        addedByPullRequest,
        apply: (scans, today, fails) => applyWaivers(entries, scans, today, fails)
    };
}
/** The waivers at the base commit; undefined when they cannot be had (every head waiver then counts as added). */
async function readBaseEntries(source, baseRef, limits, deadline, parse) {
    const everyWaiverAdded = (why) => {
        source.log.info(`The waivers file ${source.path} ${why} at the base commit ${shortSha(baseRef)}: every waiver in it is taken as added by this pull request.`);
        return undefined;
    };
    try {
        const base = await readFile(source, baseRef, limits, deadline);
        if (base.kind === 'absent')
            return [];
        if (base.kind === 'unreadable')
            return everyWaiverAdded(`could not be read (${base.reason})`);
        return parse(base.text, source.path);
    }
    catch (error) {
        if (error instanceof errors/* WaiversFileError */.mX)
            return everyWaiverAdded('is not a valid waivers file');
        throw error;
    }
}
const PERMISSION_HINT = ` The token needs 'contents: read' (in the workflow: permissions: contents: read).`;
/** The JSON form carries the file as base64 (a third larger, with line breaks) and some metadata. */
const MAX_JSON_FORM_BYTES = 2 * MAX_WAIVERS_FILE_BYTES;
/** Enough of an error answer for its message. */
const MAX_ERROR_BODY_BYTES = 16 * 1024;
/** The file at `ref`: network faults and server errors are tried again, within the limits. */
async function readFile(source, ref, limits, deadline) {
    let url;
    try {
        url = contentsUrl(source, ref);
    }
    catch {
        return { kind: 'unreadable', reason: `GITHUB_API_URL '${(0,src_text/* cutText */.IN)(source.apiUrl, 100)}' is not a URL`, hint: '' };
    }
    const waiting = AbortSignal.any([source.signal, deadline]);
    for (let attempt = 0;; attempt++) {
        const reply = await attemptRead(source, url, ref, limits, deadline);
        if (reply.kind !== 'retry')
            return reply;
        const delay = limits.retryDelaysMs[attempt];
        const tries = `${count(attempt + 1, 'try', 'tries')}`;
        if (delay === undefined)
            return { kind: 'unreadable', reason: `${reply.reason} (${tries})`, hint: '' };
        try {
            await (0,promises_namespaceObject.setTimeout)(delay, undefined, { signal: waiting });
        }
        catch {
            if (source.signal.aborted)
                throw (0,errors/* cancelled */.KW)('reading the waivers file');
            return {
                kind: 'unreadable',
                reason: `${reply.reason} (${tries} within ${formatSeconds(limits.totalMs)})`,
                hint: ''
            };
        }
    }
}
function contentsUrl(source, ref) {
    const segments = (path) => path.split('/').map(encodeURIComponent).join('/');
    const root = source.apiUrl.replace(src_text/* TRAILING_SLASHES */.XK, '');
    const url = new URL(`${root}/repos/${segments(source.owner)}/${segments(source.repo)}/contents/${segments(source.path)}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new TypeError('not http(s)');
    url.search = new URLSearchParams({ ref }).toString();
    return url;
}
async function attemptRead(source, url, ref, limits, deadline) {
    const requestTimeout = AbortSignal.timeout(limits.requestMs);
    // Aborted once the answer is dealt with: whatever of the body was not read is not read.
    const done = new AbortController();
    const signal = AbortSignal.any([source.signal, deadline, requestTimeout, done.signal]);
    try {
        const response = await getFollowingSameOrigin(url, source.githubToken, signal);
        if ('refused' in response)
            return { kind: 'unreadable', reason: response.refused, hint: '' };
        return await waivers_file_interpret(response, source, ref);
    }
    catch (error) {
        if (source.signal.aborted)
            throw (0,errors/* cancelled */.KW)('reading the waivers file');
        if (error instanceof errors/* WaiversFileError */.mX)
            throw error;
        if (deadline.aborted) {
            return { kind: 'unreadable', reason: `no answer within ${formatSeconds(limits.totalMs)}`, hint: '' };
        }
        if (requestTimeout.aborted)
            return { kind: 'retry', reason: `no answer within ${formatSeconds(limits.requestMs)}` };
        return networkFault(error, url);
    }
    finally {
        done.abort();
    }
}
/** GitHub redirects a renamed repository's requests within its API: followed, within the origin the token is for. */
async function getFollowingSameOrigin(start, token, signal) {
    const headers = {
        Accept: 'application/vnd.github.raw+json',
        Authorization: `Bearer ${token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'opsmx-ssd-gate-action'
    };
    const outcome = await fetchWithinOrigin(start, { method: 'GET', headers }, signal);
    if (outcome.kind === 'response')
        return outcome.response;
    if (outcome.kind === 'tooManyRedirects')
        return { refused: `GitHub redirected the request more than ${MAX_REDIRECTS} times` };
    return {
        refused: `GitHub redirected the request to another origin (${outcome.target.origin}); the token is only sent to ${start.origin}, so the redirect was not followed`
    };
}
async function waivers_file_interpret(response, source, ref) {
    const { status } = response;
    if (status === 200)
        return readContent(response, source, ref);
    if (status === 404)
        return { kind: 'absent' };
    const body = await readAtMost(response, MAX_ERROR_BODY_BYTES);
    const serverSays = messageOf(body?.toString('utf8') ?? '');
    const detail = `HTTP ${status}${serverSays ? ` (${serverSays})` : ''}`;
    const rateLimited = status === 429 ||
        (status === 403 && (response.headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(serverSays)));
    if (rateLimited)
        return { kind: 'unreadable', reason: `GitHub's rate limit: ${detail}`, hint: '' };
    if (status === 401 || status === 403)
        return { kind: 'unreadable', reason: detail, hint: PERMISSION_HINT };
    if (status >= 500)
        return { kind: 'retry', reason: detail };
    return { kind: 'unreadable', reason: detail, hint: '' };
}
/**
 * A 200's body: the raw file as asked for, or the JSON form (base64 `content`) a server may
 * send instead. No more than the limit (and one byte, to know it is over) is ever read.
 */
async function readContent(response, source, ref) {
    const tooLarge = (size) => new errors/* WaiversFileError */.mX(`Waivers file ${source.path} at commit ${shortSha(ref)} is ${size !== undefined ? formatSize(size) : 'more than 256 KiB'}, ` +
        `over the limit of 256 KiB: it was not read. A waivers file lists a few accepted risks; keep it under 256 KiB.`);
    const jsonForm = isJsonForm(response.headers.get('content-type') ?? '');
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (!jsonForm && declared > MAX_WAIVERS_FILE_BYTES)
        throw tooLarge(declared);
    const body = await readAtMost(response, jsonForm ? MAX_JSON_FORM_BYTES : MAX_WAIVERS_FILE_BYTES);
    if (!body)
        throw tooLarge(undefined);
    const content = jsonForm ? fromContentObject(body, source.path) : undefined;
    if (content && 'reason' in content)
        return { kind: 'unreadable', reason: content.reason, hint: '' };
    if (content?.size !== undefined && content.size > MAX_WAIVERS_FILE_BYTES)
        throw tooLarge(content.size);
    const bytes = content?.bytes ?? body;
    if (bytes.length > MAX_WAIVERS_FILE_BYTES)
        throw tooLarge(bytes.length);
    return { kind: 'found', text: decodeText(bytes, source.path, ref) };
}
/** GitHub's JSON media types (`application/json`, `application/vnd.github+json`, `...object+json`); anything else is the raw file. */
function isJsonForm(contentType) {
    const essence = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    return /^application\/(json|vnd\.github(\.v3)?(\.object)?\+json|vnd\.github(\.v3)?\.object)$/.test(essence);
}
/**
 * The file's bytes from the contents API's JSON answer, or why it holds none; undefined when
 * the body is not such an answer (a server that labels the raw file as JSON).
 */
function fromContentObject(body, path) {
    let json;
    try {
        json = JSON.parse(body.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (Array.isArray(json))
        return { reason: `${path} is a directory, not a file` };
    if (typeof json !== 'object' || json === null || !Object.hasOwn(json, 'type'))
        return undefined;
    const own = (name) => Object.hasOwn(json, name) ? json[name] : undefined;
    const type = own('type');
    const size = typeof own('size') === 'number' ? own('size') : undefined;
    if (type === 'dir')
        return { reason: `${path} is a directory, not a file` };
    if (type === 'symlink')
        return { reason: `${path} is a symbolic link to a path outside the repository` };
    if (type === 'submodule')
        return { reason: `${path} is a submodule, not a file` };
    if (type !== 'file')
        return { reason: `GitHub answered with JSON for a '${(0,src_text/* cutText */.IN)(String(type), 20)}', not a file` };
    const content = own('content');
    const encoding = own('encoding');
    if (encoding === 'base64' && typeof content === 'string')
        return { bytes: Buffer.from(content, 'base64'), size };
    // GitHub leaves a large file's content out (encoding "none"); its size still says how large.
    if (size !== undefined && size > MAX_WAIVERS_FILE_BYTES)
        return { bytes: Buffer.alloc(0), size };
    return {
        reason: `GitHub answered with the file's content in encoding '${(0,src_text/* cutText */.IN)(String(encoding), 20)}', not base64`
    };
}
/**
 * At most `max` bytes of the body; undefined when it is longer (then no more than `max` + 1
 * bytes were taken, and the rest of the answer is dropped with its connection).
 */
async function readAtMost(response, max) {
    if (!response.body)
        return Buffer.alloc(0);
    const chunks = [];
    let length = 0;
    for await (const chunk of response.body) {
        const kept = chunk.subarray(0, max + 1 - length);
        chunks.push(kept);
        length += kept.length;
        if (length > max)
            return undefined;
    }
    return Buffer.concat(chunks, length);
}
function decodeText(bytes, path, ref) {
    try {
        // A byte-order mark is dropped, as YAML allows.
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new errors/* WaiversFileError */.mX(`Waivers file ${path} at commit ${shortSha(ref)} is not UTF-8 text: it cannot be YAML.`);
    }
}
/** GitHub's `{"message": "..."}`, as one short line; '' when the body has none. */
function messageOf(body) {
    try {
        const parsed = JSON.parse(body);
        const message = typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'message')
            ? parsed.message
            : undefined;
        if (typeof message === 'string')
            return (0,src_text/* cutText */.IN)(message.replace(/\s+/g, ' ').trim(), 160);
    }
    catch {
        // not JSON: no message to show
    }
    return '';
}
function networkFault(error, url) {
    const { code, tls, known, message } = networkError(error, url);
    const reason = known ?? (0,src_text/* cutText */.IN)(message.replace(/\s+/g, ' ').trim(), 160);
    if (tls) {
        return {
            kind: 'unreadable',
            reason: `TLS connection to ${url.host} failed: ${reason} (${code})`,
            hint: ' If GitHub Enterprise Server uses a private CA, point NODE_EXTRA_CA_CERTS at its certificate on the runner.'
        };
    }
    return { kind: 'retry', reason };
}
function formatSize(bytes) {
    return `${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(1)} KiB)`;
}
function count(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The run, start to end: inputs → waivers → the scan of the commit under review → save the
 * result file → the base branch → decision → publish (outputs, summary, comment,
 * annotations) → exit.
 * Never throws: every failure ends in core.setFailed with a message for the user.
 */














async function run() {
    const cancellation = cancelOnSignals();
    const context = readRunContext();
    let config;
    try {
        config = readConfig({
            isForkPullRequest: context.pullRequest?.isFork ?? false,
            repositoryName: context.repositoryName,
            branch: context.branch,
            commit: context.sha
        });
        info(`Gating commit ${shortSha(config.commit)} of ${config.repository}@${config.branch} on SSD project ${config.projectId}` +
            `${config.scanId ? `, scan ${config.scanId}` : ''} at ${new URL(config.host).origin} ` +
            `(every ${formatSeconds(config.pollIntervalMs)}, at most ${formatSeconds(config.timeoutMs)})`);
        // Before any SSD request: a bad waivers file fails the run before SSD is asked anything.
        const waivers = await readWaivers(waiversSource(config, context, cancellation.signal));
        const poll = new Poll({
            pollIntervalMs: config.pollIntervalMs,
            timeoutMs: config.timeoutMs,
            signal: cancellation.signal,
            log: info,
            warn: warning,
            notice: notice
        });
        const client = createSsdClient(config, { notice: notice });
        const { target, results } = await resultsOfCommit(client, config, poll);
        const saved = await saveResultFile(results, target, config);
        const base = await compareWithBase(client, config, context.pullRequest, saved.scans, cancellation.signal);
        const against = describeBase(base);
        if (against)
            info(against);
        const today = (0,waiver_outcome/* utcDate */.HB)();
        const waived = waivers.apply(saved.scans, today, failsPolicy(config.policy));
        for (const note of (0,waiver_outcome/* waiverNotes */.AG)(waived))
            log_namespaceObject[note.level](note.text);
        const scope = findingScope(config.newFindingsOnly, context.pullRequest?.baseRef, base);
        const decision = decide(saved.scans, config.policy, { comparison: base.comparison, scope, waived: waived.waived });
        for (const rule of decision.unmatchedRules) {
            warning(`checkThresholds names '${rule.text}', but no check in the SSD answer has that name: a typo would silently disable that gate.`);
        }
        const seen = { file: waivers.file, added: waivers.addedByPullRequest, today };
        await publishResult(config, context, saved, decision, base, seen, endLevel(decision, config), cancellation.signal);
        if (cancellation.signal.aborted)
            throw (0,errors/* cancelled */.KW)('reporting the SSD result');
        if (decision.passed)
            info(decision.summary);
        else if (softenedByWarnOnly(decision, config.warnOnly))
            warning(`${decision.summary} (warnOnly: the step does not fail)`);
        else
            fail(decision.summary);
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error);
        const status = error instanceof errors/* GateError */.ue ? error.status : 'Error';
        await publishNoResult(status, message, config, context, cancellation.signal);
        fail(message);
    }
    finally {
        cancellation.dispose();
    }
}
/** The level of the line that ends the step: an error when it fails, a warning under warnOnly. */
function endLevel(decision, config) {
    if (decision.passed)
        return undefined;
    return softenedByWarnOnly(decision, config.warnOnly) ? 'warning' : 'error';
}
/** Where the waivers file is read: the repository at the commit under review (and, on a pull request, its base). */
function waiversSource(config, context, signal) {
    return {
        path: config.waivers,
        githubToken: config.githubToken,
        apiUrl: context.apiUrl,
        owner: context.repositoryOwner,
        repo: context.repositoryName,
        ref: config.commit,
        baseRef: context.pullRequest?.baseSha || undefined,
        signal,
        log: log_namespaceObject
    };
}
/** The runner cancels with SIGINT, then SIGTERM: either stops the run at once. */
function cancelOnSignals() {
    const controller = new AbortController();
    const abort = () => controller.abort();
    process.once('SIGINT', abort);
    process.once('SIGTERM', abort);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', abort);
            process.off('SIGTERM', abort);
        }
    };
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IN: () => (/* binding */ cutText),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Q5: () => (/* binding */ codePointBoundary),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   XK: () => (/* binding */ TRAILING_SLASHES)
/* harmony export */ });
/* unused harmony export characterBoundary */
/**
 * Cutting text without breaking a character. JavaScript strings are UTF-16: a plain
 * `slice` can split an emoji's surrogate pair (written out as `�`), or part a letter from
 * its accents, so every cut of text that is shown goes through here.
 */
/** How far around a cut graphemes are looked for; a longer cluster is cut at a code point. */
const WINDOW = 64;
let graphemes;
/**
 * `text` in at most `maxLength` UTF-16 units; when it is longer, cut at a character
 * boundary with `ellipsis` appended (both within `maxLength`).
 */
function cutText(text, maxLength, ellipsis = '…') {
    if (text.length <= maxLength)
        return text;
    if (maxLength < ellipsis.length)
        return '';
    return text.slice(0, characterBoundary(text, maxLength - ellipsis.length)) + ellipsis;
}
/**
 * The last boundary between user-perceived characters at or before `index`: never inside
 * a surrogate pair, between a letter and its combining marks, or inside a joined emoji.
 */
function characterBoundary(text, index) {
    // Stryker disable next-line EqualityOperator: at 0 the search below finds 0 too
    if (index <= 0)
        return 0;
    // Stryker disable next-line EqualityOperator: at the end itself the search below finds the end too
    if (index >= text.length)
        return text.length;
    const start = Math.max(0, index - WINDOW);
    // Stryker disable next-line ObjectLiteral: 'grapheme' is the default granularity, written out for the reader
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const segment = graphemes.segment(text.slice(start, index + WINDOW)).containing(index - start);
    // Stryker disable next-line OptionalChaining,ArithmeticOperator: inside the text (checked above) a segment always contains the index
    const offset = segment?.index ?? index - start;
    const boundary = start + offset;
    // A cluster reaching back past the window (text heaped with combining marks): a code point will do.
    return boundary > start || start === 0 ? boundary : codePointBoundary(text, index);
}
/** The last code point boundary at or before `index`: not between a surrogate pair's halves. */
function codePointBoundary(text, index) {
    // Stryker disable next-line EqualityOperator: at 0 and at the end, the pair test below returns the index too
    if (index <= 0 || index >= text.length)
        return Math.max(0, Math.min(index, text.length));
    const before = text.charCodeAt(index - 1);
    const at = text.charCodeAt(index);
    return isHighSurrogate(before) && isLowSurrogate(at) ? index - 1 : index;
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code) {
    return code >= 0xdc00 && code <= 0xdfff;
}
/**
 * Untrusted text on one short line, for a log line, an annotation or a message: well-formed,
 * every run of white space and control characters (C0 and C1, U+0085 among them) one space,
 * trimmed, and cut at a character boundary.
 */
function oneLine(text, maxLength) {
    return cutText(text
        .toWellFormed()
        .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
        .trim(), maxLength);
}
/** `1 check`, `12 checks`, `1,204 findings`: a count and its noun, in the right number. */
function plural(count, noun) {
    return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
/**
 * The '/'s that end a URL or path, for `.replace(TRAILING_SLASHES, '')`. A match starts only
 * at a run's first '/': tried from each '/' of a long run, `/\/+$/` is quadratic.
 */
const TRAILING_SLASHES = /(?<!\/)\/+$/;


/***/ }),

/***/ 1718:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AG: () => (/* binding */ waiverNotes),
/* harmony export */   HB: () => (/* binding */ utcDate),
/* harmony export */   YM: () => (/* binding */ daysBetween),
/* harmony export */   fd: () => (/* binding */ EXPIRY_WARNING_DAYS),
/* harmony export */   kr: () => (/* binding */ describeWaiver),
/* harmony export */   q2: () => (/* binding */ NO_WAIVERS)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8992);

const NO_WAIVERS = Object.freeze({
    waived: [],
    expired: [],
    expiring: [],
    unused: []
});
/** A waiver that ends within this many days is announced with a warning. */
const EXPIRY_WARNING_DAYS = 14;
/** Today's date in UTC as YYYY-MM-DD, the calendar `expires` is read in. */
function utcDate(now = new Date()) {
    return now.toISOString().slice(0, 10);
}
/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC): negative when `to` is earlier, NaN when either is not a date. */
function daysBetween(from, to) {
    const day = (date) => Date.parse(`${date}T00:00:00Z`);
    return Math.round((day(to) - day(from)) / 86_400_000);
}
/** How a waiver is named to people: its rule (or check), and the path and tool it is limited to. */
function describeWaiver(waiver) {
    const subject = waiver.rule !== undefined ? shown(waiver.rule) : `check ${shown(waiver.check ?? '')}`;
    const path = waiver.path !== undefined ? ` in ${shown(waiver.path)}` : '';
    const tool = waiver.tool !== undefined ? ` (${shown(waiver.tool)})` : '';
    return `${subject}${path}${tool}`;
}
/**
 * The log annotations for an outcome: a warning for each expired waiver and for each one
 * about to end, a notice for each one that matches nothing.
 */
function waiverNotes(outcome) {
    const expired = outcome.expired.map((waiver) => ({
        level: 'warning',
        text: `Waiver for ${describeWaiver(waiver)} expired on ${waiver.expires} (reason: ${reasonOf(waiver)}): ` +
            `it waives nothing now. Renew or remove ${where(waiver)}.`
    }));
    const expiring = outcome.expiring.map(({ waiver, daysLeft }) => ({
        level: 'warning',
        text: `Waiver for ${describeWaiver(waiver)} expires on ${waiver.expires}, ${daysLeft === 0 ? 'today' : `in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`} ` +
            `(reason: ${reasonOf(waiver)}): then ${whatItWaives(outcome, waiver)} again. See ${where(waiver)}.`
    }));
    const unused = outcome.unused.map((waiver) => ({
        level: 'notice',
        // A check waiver matches only a failing check: one that names a passing check is unused too.
        text: `Waiver for ${describeWaiver(waiver)} matches nothing in this result${waiver.check !== undefined ? ' that fails' : ''}: it can be removed (${where(waiver)}).`
    }));
    return [...expired, ...expiring, ...unused];
}
function where(waiver) {
    return `entry ${waiver.entry} of ${waiver.file} (line ${waiver.line})`;
}
function reasonOf(waiver) {
    return shown(waiver.reason, 200);
}
/** `the 2 findings it waives count`, `the check it waives counts`. */
function whatItWaives(outcome, waiver) {
    const mine = outcome.waived.filter((waived) => waived.waiver === waiver);
    const findings = mine.filter((waived) => waived.kind === 'finding').length;
    const checks = mine.length - findings;
    const parts = [
        ...(findings ? [findings === 1 ? 'the finding' : `the ${findings} findings`] : []),
        ...(checks ? [checks === 1 ? 'the check' : `the ${checks} checks`] : [])
    ];
    return `${parts.join(' and ') || 'what'} it waives ${mine.length > 1 ? 'count' : 'counts'}`;
}
/** Untrusted text from the file, on one line and of a length fit for a log line. */
function shown(text, maxLength = 120) {
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text, maxLength);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3444:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("web-streams-polyfill/dist/ponyfill.es2018.js");

/***/ }),

/***/ 8167:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("worker_threads");

/***/ }),

/***/ 1204:
/***/ ((__unused_webpack_module, __unused_webpack_exports, __nccwpck_require__) => {

/* c8 ignore start */
// 64 KiB (same size chrome slice theirs blob into Uint8array's)
const POOL_SIZE = 65536

if (!globalThis.ReadableStream) {
  // `node:stream/web` got introduced in v16.5.0 as experimental
  // and it's preferred over the polyfilled version. So we also
  // suppress the warning that gets emitted by NodeJS for using it.
  try {
    const process = __nccwpck_require__(1708)
    const { emitWarning } = process
    try {
      process.emitWarning = () => {}
      Object.assign(globalThis, __nccwpck_require__(7830))
      process.emitWarning = emitWarning
    } catch (error) {
      process.emitWarning = emitWarning
      throw error
    }
  } catch (error) {
    // fallback to polyfill implementation
    Object.assign(globalThis, __nccwpck_require__(3444))
  }
}

try {
  // Don't use node: prefix for this, require+node: is not supported until node v14.14
  // Only `import()` can use prefix in 12.20 and later
  const { Blob } = __nccwpck_require__(181)
  if (Blob && !Blob.prototype.stream) {
    Blob.prototype.stream = function name (params) {
      let position = 0
      const blob = this

      return new ReadableStream({
        type: 'bytes',
        async pull (ctrl) {
          const chunk = blob.slice(position, Math.min(blob.size, position + POOL_SIZE))
          const buffer = await chunk.arrayBuffer()
          position += buffer.byteLength
          ctrl.enqueue(new Uint8Array(buffer))

          if (position === blob.size) {
            ctrl.close()
          }
        }
      })
    }
  }
} catch (error) {}
/* c8 ignore end */


/***/ }),

/***/ 2462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ExitCode: () => (/* binding */ ExitCode),
  addPath: () => (/* binding */ addPath),
  debug: () => (/* binding */ debug),
  endGroup: () => (/* binding */ endGroup),
  error: () => (/* binding */ error),
  exportVariable: () => (/* binding */ exportVariable),
  getBooleanInput: () => (/* binding */ getBooleanInput),
  getIDToken: () => (/* binding */ getIDToken),
  getInput: () => (/* binding */ getInput),
  getMultilineInput: () => (/* binding */ getMultilineInput),
  getState: () => (/* binding */ getState),
  group: () => (/* binding */ group),
  info: () => (/* binding */ info),
  isDebug: () => (/* binding */ isDebug),
  markdownSummary: () => (/* reexport */ markdownSummary),
  notice: () => (/* binding */ notice),
  platform: () => (/* reexport */ platform_namespaceObject),
  saveState: () => (/* binding */ saveState),
  setCommandEcho: () => (/* binding */ setCommandEcho),
  setFailed: () => (/* binding */ setFailed),
  setOutput: () => (/* binding */ setOutput),
  setSecret: () => (/* binding */ setSecret),
  startGroup: () => (/* binding */ startGroup),
  summary: () => (/* reexport */ summary),
  toPlatformPath: () => (/* reexport */ toPlatformPath),
  toPosixPath: () => (/* reexport */ toPosixPath),
  toWin32Path: () => (/* reexport */ toWin32Path),
  warning: () => (/* binding */ warning)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/platform.js
var platform_namespaceObject = {};
__nccwpck_require__.r(platform_namespaceObject);
__nccwpck_require__.d(platform_namespaceObject, {
  arch: () => (arch),
  getDetails: () => (getDetails),
  isLinux: () => (isLinux),
  isMacOS: () => (isMacOS),
  isWindows: () => (isWindows),
  platform: () => (platform)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, external_path_namespaceObject.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${external_path_namespaceObject.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        const { OidcClient } = yield Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(748)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6748));
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ }),

/***/ 4645:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony export File */
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6327);


const _File = class File extends _index_js__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A {
  #lastModified = 0
  #name = ''

  /**
   * @param {*[]} fileBits
   * @param {string} fileName
   * @param {{lastModified?: number, type?: string}} options
   */// @ts-ignore
  constructor (fileBits, fileName, options = {}) {
    if (arguments.length < 2) {
      throw new TypeError(`Failed to construct 'File': 2 arguments required, but only ${arguments.length} present.`)
    }
    super(fileBits, options)

    if (options === null) options = {}

    // Simulate WebIDL type casting for NaN value in lastModified option.
    const lastModified = options.lastModified === undefined ? Date.now() : Number(options.lastModified)
    if (!Number.isNaN(lastModified)) {
      this.#lastModified = lastModified
    }

    this.#name = String(fileName)
  }

  get name () {
    return this.#name
  }

  get lastModified () {
    return this.#lastModified
  }

  get [Symbol.toStringTag] () {
    return 'File'
  }

  static [Symbol.hasInstance] (object) {
    return !!object && object instanceof _index_js__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A &&
      /^(File)$/.test(object[Symbol.toStringTag])
  }
}

/** @type {typeof globalThis.File} */// @ts-ignore
const File = _File
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (File);


/***/ }),

/***/ 995:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZH: () => (/* reexport safe */ _file_js__WEBPACK_IMPORTED_MODULE_3__.A)
/* harmony export */ });
/* unused harmony exports blobFrom, blobFromSync, fileFrom, fileFromSync */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_domexception__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7666);
/* harmony import */ var _file_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4645);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6327);







const { stat } = node_fs__WEBPACK_IMPORTED_MODULE_0__.promises

/**
 * @param {string} path filepath on the disk
 * @param {string} [type] mimetype to use
 */
const blobFromSync = (path, type) => fromBlob(statSync(path), path, type)

/**
 * @param {string} path filepath on the disk
 * @param {string} [type] mimetype to use
 * @returns {Promise<Blob>}
 */
const blobFrom = (path, type) => stat(path).then(stat => fromBlob(stat, path, type))

/**
 * @param {string} path filepath on the disk
 * @param {string} [type] mimetype to use
 * @returns {Promise<File>}
 */
const fileFrom = (path, type) => stat(path).then(stat => fromFile(stat, path, type))

/**
 * @param {string} path filepath on the disk
 * @param {string} [type] mimetype to use
 */
const fileFromSync = (path, type) => fromFile(statSync(path), path, type)

// @ts-ignore
const fromBlob = (stat, path, type = '') => new Blob([new BlobDataItem({
  path,
  size: stat.size,
  lastModified: stat.mtimeMs,
  start: 0
})], { type })

// @ts-ignore
const fromFile = (stat, path, type = '') => new File([new BlobDataItem({
  path,
  size: stat.size,
  lastModified: stat.mtimeMs,
  start: 0
})], basename(path), { type, lastModified: stat.mtimeMs })

/**
 * This is a blob backed up by a file on the disk
 * with minium requirement. Its wrapped around a Blob as a blobPart
 * so you have no direct access to this.
 *
 * @private
 */
class BlobDataItem {
  #path
  #start

  constructor (options) {
    this.#path = options.path
    this.#start = options.start
    this.size = options.size
    this.lastModified = options.lastModified
  }

  /**
   * Slicing arguments is first validated and formatted
   * to not be out of range by Blob.prototype.slice
   */
  slice (start, end) {
    return new BlobDataItem({
      path: this.#path,
      lastModified: this.lastModified,
      size: end - start,
      start: this.#start + start
    })
  }

  async * stream () {
    const { mtimeMs } = await stat(this.#path)
    if (mtimeMs > this.lastModified) {
      throw new node_domexception__WEBPACK_IMPORTED_MODULE_2__('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError')
    }
    yield * (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(this.#path, {
      start: this.#start,
      end: this.#start + this.size - 1
    })
  }

  get [Symbol.toStringTag] () {
    return 'Blob'
  }
}

/* unused harmony default export */ var __WEBPACK_DEFAULT_EXPORT__ = ((/* unused pure expression or super */ null && (blobFromSync)));



/***/ }),

/***/ 6327:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony export Blob */
/* harmony import */ var _streams_cjs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1204);
/*! fetch-blob. MIT License. Jimmy Wärting <https://jimmy.warting.se/opensource> */

// TODO (jimmywarting): in the feature use conditional loading with top level await (requires 14.x)
// Node has recently added whatwg stream into core



// 64 KiB (same size chrome slice theirs blob into Uint8array's)
const POOL_SIZE = 65536

/** @param {(Blob | Uint8Array)[]} parts */
async function * toIterator (parts, clone = true) {
  for (const part of parts) {
    if ('stream' in part) {
      yield * (/** @type {AsyncIterableIterator<Uint8Array>} */ (part.stream()))
    } else if (ArrayBuffer.isView(part)) {
      if (clone) {
        let position = part.byteOffset
        const end = part.byteOffset + part.byteLength
        while (position !== end) {
          const size = Math.min(end - position, POOL_SIZE)
          const chunk = part.buffer.slice(position, position + size)
          position += chunk.byteLength
          yield new Uint8Array(chunk)
        }
      } else {
        yield part
      }
    /* c8 ignore next 10 */
    } else {
      // For blobs that have arrayBuffer but no stream method (nodes buffer.Blob)
      let position = 0, b = (/** @type {Blob} */ (part))
      while (position !== b.size) {
        const chunk = b.slice(position, Math.min(b.size, position + POOL_SIZE))
        const buffer = await chunk.arrayBuffer()
        position += buffer.byteLength
        yield new Uint8Array(buffer)
      }
    }
  }
}

const _Blob = class Blob {
  /** @type {Array.<(Blob|Uint8Array)>} */
  #parts = []
  #type = ''
  #size = 0
  #endings = 'transparent'

  /**
   * The Blob() constructor returns a new Blob object. The content
   * of the blob consists of the concatenation of the values given
   * in the parameter array.
   *
   * @param {*} blobParts
   * @param {{ type?: string, endings?: string }} [options]
   */
  constructor (blobParts = [], options = {}) {
    if (typeof blobParts !== 'object' || blobParts === null) {
      throw new TypeError('Failed to construct \'Blob\': The provided value cannot be converted to a sequence.')
    }

    if (typeof blobParts[Symbol.iterator] !== 'function') {
      throw new TypeError('Failed to construct \'Blob\': The object must have a callable @@iterator property.')
    }

    if (typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError('Failed to construct \'Blob\': parameter 2 cannot convert to dictionary.')
    }

    if (options === null) options = {}

    const encoder = new TextEncoder()
    for (const element of blobParts) {
      let part
      if (ArrayBuffer.isView(element)) {
        part = new Uint8Array(element.buffer.slice(element.byteOffset, element.byteOffset + element.byteLength))
      } else if (element instanceof ArrayBuffer) {
        part = new Uint8Array(element.slice(0))
      } else if (element instanceof Blob) {
        part = element
      } else {
        part = encoder.encode(`${element}`)
      }

      this.#size += ArrayBuffer.isView(part) ? part.byteLength : part.size
      this.#parts.push(part)
    }

    this.#endings = `${options.endings === undefined ? 'transparent' : options.endings}`
    const type = options.type === undefined ? '' : String(options.type)
    this.#type = /^[\x20-\x7E]*$/.test(type) ? type : ''
  }

  /**
   * The Blob interface's size property returns the
   * size of the Blob in bytes.
   */
  get size () {
    return this.#size
  }

  /**
   * The type property of a Blob object returns the MIME type of the file.
   */
  get type () {
    return this.#type
  }

  /**
   * The text() method in the Blob interface returns a Promise
   * that resolves with a string containing the contents of
   * the blob, interpreted as UTF-8.
   *
   * @return {Promise<string>}
   */
  async text () {
    // More optimized than using this.arrayBuffer()
    // that requires twice as much ram
    const decoder = new TextDecoder()
    let str = ''
    for await (const part of toIterator(this.#parts, false)) {
      str += decoder.decode(part, { stream: true })
    }
    // Remaining
    str += decoder.decode()
    return str
  }

  /**
   * The arrayBuffer() method in the Blob interface returns a
   * Promise that resolves with the contents of the blob as
   * binary data contained in an ArrayBuffer.
   *
   * @return {Promise<ArrayBuffer>}
   */
  async arrayBuffer () {
    // Easier way... Just a unnecessary overhead
    // const view = new Uint8Array(this.size);
    // await this.stream().getReader({mode: 'byob'}).read(view);
    // return view.buffer;

    const data = new Uint8Array(this.size)
    let offset = 0
    for await (const chunk of toIterator(this.#parts, false)) {
      data.set(chunk, offset)
      offset += chunk.length
    }

    return data.buffer
  }

  stream () {
    const it = toIterator(this.#parts, true)

    return new globalThis.ReadableStream({
      // @ts-ignore
      type: 'bytes',
      async pull (ctrl) {
        const chunk = await it.next()
        chunk.done ? ctrl.close() : ctrl.enqueue(chunk.value)
      },

      async cancel () {
        await it.return()
      }
    })
  }

  /**
   * The Blob interface's slice() method creates and returns a
   * new Blob object which contains data from a subset of the
   * blob on which it's called.
   *
   * @param {number} [start]
   * @param {number} [end]
   * @param {string} [type]
   */
  slice (start = 0, end = this.size, type = '') {
    const { size } = this

    let relativeStart = start < 0 ? Math.max(size + start, 0) : Math.min(start, size)
    let relativeEnd = end < 0 ? Math.max(size + end, 0) : Math.min(end, size)

    const span = Math.max(relativeEnd - relativeStart, 0)
    const parts = this.#parts
    const blobParts = []
    let added = 0

    for (const part of parts) {
      // don't add the overflow to new blobParts
      if (added >= span) {
        break
      }

      const size = ArrayBuffer.isView(part) ? part.byteLength : part.size
      if (relativeStart && size <= relativeStart) {
        // Skip the beginning and change the relative
        // start & end position as we skip the unwanted parts
        relativeStart -= size
        relativeEnd -= size
      } else {
        let chunk
        if (ArrayBuffer.isView(part)) {
          chunk = part.subarray(relativeStart, Math.min(size, relativeEnd))
          added += chunk.byteLength
        } else {
          chunk = part.slice(relativeStart, Math.min(size, relativeEnd))
          added += chunk.size
        }
        relativeEnd -= size
        blobParts.push(chunk)
        relativeStart = 0 // All next sequential parts should start at 0
      }
    }

    const blob = new Blob([], { type: String(type).toLowerCase() })
    blob.#size = span
    blob.#parts = blobParts

    return blob
  }

  get [Symbol.toStringTag] () {
    return 'Blob'
  }

  static [Symbol.hasInstance] (object) {
    return (
      object &&
      typeof object === 'object' &&
      typeof object.constructor === 'function' &&
      (
        typeof object.stream === 'function' ||
        typeof object.arrayBuffer === 'function'
      ) &&
      /^(Blob|File)$/.test(object[Symbol.toStringTag])
    )
  }
}

Object.defineProperties(_Blob.prototype, {
  size: { enumerable: true },
  type: { enumerable: true },
  slice: { enumerable: true }
})

/** @type {typeof globalThis.Blob} */
const Blob = _Blob
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (Blob);


/***/ }),

/***/ 3018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $n: () => (/* binding */ formDataToBlob),
/* harmony export */   fS: () => (/* binding */ FormData)
/* harmony export */ });
/* unused harmony export File */
/* harmony import */ var fetch_blob__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6327);
/* harmony import */ var fetch_blob_file_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4645);
/*! formdata-polyfill. MIT License. Jimmy Wärting <https://jimmy.warting.se/opensource> */




var {toStringTag:t,iterator:i,hasInstance:h}=Symbol,
r=Math.random,
m='append,set,get,getAll,delete,keys,values,entries,forEach,constructor'.split(','),
f=(a,b,c)=>(a+='',/^(Blob|File)$/.test(b && b[t])?[(c=c!==void 0?c+'':b[t]=='File'?b.name:'blob',a),b.name!==c||b[t]=='blob'?new fetch_blob_file_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A([b],c,b):b]:[a,b+'']),
e=(c,f)=>(f?c:c.replace(/\r?\n|\r/g,'\r\n')).replace(/\n/g,'%0A').replace(/\r/g,'%0D').replace(/"/g,'%22'),
x=(n, a, e)=>{if(a.length<e){throw new TypeError(`Failed to execute '${n}' on 'FormData': ${e} arguments required, but only ${a.length} present.`)}}

const File = (/* unused pure expression or super */ null && (F))

/** @type {typeof globalThis.FormData} */
const FormData = class FormData {
#d=[];
constructor(...a){if(a.length)throw new TypeError(`Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.`)}
get [t]() {return 'FormData'}
[i](){return this.entries()}
static [h](o) {return o&&typeof o==='object'&&o[t]==='FormData'&&!m.some(m=>typeof o[m]!='function')}
append(...a){x('append',arguments,2);this.#d.push(f(...a))}
delete(a){x('delete',arguments,1);a+='';this.#d=this.#d.filter(([b])=>b!==a)}
get(a){x('get',arguments,1);a+='';for(var b=this.#d,l=b.length,c=0;c<l;c++)if(b[c][0]===a)return b[c][1];return null}
getAll(a,b){x('getAll',arguments,1);b=[];a+='';this.#d.forEach(c=>c[0]===a&&b.push(c[1]));return b}
has(a){x('has',arguments,1);a+='';return this.#d.some(b=>b[0]===a)}
forEach(a,b){x('forEach',arguments,1);for(var [c,d]of this)a.call(b,d,c,this)}
set(...a){x('set',arguments,2);var b=[],c=!0;a=f(...a);this.#d.forEach(d=>{d[0]===a[0]?c&&(c=!b.push(a)):b.push(d)});c&&b.push(a);this.#d=b}
*entries(){yield*this.#d}
*keys(){for(var[a]of this)yield a}
*values(){for(var[,a]of this)yield a}}

/** @param {FormData} F */
function formDataToBlob (F,B=fetch_blob__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A){
var b=`${r()}${r()}`.replace(/\./g, '').slice(-28).padStart(32, '-'),c=[],p=`--${b}\r\nContent-Disposition: form-data; name="`
F.forEach((v,n)=>typeof v=='string'
?c.push(p+e(n)+`"\r\n\r\n${v.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`)
:c.push(p+e(n)+`"; filename="${e(v.name, 1)}"\r\nContent-Type: ${v.type||"application/octet-stream"}\r\n\r\n`, v, '\r\n'))
c.push(`--${b}--`)
return new B(c,{type:"multipart/form-data; boundary="+b})}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
