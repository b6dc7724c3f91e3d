/** The hub's deployables and the HTTP port each listens on by default. */
export const HUB_SERVICES = [
  { name: 'gateway', port: 3000 },
  { name: 'connector-web', port: 3001 },
  { name: 'connector-email', port: 3002 },
  { name: 'connector-social', port: 3003 },
  { name: 'conversation', port: 3004 },
  { name: 'routing', port: 3005 },
  { name: 'crm', port: 3006 },
] as const;

export type HubServiceName = (typeof HUB_SERVICES)[number]['name'];
