import type { MigrationInterface, QueryRunner } from 'typeorm';

// A rotated subscription keeps its previous secret until the overlap ends: deliveries meanwhile
// carry a signature with each, so an integrator can switch secrets without dropping one.
export class WebhookSecretRotation1796222000100 implements MigrationInterface {
  readonly name = 'WebhookSecretRotation1796222000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table gateway.webhook_subscriptions
        add column previous_secret text,
        add column previous_secret_expires_at timestamptz,
        add constraint ck_webhook_subscriptions_previous_secret
          check ((previous_secret is null) = (previous_secret_expires_at is null))
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table gateway.webhook_subscriptions
        drop column previous_secret, drop column previous_secret_expires_at
    `);
  }
}
