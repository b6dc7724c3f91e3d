import { navItemsFor } from './nav';

describe('navigation by role', () => {
  it('shows agents their daily screens only', () => {
    expect(navItemsFor('agent').map((item) => item.path)).toEqual([
      '/conversations',
      '/visitors',
      '/tickets',
    ]);
  });

  it('adds the supervisor screen for supervisors and settings only for admins', () => {
    expect(navItemsFor('supervisor').map((item) => item.path)).toContain('/supervisor');
    expect(navItemsFor('supervisor').map((item) => item.path)).not.toContain('/settings');
    expect(navItemsFor('admin').map((item) => item.path)).toEqual(
      expect.arrayContaining(['/supervisor', '/settings']),
    );
  });
});
