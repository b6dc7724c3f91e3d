import type { AgentRole } from '../api/types';

export interface NavItem {
  path: string;
  /** Key in the `app` namespace. */
  labelKey:
    'nav.conversations' | 'nav.visitors' | 'nav.tickets' | 'nav.supervisor' | 'nav.settings';
  /** Alt+<key> opens it. */
  shortcut: string;
  roles: readonly AgentRole[];
}

const EVERYONE: readonly AgentRole[] = ['agent', 'supervisor', 'admin'];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/conversations', labelKey: 'nav.conversations', shortcut: '1', roles: EVERYONE },
  { path: '/visitors', labelKey: 'nav.visitors', shortcut: '2', roles: EVERYONE },
  { path: '/tickets', labelKey: 'nav.tickets', shortcut: '3', roles: EVERYONE },
  {
    path: '/supervisor',
    labelKey: 'nav.supervisor',
    shortcut: '4',
    roles: ['supervisor', 'admin'],
  },
  { path: '/settings', labelKey: 'nav.settings', shortcut: '5', roles: ['admin'] },
];

/** The screens an agent of `role` may open (the API enforces the same; this only hides). */
export function navItemsFor(role: AgentRole): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
