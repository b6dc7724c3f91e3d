// Spike: a sudden crowd (a campaign goes out). 0 -> 300 users in 30 s, then gone.
// Errors may rise during the spike, but must stay rare.
import { sleep } from 'k6';
import { hitEdges, thresholds } from './config.js';

export const options = {
  stages: [
    { duration: '30s', target: 300 },
    { duration: '1m', target: 300 },
    { duration: '30s', target: 0 },
  ],
  thresholds: {
    ...thresholds,
    http_req_failed: ['rate<0.05'],
    http_req_duration: ['p(95)<1000'],
  },
};

export default function () {
  hitEdges();
  sleep(0.5);
}
