import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DraftMasking } from './draft-masking';

@Module({
  imports: [WorkspacesModule],
  providers: [DraftMasking],
  exports: [DraftMasking],
})
export class PrivacyModule {}
