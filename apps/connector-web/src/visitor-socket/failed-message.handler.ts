import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import {
  deadLetterSubject,
  realtimeSubjects,
  SUBJECTS,
  type MessageDeadLettered,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { Messaging, Realtime } from '@hub/service-kit';

/**
 * Tells a visitor that a message they were told was accepted will never be stored: consumes
 * the web channel's dead letters and sends `message.failed` to the visitor's realtime subject,
 * which every replica holding one of their sockets follows.
 */
@Injectable()
export class FailedMessageHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(FailedMessageHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly realtime: Realtime,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.deadLetters.messageDeadLettered,
      filterSubject: deadLetterSubject(`inbound.${Channel.Web}`),
      durable: 'connector_web_dead_letters',
      handle: (letter) => this.tellVisitor(letter),
    });
  }

  private async tellVisitor(letter: MessageDeadLettered): Promise<void> {
    const sender = letter.sender;
    if (sender?.channel !== Channel.Web || !sender.clientMessageId) {
      this.logger.warn(
        { streamSeq: letter.streamSeq, code: letter.code },
        'dead letter names no web visitor message; nobody to tell',
      );
      return;
    }
    await this.realtime.publish(realtimeSubjects.visitor(sender.externalId), {
      type: 'message.failed',
      clientMessageId: sender.clientMessageId,
      code: letter.code,
    });
  }
}
