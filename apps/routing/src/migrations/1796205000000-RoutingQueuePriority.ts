import type { MigrationInterface, QueryRunner } from 'typeorm';

// routes.priority: the queue's first sort key (0 = VIP customer or urgent ticket, 1 high,
// 2 normal, 3 low), so the queue index leads with it. routes.vip: the customer was a VIP when
// the conversation arrived. routes.enqueued_xact: the transaction that queued it, so a drain
// numbers only the arrivals its snapshot saw (the others run their own drain).
// ticket_priorities / ticket_conversations: what routing knows of crm's tickets (from
// evt.crm.ticket.changed.v1): the priority an open ticket gives the conversations linked to it.
// departments.vip_only: a department reserved for VIP customers.
export class RoutingQueuePriority1796205000000 implements MigrationInterface {
  readonly name = 'RoutingQueuePriority1796205000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table routing.routes
        add column priority smallint not null default 2,
        add column vip boolean not null default false,
        add column enqueued_xact bigint,
        add constraint ck_routes_priority check (priority between 0 and 3);
      drop index routing.ix_routes_queue;
      create index ix_routes_queue
        on routing.routes (workspace_id, priority, queue_rank, enqueued_at, conversation_id)
        where state = 'queued';
      alter table routing.departments add column vip_only boolean not null default false;
      create table routing.ticket_priorities (
        ticket_id uuid not null,
        workspace_id uuid not null,
        version integer not null,
        priority smallint,
        constraint pk_ticket_priorities primary key (ticket_id),
        constraint ck_ticket_priorities_priority check (priority between 0 and 3)
      );
      create table routing.ticket_conversations (
        ticket_id uuid not null,
        conversation_id uuid not null,
        workspace_id uuid not null,
        constraint pk_ticket_conversations primary key (ticket_id, conversation_id),
        constraint fk_ticket_conversations_ticket foreign key (ticket_id)
          references routing.ticket_priorities (ticket_id) on delete cascade
      );
      create index ix_ticket_conversations_conversation
        on routing.ticket_conversations (conversation_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table routing.ticket_conversations;
      drop table routing.ticket_priorities;
      alter table routing.departments drop column vip_only;
      drop index routing.ix_routes_queue;
      create index ix_routes_queue
        on routing.routes (workspace_id, queue_rank, enqueued_at, conversation_id)
        where state = 'queued';
      alter table routing.routes
        drop constraint ck_routes_priority,
        drop column enqueued_xact,
        drop column vip,
        drop column priority;
    `);
  }
}
