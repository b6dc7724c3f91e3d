import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { DomainException } from '@hub/service-kit';

// Addresses a webhook must not reach unless the workspace allows it: the hub's own host and
// network, cloud metadata (169.254.169.254), and everything not routable on the internet.
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: an IPv4 address in disguise
  ['2001:db8::', 32], // documentation
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`), as the IPv4 address it is. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** True for a loopback, private, link-local or otherwise non-internet address. */
export function isNonPublicAddress(address: string): boolean {
  const plain = unmapped(address);
  const family = isIP(plain);
  if (family === 0) return true;
  return NOT_PUBLIC.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

const forbidden = (message: string) => new DomainException('WEBHOOK_TARGET_FORBIDDEN', message);

/**
 * Resolves a target URL's host and vets every address it resolves to: the delivery then
 * connects to the address vetted here (never resolving again), so a DNS answer that changes in
 * between cannot lead it elsewhere. WEBHOOK_TARGET_FORBIDDEN when the host does not resolve, or
 * resolves to any non-public address and `allowPrivate` is false.
 */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<ResolvedTarget> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw forbidden(`${host} does not resolve`);
  }
  const blocked = addresses.find((entry) => isNonPublicAddress(entry.address));
  if (addresses.length === 0) throw forbidden(`${host} does not resolve`);
  if (blocked && !allowPrivate) {
    throw forbidden(
      `${host} resolves to ${blocked.address}, a loopback, private or link-local address; ` +
        'the workspace does not allow such webhook targets',
    );
  }
  const [first] = addresses;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
