import { isNonPublicAddress, resolveTarget } from './target-address';

describe('webhook target addresses', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::7f00:1',
  ])('refuses %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts %s',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false);
    },
  );

  it('refuses a URL naming a loopback address unless private targets are allowed', async () => {
    await expect(resolveTarget(new URL('http://127.0.0.1:9/x'), false)).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_FORBIDDEN',
    });
    await expect(resolveTarget(new URL('http://[::1]:9/x'), false)).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_FORBIDDEN',
    });
    await expect(resolveTarget(new URL('http://127.0.0.1:9/x'), true)).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
  });

  it('refuses a name that resolves to loopback (localhost)', async () => {
    await expect(resolveTarget(new URL('http://localhost/x'), false)).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_FORBIDDEN',
    });
  });
});
