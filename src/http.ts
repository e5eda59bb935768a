/**
 * HTTP for both ends of the action: node-fetch with the runner's proxy rules
 * (HTTP(S)_PROXY / NO_PROXY, as @actions/http-client reads them), redirects followed only
 * within the origin a token is for, and network errors in words. The proxy agents load only
 * when a proxy applies, so a direct run does not pay for them.
 */
import type { Agent } from 'node:http'
// `lib/proxy` is a declared entry point of @actions/http-client (its package.json `exports`),
// not a reach into its internals; its root entry would pull undici into every run.
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import fetch, { FetchError, type RequestInit, type Response } from 'node-fetch'

const agents = new Map<string, Promise<Agent>>()

/** The proxy agent for `url`, or undefined when the request goes direct. */
function proxyAgentFor(url: URL): Promise<Agent> | undefined {
  const proxy = getProxyUrl(url)
  if (!proxy) return undefined
  const key = `${url.protocol}${proxy.href}`
  let agent = agents.get(key)
  if (!agent) {
    agent =
      url.protocol === 'https:'
        ? import('https-proxy-agent').then(({ HttpsProxyAgent }) => new HttpsProxyAgent(proxy))
        : import('http-proxy-agent').then(({ HttpProxyAgent }) => new HttpProxyAgent(proxy))
    agents.set(key, agent)
  }
  return agent
}

/** node-fetch through the proxy that applies to `url`, if any. */
export async function proxiedFetch(url: URL | string, init: RequestInit = {}): Promise<Response> {
  const target = new URL(url)
  return fetch(target, { ...init, agent: await proxyAgentFor(target) })
}

/** Redirects followed within the origin before giving up. */
export const MAX_REDIRECTS = 5

/** Where a request ended: an answer, or a redirect that was not followed (the caller words it). */
export type WithinOrigin =
  | { kind: 'response'; response: Response }
  | { kind: 'otherOrigin'; target: URL }
  | { kind: 'tooManyRedirects'; target: URL }

/**
 * node-fetch forwards custom headers (X-OpsMx-Auth) on a redirect even to another host, and
 * drops Authorization there: so redirects are followed here, and only within the origin
 * the token is for, at most 5. Only a GET is redirected; any other method's redirect comes
 * back as the answer.
 */
export async function fetchWithinOrigin(
  start: URL,
  init: { method: string; headers: Record<string, string>; body?: string },
  signal: AbortSignal
): Promise<WithinOrigin> {
  let url = start
  for (let redirects = 0; ; redirects++) {
    const response = await proxiedFetch(url, { ...init, signal, redirect: 'manual' })
    const location = response.headers.get('location')
    if (init.method !== 'GET' || ![301, 302, 303, 307, 308].includes(response.status) || !location) {
      return { kind: 'response', response }
    }
    response.body?.resume()
    const target = new URL(location, url)
    if (target.origin !== start.origin) return { kind: 'otherOrigin', target }
    if (redirects === MAX_REDIRECTS) return { kind: 'tooManyRedirects', target }
    url = target
  }
}

/** Node's error codes for certificate problems: retrying cannot fix them. */
const TLS_ERROR_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/

/**
 * A request that got no answer, in words: Node's error code, whether it is a certificate
 * problem (no retry helps), the common codes said plainly (`known`), and else node-fetch's
 * own reason, untrusted and unflattened, for the caller to cut.
 */
export function networkError(
  error: unknown,
  url: URL
): { code: string; tls: boolean; known?: string; message: string } {
  const code = error instanceof FetchError ? (error.code ?? '') : ''
  // node-fetch says "request to <url> failed, reason: <why>": the why is what helps.
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /^request to .* failed, reason: /,
    ''
  )
  const known = {
    ECONNREFUSED: `connection to ${url.host} refused`,
    ECONNRESET: `connection to ${url.host} reset`,
    ENOTFOUND: `host ${url.hostname} not found (DNS)`,
    EAI_AGAIN: `DNS lookup of ${url.hostname} failed`
  }[code]
  return { code, tls: TLS_ERROR_CODE.test(code), ...(known ? { known } : {}), message }
}
