import { inboxHint, loginsTable, servicesTable } from './report';

describe('report tables', () => {
  it('aligns the services table and flags services that are not ready', () => {
    expect(
      servicesTable([
        { name: 'gateway', url: 'http://127.0.0.1:3000', ready: true },
        { name: 'crm', url: 'http://127.0.0.1:3006', ready: false },
      ]),
    ).toEqual([
      'service  url                    ready',
      '-------  ---------------------  -------------------------',
      'gateway  http://127.0.0.1:3000  yes',
      'crm      http://127.0.0.1:3006  NO (see its output above)',
    ]);
  });

  it('lists every demo login with its password', () => {
    const lines = loginsTable([
      { role: 'admin', name: 'Admin', email: 'admin@demo.local', password: 'k7dp-x2mq-9rtw' },
    ]);
    expect(lines[2]).toBe('admin  Admin  admin@demo.local  k7dp-x2mq-9rtw');
  });

  it("names the inbox app's address on the gateway", () => {
    expect(inboxHint('http://127.0.0.1:3000')).toBe('Inbox: http://127.0.0.1:3000/');
  });
});
