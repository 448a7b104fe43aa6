import * as net from 'node:net'
import { performance } from 'node:perf_hooks'

/**
 * A TCP proxy on 127.0.0.1 that makes loopback behave like a distant server: every chunk takes `oneWayMs` to cross
 * in each direction, in order. A new connection also costs one round trip before the client's first byte can leave,
 * as the TCP handshake does (the kernel completes loopback connects at once, so the proxy holds that byte instead).
 * Sockets on both sides have Nagle off, so the proxy adds no delay of its own.
 */
export interface LatencyProxy {
  port: number
  /** Connections accepted so far. */
  readonly connections: number
  close(): Promise<void>
}

export interface LatencyProxyOptions {
  targetHost: string
  targetPort: number
  oneWayMs: number
}

/**
 * Delivers items in order, each no earlier than its time, with one timer for the head of the queue. Timers fire up
 * to a millisecond or two late, which over a dozen hops would show in the results, so the last 2 ms are waited out
 * with setImmediate.
 */
class DelayLine {
  private readonly queue: { at: number; deliver: () => void }[] = []
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined
  private last = 0

  push(earliest: number, deliver: () => void): void {
    const at = Math.max(earliest, this.last)
    this.last = at
    this.queue.push({ at, deliver })
    if (!this.timer) this.arm()
  }

  clear(): void {
    this.queue.length = 0
    this.cancel()
  }

  private cancel(): void {
    if (this.timer && 'hasRef' in this.timer && 'refresh' in this.timer) clearTimeout(this.timer)
    else if (this.timer) clearImmediate(this.timer)
    this.timer = undefined
  }

  private arm(): void {
    const head = this.queue[0]
    if (!head) {
      this.timer = undefined
      return
    }
    const wait = head.at - performance.now()
    this.timer = wait > 2 ? setTimeout(() => this.flush(), wait - 2) : setImmediate(() => this.flush())
  }

  private flush(): void {
    const now = performance.now()
    while (this.queue.length > 0 && this.queue[0].at <= now) this.queue.shift()!.deliver()
    this.arm()
  }
}

export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
  const { oneWayMs } = options
  const sockets = new Set<net.Socket>()
  let connections = 0

  const server = net.createServer({ noDelay: true }, (client) => {
    connections++
    const acceptedAt = performance.now()
    // SYN + SYN-ACK: the client could not send anything before one full round trip.
    const clientCanSendAt = acceptedAt + 2 * oneWayMs
    const upstream = net.connect({ host: options.targetHost, port: options.targetPort, noDelay: true })
    const toServer = new DelayLine()
    const toClient = new DelayLine()
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => undefined)
      socket.on('close', () => {
        sockets.delete(socket)
        toServer.clear()
        toClient.clear()
        client.destroy()
        upstream.destroy()
      })
    }
    client.on('data', (chunk: Buffer) => toServer.push(Math.max(performance.now(), clientCanSendAt) + oneWayMs, () => upstream.write(chunk)))
    client.on('end', () => toServer.push(performance.now() + oneWayMs, () => upstream.end()))
    upstream.on('data', (chunk: Buffer) => toClient.push(performance.now() + oneWayMs, () => client.write(chunk)))
    upstream.on('end', () => toClient.push(performance.now() + oneWayMs, () => client.end()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo

  return {
    port,
    get connections() {
      return connections
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
