import { readdirSync, readFileSync } from 'node:fs';

// Linux reports CPU times in clock ticks of 1/100 s (`getconf CLK_TCK`).
const MS_PER_TICK = 10;

/** User + system CPU time used so far by the processes `pids`, in ms, read from /proc. */
export function processCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited (a PostgreSQL backend whose connection closed): its time is lost
    }
    // Fields after the command name (which may hold spaces): utime and stime are the 12th
    // and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * MS_PER_TICK;
}

/**
 * Pids of the running processes whose command name is `name` (`postgres` for PostgreSQL's
 * backends, `nats-server`): the servers the hub spends the rest of its machine time in.
 */
export function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false; // gone since the listing
      }
    })
    .map(Number);
}

/** CPU time the whole machine has spent busy (all but idle and iowait), in ms. */
export function machineBusyMs(): number {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const [, ...values] = cpu.trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = values;
  return (user + nice + system + irq + softirq + steal) * MS_PER_TICK;
}

/** CPU spent by `pids` and by the machine between `start()` and `stop()`. */
export function cpuMeter(pids: readonly number[]) {
  const services = processCpuMs(pids);
  const machine = machineBusyMs();
  return {
    stop: () => ({
      servicesMs: processCpuMs(pids) - services,
      machineMs: machineBusyMs() - machine,
    }),
  };
}

/**
 * CPU per message from `start()` to `report(messages)`: each named service's (from /proc), their
 * sum, and the whole machine's (the bench's own client, NATS and PostgreSQL included).
 */
export function perMessageCpu(services: ReadonlyArray<{ name: string; pid: number }>) {
  const meters = services.map((service) => cpuMeter([service.pid]));
  const machine = machineBusyMs();
  return {
    report(messages: number): string {
      const per = (ms: number): string => (ms / Math.max(1, messages)).toFixed(2);
      const spent = meters.map((meter) => meter.stop().servicesMs);
      const total = spent.reduce((sum, ms) => sum + ms, 0);
      const byService = services.map((service, i) => `${service.name} ${per(spent[i])}`);
      return `CPU per message: services ${per(total)} ms (${byService.join(', ')}); machine ${per(machineBusyMs() - machine)} ms`;
    },
  };
}
