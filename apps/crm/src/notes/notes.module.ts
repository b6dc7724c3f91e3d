import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { NotesHandler } from './notes.handler';
import { NotesService } from './notes.service';

@Module({
  imports: [CustomersModule],
  controllers: [NotesHandler],
  providers: [NotesService],
  exports: [NotesService],
})
export class NotesModule {}
