/** Delay before reconnect attempt `attempt` (0-based): doubling from 500 ms up to 10 s, ±20 %. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.8 + 0.4 * random()));
}
