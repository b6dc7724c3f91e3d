// Profiles a service from start to exit (`--cpu-prof` is refused in NODE_OPTIONS):
// NODE_OPTIONS="--require tests/bench/support/cpu-profile.cjs" CPU_PROFILE_DIR=/tmp/prof
// writes <dir>/<pid>.cpuprofile (open it in Chrome's DevTools) when the process exits.
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // The in-process session answers synchronously, so this runs before the process ends.
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const name = `${path.basename(process.argv[1] ?? 'node')}-${process.pid}.cpuprofile`;
      fs.writeFileSync(path.join(dir, name), JSON.stringify(result.profile));
    });
  });
}
