import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { Backpressure } from './backpressure';

const LIMIT = 1 << 20;
const CHUNK = 'x'.repeat(4 << 20);

describe('backpressure on a real socket', () => {
  let server: WebSocketServer;
  let serverSide: WebSocket;
  let client: WebSocket;

  beforeEach(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    const accepted = once(server, 'connection') as Promise<[WebSocket]>;
    client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    [serverSide] = await accepted;
    await once(client, 'open');
  });

  afterEach(async () => {
    client.terminate();
    serverSide.terminate();
    server.close();
    await once(server, 'close');
  });

  it('sends while the client reads', async () => {
    const backpressure = new Backpressure(LIMIT);
    const received = once(client, 'message') as Promise<[Buffer]>;

    expect(backpressure.send(serverSide, '{"type":"pong"}')).toBe(true);
    expect((await received)[0].toString()).toBe('{"type":"pong"}');
  });

  it('closes with 1008 a client that stops reading, instead of buffering without end', async () => {
    const backpressure = new Backpressure(LIMIT);
    const closed = once(client, 'close') as Promise<[number, Buffer]>;
    // The client stops reading: the kernel's buffers fill, then the server's.
    (client as unknown as { _socket: { pause(): void } })._socket.pause();

    let sends = 0;
    while (backpressure.send(serverSide, CHUNK)) {
      sends++;
      if (sends > 100) throw new Error('the server never noticed the client stopped reading');
      await new Promise((resolve) => setImmediate(resolve));
    }

    expect(serverSide.readyState).toBe(WebSocket.CLOSING);
    expect(backpressure.send(serverSide, '{"type":"pong"}')).toBe(false);
    (client as unknown as { _socket: { resume(): void } })._socket.resume();
    const [code] = await closed;
    expect(code).toBe(1008);
  });

  it('tells a sender when a socket has drained', async () => {
    const backpressure = new Backpressure(64 << 20);
    backpressure.send(serverSide, CHUNK);

    await expect(backpressure.drained(serverSide)).resolves.toBe(true);
    expect(serverSide.bufferedAmount).toBeLessThanOrEqual(1 << 20);
    serverSide.close();
    await expect(backpressure.drained(serverSide)).resolves.toBe(false);
  });
});
