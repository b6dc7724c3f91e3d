import { DomainException, exceedsJsonDepth } from '@hub/service-kit';
import { validateFrame } from '@hub/socket-kit';
import { BeaconBatch } from './dto/beacon.dto';

function malformed(why: string): DomainException {
  return new DomainException('BEACON_MALFORMED', `The beacon body is not a JSON object: ${why}`);
}

/**
 * A beacon body: JSON text (sent as text/plain by sendBeacon, so the browser sends no CORS
 * preflight), or an object when the client sent application/json. Then validated like any
 * REST body: VALIDATION_FAILED with the fields at fault.
 */
export function parseBeacon(body: unknown): BeaconBatch {
  let value: unknown = body;
  if (typeof body === 'string') {
    if (exceedsJsonDepth(body)) throw malformed('nested too deep');
    try {
      value = JSON.parse(body);
    } catch {
      // The parser's message would echo the hostile text back; the code says enough.
      throw malformed('unparseable');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw malformed('expected an object');
  return validateFrame(BeaconBatch, value as Record<string, unknown>);
}
