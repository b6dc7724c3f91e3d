// Load: a normal busy hour, compressed. Ramp to 50 users, hold, ramp down (9 minutes).
import { sleep } from 'k6';
import { hitEdges, thresholds } from './config.js';

export const options = {
  stages: [
    { duration: '2m', target: 50 },
    { duration: '5m', target: 50 },
    { duration: '2m', target: 0 },
  ],
  thresholds,
};

export default function () {
  hitEdges();
  sleep(1);
}
