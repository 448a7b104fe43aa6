import * as http from 'node:http'
import * as net from 'node:net'

/** A tiny HTTP proxy on 127.0.0.1: CONNECT tunnels (for https targets) and absolute-form forwarding (for http). */
export interface TestProxy {
  url: string
  /** host:port of every CONNECT it tunnelled. */
  tunnels: string[]
  /** Absolute URLs it forwarded. */
  forwarded: string[]
  close(): Promise<void>
}

/** `refuseTunnels`: answer every CONNECT with this status instead (a proxy that is up but will not tunnel). */
export async function startTestProxy(options: { refuseTunnels?: number } = {}): Promise<TestProxy> {
  const tunnels: string[] = []
  const forwarded: string[] = []
  const sockets = new Set<net.Socket>()

  const server = http.createServer((req, res) => {
    forwarded.push(req.url ?? '')
    const target = new URL(req.url ?? '')
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? ''
    tunnels.push(target)
    if (options.refuseTunnels) {
      client.end(`HTTP/1.1 ${options.refuseTunnels} Refused by policy\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))]
    const upstream = net.connect(port, host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => undefined)
      socket.on('close', () => {
        sockets.delete(socket)
        client.destroy()
        upstream.destroy()
      })
    }
  })
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
