import path from 'node:path';

/**
 * With BENCH_PROFILE_DIR set, the environment that makes each started service write a CPU
 * profile there when it exits (see cpu-profile.cjs); none otherwise.
 */
export function profilingEnv(): Record<string, string> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return {};
  return {
    NODE_OPTIONS: `--require ${path.join(__dirname, 'cpu-profile.cjs')}`,
    CPU_PROFILE_DIR: dir,
  };
}
