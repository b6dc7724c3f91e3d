import { Module } from '@nestjs/common';
import { CustomerConversations } from './customer-conversations';
import { PrivacyHandler } from './privacy.handler';
import { TranscriptRetention } from './transcript-retention';

/** Export and erasure of a customer's conversations, and the retention job of transcripts. */
@Module({
  controllers: [PrivacyHandler],
  providers: [CustomerConversations, TranscriptRetention],
})
export class PrivacyModule {}
