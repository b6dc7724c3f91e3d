const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 = the first after a drop): 0.5 s doubling
 * to 30 s, each delay drawn from its upper half so a thousand widgets dropped by one deploy do not
 * come back in the same millisecond. `random` is Math.random's [0, 1).
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
