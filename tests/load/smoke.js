// Smoke: one user for 30 s. Does the hub answer at all, and fast?
import { sleep } from 'k6';
import { hitEdges, thresholds } from './config.js';

export const options = {
  vus: 1,
  duration: '30s',
  thresholds,
};

export default function () {
  hitEdges();
  sleep(1);
}
