import { Global, Module, type DynamicModule } from '@nestjs/common';
import { outboxEntity } from './outbox-event.entity';
import { Outbox } from './outbox';
import { OUTBOX_ENTITY, OutboxRepository } from './outbox.repository';

@Global()
@Module({})
export class OutboxModule {
  /**
   * `schema`: the service's own schema, where its migration created `outbox`; the service lists
   * `outboxEntity(schema)` among its entities.
   */
  static forSchema(schema: string): DynamicModule {
    return {
      module: OutboxModule,
      providers: [
        { provide: OUTBOX_ENTITY, useValue: outboxEntity(schema) },
        OutboxRepository,
        Outbox,
      ],
      exports: [Outbox],
    };
  }
}
