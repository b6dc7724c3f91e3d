import { SUBJECTS } from '../subjects';
import type { EventContract, RequestContract } from './contract';
import { subjectMatches } from './contract';

/** Every contract of {@link SUBJECTS}, requests and events alike. */
export const ALL_CONTRACTS: readonly (RequestContract | EventContract)[] = Object.values(
  SUBJECTS,
).flatMap((service) => Object.values(service) as (RequestContract | EventContract)[]);

/** Every event contract, in declaration order. */
export const EVENT_CONTRACTS: readonly EventContract[] = ALL_CONTRACTS.filter(
  (contract): contract is EventContract => contract.kind === 'event',
);

/**
 * The event contract a concrete subject belongs to (`inbound.web` → the inbound family), or
 * undefined: for a reader holding only a stored subject, such as the outbox sweep.
 */
export function eventContractOf(subject: string): EventContract | undefined {
  return EVENT_CONTRACTS.find((contract) => subjectMatches(contract.subject, subject));
}
