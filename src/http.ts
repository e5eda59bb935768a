/**
 * HTTP for both ends of the action: node-fetch with the runner's proxy rules
 * (HTTP(S)_PROXY / NO_PROXY, as @actions/http-client reads them). The proxy agents load
 * only when a proxy applies, so a direct run does not pay for them.
 */
import type { Agent } from 'node:http'
// `lib/proxy` is a declared entry point of @actions/http-client (its package.json `exports`),
// not a reach into its internals; its root entry would pull undici into every run.
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import fetch, { type RequestInit, type Response } from 'node-fetch'

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
