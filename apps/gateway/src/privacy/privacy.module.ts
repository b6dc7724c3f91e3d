import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CustomerEraser } from './customer-erasure';
import { CustomerExporter } from './customer-export';
import { DraftMasking } from './draft-masking';
import { PrivacyController } from './privacy.controller';

/** A customer's export and erasure across services, and the masking of drafts. */
@Module({
  imports: [WorkspacesModule],
  controllers: [PrivacyController],
  providers: [DraftMasking, CustomerExporter, CustomerEraser],
  exports: [DraftMasking],
})
export class PrivacyModule {}
