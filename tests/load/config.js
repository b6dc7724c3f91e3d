// Shared by every k6 script here (grafana/quickpizza style): where the hub is, what each
// scenario hits, and the thresholds a run must meet. k6 runs these, not node:
//   k6 run tests/load/smoke.js
//   k6 run -e GATEWAY_URL=http://127.0.0.1:3000 -e CONNECTOR_WEB_URL=http://127.0.0.1:3001 tests/load/load.js
// Only ever point them at a hub you run yourself (loopback by default).
import http from 'k6/http';
import { check } from 'k6';

export const GATEWAY_URL = __ENV.GATEWAY_URL || 'http://127.0.0.1:3000';
export const CONNECTOR_WEB_URL = __ENV.CONNECTOR_WEB_URL || 'http://127.0.0.1:3001';

// Tightened per scenario below; a run that misses one exits non-zero.
export const thresholds = {
  http_req_failed: ['rate<0.01'],
  http_req_duration: ['p(95)<200', 'p(99)<500'],
  checks: ['rate>0.99'],
};

/**
 * One iteration: the edges' readiness. The real scenarios (a visitor opening the widget
 * socket and chatting, an agent answering over /api/v1, the inbound API) come with the
 * web-chat issue; they reuse these thresholds.
 */
export function hitEdges() {
  for (const [name, base] of [
    ['gateway', GATEWAY_URL],
    ['connector-web', CONNECTOR_WEB_URL],
  ]) {
    const res = http.get(`${base}/health/ready`, { tags: { name: `${name} /health/ready` } });
    check(res, { [`${name} ready`]: (r) => r.status === 200 });
  }
}
