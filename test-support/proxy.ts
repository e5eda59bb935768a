/**
 * A forward HTTP proxy on loopback, as a corporate proxy would be: plain requests in
 * absolute form for http targets, CONNECT tunnels for https. Host names in `hosts` are
 * known only to the proxy, so a request that bypasses it cannot reach them.
 */
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ProxyLogEntry {
  method: string
  /** The absolute URL, or host:port for CONNECT. */
  target: string
}

export interface TestProxy {
  url: string
  log: ProxyLogEntry[]
  close(): Promise<void>
}

/** `hosts` maps a name only the proxy knows to a loopback port, e.g. { 'ssd.corp.test': 41234 }. */
export async function startProxy(hosts: Record<string, number>): Promise<TestProxy> {
  const log: ProxyLogEntry[] = []
  const sockets = new Set<Socket>()
  const resolve = (hostname: string): { host: string; port: number } | undefined =>
    hosts[hostname] !== undefined ? { host: '127.0.0.1', port: hosts[hostname] } : undefined

  const server = createServer((incoming: IncomingMessage, response) => {
    log.push({ method: incoming.method ?? '', target: incoming.url ?? '' })
    const target = new URL(incoming.url ?? '')
    const upstream = resolve(target.hostname)
    if (!upstream) {
      response.writeHead(502).end(`proxy: unknown host ${target.hostname}`)
      return
    }
    const forward = httpRequest(
      { ...upstream, method: incoming.method, path: target.pathname + target.search, headers: incoming.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    forward.on('error', () => response.writeHead(502).end())
    incoming.pipe(forward)
  })
  server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
    log.push({ method: 'CONNECT', target: incoming.url ?? '' })
    const [hostname = ''] = (incoming.url ?? '').split(':')
    const upstream = resolve(hostname)
    if (!upstream) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const tunnel = connect(upstream.port, upstream.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      tunnel.write(head)
      tunnel.pipe(client)
      client.pipe(tunnel)
    })
    tunnel.on('error', () => client.destroy())
    client.on('error', () => tunnel.destroy())
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((done) => server.close(() => done()))
    }
  }
}
