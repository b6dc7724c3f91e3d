import { BUS_SERVICES, type BusService } from '@hub/contracts';
import { busPermissions } from './bus-permissions';

/** A NATS user that is not a hub service (an operator, a test): no permission limits. */
export interface UnrestrictedUser {
  /** Says who it is in the generated file. */
  label: string;
  publicKey: string;
}

/** Options of {@link natsAuthorizationConfig}. */
export interface NatsAuthorizationOptions {
  namespace: string;
  /** The nkey public key (`U...`) of each service's user. */
  servicePublicKeys: Record<BusService, string>;
  unrestricted?: UnrestrictedUser[];
}

/**
 * The nats-server `authorization { users = [...] }` block: one nkey user per service, allowed
 * exactly the subjects `SERVICE_PERMISSIONS` gives it under `namespace`. Include it from the
 * server's configuration (`include ./authorization.conf`).
 */
const AUTH_TIMEOUT_SECONDS = 10;

export function natsAuthorizationConfig(options: NatsAuthorizationOptions): string {
  const users = [
    ...BUS_SERVICES.map((service) => serviceUser(service, options)),
    ...(options.unrestricted ?? []).map(
      (user) => `    # ${user.label}: unrestricted\n    { nkey: ${quote(user.publicKey)} }`,
    ),
  ];
  return [
    `# Generated from SERVICE_PERMISSIONS (libs/contracts) for HUB_NAMESPACE "${options.namespace}".`,
    '# Do not edit: regenerate it (docs/operations.md, "NATS credentials").',
    'authorization {',
    // Seconds a client has to send its signed CONNECT. The default (2 s) refuses services that
    // start on a busy node, seven at once on two cores, with "Authentication Timeout".
    `  timeout: ${AUTH_TIMEOUT_SECONDS}`,
    '  users = [',
    users.join('\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function serviceUser(service: BusService, options: NatsAuthorizationOptions): string {
  const permissions = busPermissions(service, options.namespace);
  return [
    `    # ${service}`,
    '    {',
    `      nkey: ${quote(options.servicePublicKeys[service])}`,
    '      permissions: {',
    `        publish: ${allowList(permissions.publish)}`,
    `        subscribe: ${allowList(permissions.subscribe)}`,
    ...(permissions.allowResponses ? ['        allow_responses: true'] : []),
    '      }',
    '    }',
  ].join('\n');
}

// An empty allow-list would allow everything, so nothing-allowed is written as deny-all.
function allowList(subjects: string[]): string {
  if (subjects.length === 0) return '{ deny: [">"] }';
  const lines = subjects.map((subject) => `            ${quote(subject)}`);
  return ['{', '          allow: [', ...lines, '          ]', '        }'].join('\n');
}

// JSON string quoting is valid in the NATS configuration syntax, and keeps `$JS...` literal.
function quote(value: string): string {
  return JSON.stringify(value);
}
