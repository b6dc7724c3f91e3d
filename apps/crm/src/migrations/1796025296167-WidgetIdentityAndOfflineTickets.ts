import type { MigrationInterface, QueryRunner } from 'typeorm';

// Identify (a site vouching for its logged-in user) adds identities of kind `site-user` beside
// the channel ones; the kind joins the unique key so a site user id never collides with a
// visitor id. Tickets opened from the widget's leave-a-message form keep the message, the
// department chosen, their source and the client's id for the message (a resend is one ticket).
export class WidgetIdentityAndOfflineTickets1796025296167 implements MigrationInterface {
  readonly name = 'WidgetIdentityAndOfflineTickets1796025296167';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table crm.customer_identities
        add column kind text not null default 'channel',
        add constraint ck_customer_identities_kind check (kind in ('channel', 'site-user')),
        drop constraint uq_customer_identities_workspace_channel_external,
        add constraint uq_customer_identities_workspace_channel_kind_external
          unique (workspace_id, channel, kind, external_id);

      alter table crm.tickets
        add column description text,
        add column department_id uuid,
        add column source text,
        add column client_message_id text,
        add constraint ck_tickets_source check (source in ('offline-message'));
      create unique index uq_tickets_workspace_client_message
        on crm.tickets (workspace_id, client_message_id) where client_message_id is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index crm.uq_tickets_workspace_client_message;
      alter table crm.tickets
        drop constraint ck_tickets_source,
        drop column client_message_id,
        drop column source,
        drop column department_id,
        drop column description;

      delete from crm.customer_identities where kind <> 'channel';
      alter table crm.customer_identities
        drop constraint uq_customer_identities_workspace_channel_kind_external,
        add constraint uq_customer_identities_workspace_channel_external
          unique (workspace_id, channel, external_id),
        drop constraint ck_customer_identities_kind,
        drop column kind;
    `);
  }
}
