import { createServer, connect, type Socket } from 'node:net';

/**
 * A TCP relay between the browser and connector-web whose link can be cut: `cut()` resets every
 * open connection and refuses new ones, as a dropped network would; `restore()` lets them
 * through again. (Chromium's own offline switch holds an open WebSocket in limbo instead of
 * closing it, which no real network drop does.)
 */
export interface BlinkingLink {
  /** `http://127.0.0.1:<port>`: use it as the hub origin the snippet names. */
  url: string;
  cut(): void;
  restore(): void;
  /**
   * Keeps the client's bytes flowing to the target but holds the target's back from the
   * client: a request is carried out while its answer never arrives (a JetStream publish is
   * stored, its ack lost).
   */
  holdReplies(): void;
  close(): Promise<void>;
}

export async function startBlinkingLink(target: string): Promise<BlinkingLink> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const upstreams = new Map<Socket, Socket>();
  let up = true;
  let holding = false;
  const hold = (upstream: Socket, client: Socket) => {
    upstream.unpipe(client);
    upstream.pause();
  };
  const server = createServer((client) => {
    if (!up) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect({ host: hostname, port: Number(port) });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      // A reset on one side ends the other; the error itself is the point of a cut link.
      socket.on('error', () => socket.destroy());
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
    upstreams.set(upstream, client);
    upstream.on('close', () => upstreams.delete(upstream));
    if (holding) hold(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${listening}`,
    cut() {
      up = false;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore() {
      up = true;
    },
    holdReplies() {
      holding = true;
      for (const [upstream, client] of upstreams) hold(upstream, client);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
