import { Logger } from '@nestjs/common';
import { validatePayloadSync, type ReplayedMessage } from '@hub/messaging';
import { REPORTED_EVENTS, type ReportFact } from './report-facts';

const BY_SUBJECT = new Map(REPORTED_EVENTS.map((reported) => [reported.event.subject, reported]));
const decoder = new TextDecoder();
const logger = new Logger('ReplayedFacts');

/**
 * The facts one workspace's replayed events make. Other subjects, other workspaces' events and
 * events that make no fact are skipped before validation (most of a shared stream is theirs);
 * an event that fails its contract is skipped as the live consumer would have refused it.
 */
export function replayedFacts(
  workspaceId: string,
  messages: readonly ReplayedMessage[],
): ReportFact[] {
  const facts: ReportFact[] = [];
  for (const message of messages) {
    const reported = BY_SUBJECT.get(message.subject);
    if (!reported) continue;
    const data = parse(message);
    if (data?.workspaceId !== workspaceId) continue;
    // Validation is most of a replay's time: an event that would make no fact (a customer's
    // message) is not validated at all.
    if (!reported.fact(data)) continue;
    const validated = validatePayloadSync(reported.event.payload, data);
    if (!validated.ok) {
      logger.warn({ seq: message.seq, reasons: validated.errors }, 'replayed event skipped');
      continue;
    }
    const fact = reported.fact(validated.value);
    if (fact) facts.push(fact);
  }
  return facts;
}

function parse(message: ReplayedMessage): { workspaceId?: unknown } | undefined {
  try {
    return JSON.parse(decoder.decode(message.data)) as { workspaceId?: unknown };
  } catch {
    logger.warn({ seq: message.seq }, 'replayed event is not JSON; skipped');
    return undefined;
  }
}
