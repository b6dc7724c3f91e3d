// Bench only: the baseline for per-socket memory. A bare `ws` server on a plain HTTP server,
// holding every socket it accepts and doing nothing else. PORT from the environment.
const http = require('node:http');
const { WebSocketServer } = require('ws');

const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (socket) => socket.on('message', () => undefined));
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
