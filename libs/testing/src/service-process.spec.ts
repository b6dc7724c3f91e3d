import { ServiceProcess } from './service-process';

describe('ServiceProcess', () => {
  it('fails at once, with the reason, when the process exits before it is ready', async () => {
    // No service of this name is built: node exits with "Cannot find module". Without the check
    // the wait would end in a timeout, with another message.
    const process = new ServiceProcess({ name: 'no-such-service', port: 1, env: {} }).start();

    await expect(process.waitUntilReady(true, 60_000)).rejects.toThrow(
      /no-such-service exited \(code 1\) before it was ready[\s\S]*Cannot find module/,
    );
  });
});
