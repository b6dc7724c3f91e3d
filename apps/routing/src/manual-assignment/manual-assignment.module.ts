import { Module } from '@nestjs/common';
import { AcdModule } from '../acd/acd.module';
import { AssignmentOutcome } from './assignment-outcome';
import { ManualAssignmentHandler } from './manual-assignment.handler';
import { PickConversation } from './pick-conversation.use-case';
import { TransferConversation } from './transfer-conversation.use-case';

/** Agents taking conversations by hand: pick from a queue, transfer to an agent or department. */
@Module({
  imports: [AcdModule],
  controllers: [ManualAssignmentHandler],
  providers: [AssignmentOutcome, PickConversation, TransferConversation],
})
export class ManualAssignmentModule {}
