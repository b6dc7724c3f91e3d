import type { Logger } from '@hub/observability';
import type { JsMsg } from '@nats-io/jetstream';
import {
  SUBJECTS,
  type DeadLetterReason,
  type DeadLetterSender,
  type HubStream,
  type MessageDeadLettered,
} from '@hub/contracts';
import type { DeliveryMeta } from './process-delivery';
import type { JetStreamPublisher } from './publisher';

/** Why a message is given up: the dead letter's reason, error code and words. */
export interface GiveUp {
  reason: DeadLetterReason;
  code: string;
  message: string;
}

/** Options of {@link DeadLetterOffice}. */
export interface DeadLetterOfficeOptions {
  publisher: JetStreamPublisher;
  /** The logical stream and durable the messages are consumed from. */
  stream: HubStream;
  durable: string;
  /** Who sent a message, read from its raw JSON body (which may fail its contract). */
  senderOf?: (body: unknown) => DeadLetterSender | undefined;
  /** Called once a dead letter is stored: the alert metric counts here. */
  onDeadLettered?: (letter: MessageDeadLettered) => void;
  logger: Logger;
}

// The operator's words are for a log line, not an essay.
const MAX_MESSAGE_LENGTH = 2_000;

/**
 * Posts the dead letter of a message a consumer gives up to `dlq.<subject>` (DEAD_LETTERS),
 * so it is never dropped silently: its sender can be told, an alert counts it, and the
 * original (kept in its stream) can be found by its sequence and replayed.
 */
export class DeadLetterOffice {
  constructor(private readonly options: DeadLetterOfficeOptions) {}

  /** True once the dead letter is stored (or was already); false when it could not be. */
  async post(msg: JsMsg, meta: DeliveryMeta, giveUp: GiveUp): Promise<boolean> {
    const { publisher, stream, durable, logger } = this.options;
    const sender = this.senderOf(msg);
    const letter: MessageDeadLettered = {
      stream,
      originalSubject: meta.subject,
      streamSeq: meta.streamSeq,
      deliveryCount: meta.deliveryCount,
      durable,
      reason: giveUp.reason,
      code: giveUp.code,
      message: giveUp.message.slice(0, MAX_MESSAGE_LENGTH),
      ...(sender ? { sender } : {}),
      deadLetteredAt: new Date().toISOString(),
    };
    try {
      // One dead letter per message and durable, however often posting it is retried.
      const { duplicate } = await publisher.publish(
        SUBJECTS.deadLetters.messageDeadLettered,
        letter,
        {
          msgId: `${stream}:${meta.streamSeq}:${durable}`,
        },
      );
      if (!duplicate) this.options.onDeadLettered?.(letter);
      logger.error({ ...letter, duplicate }, 'message dead-lettered');
      return true;
    } catch (err) {
      logger.error(
        { err, subject: meta.subject, streamSeq: meta.streamSeq },
        'dead letter not stored',
      );
      return false;
    }
  }

  private senderOf(msg: JsMsg): DeadLetterSender | undefined {
    if (!this.options.senderOf) return undefined;
    try {
      return this.options.senderOf(JSON.parse(msg.string()));
    } catch {
      // Not JSON: there is no sender to tell; the dead letter still says what happened.
      return undefined;
    }
  }
}
