import { Injectable } from '@nestjs/common';
import type {
  CreateInboxRequest,
  DeleteInboxRequest,
  InboxView,
  SealedSecretChanges,
  UpdateInboxRequest,
} from '@hub/contracts';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from '@hub/persistence';
import { Database, DomainException } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { InboxDirectory } from './inbox-directory';
import { Inbox } from './inbox.entity';
import { inboxViewOf } from './inbox-view';

const InboxErrors = {
  notFound: (inboxId: string) =>
    new DomainException('INBOX_NOT_FOUND', `Inbox ${inboxId} does not exist`),
  addressTaken: () =>
    new DomainException(
      'INBOX_EMAIL_ADDRESS_TAKEN',
      'Another inbox already receives mail for this address',
      [{ field: 'settings.email.address', message: 'address is taken by another inbox' }],
    ),
  inUse: () =>
    new DomainException(
      'INBOX_IN_USE',
      'The inbox has conversations, whose transcripts are kept: it cannot be deleted',
    ),
};

/**
 * An admin's inboxes: created, configured and deleted (the gateway has checked the role and
 * the settings, and sealed the secrets). Settings replace the stored ones whole; sealed secrets
 * are kept under `settings.secrets`, each changed only when named.
 */
@Injectable()
export class InboxAdministration {
  constructor(
    private readonly database: Database,
    private readonly directory: InboxDirectory,
  ) {}

  async list(workspaceId: string): Promise<InboxView[]> {
    const inboxes = await this.database.dataSource.manager.find(Inbox, {
      where: { workspaceId },
      order: { name: 'ASC', id: 'ASC' },
    });
    return inboxes.map(inboxViewOf);
  }

  create({
    workspaceId,
    channel,
    name,
    settings,
    secrets,
  }: CreateInboxRequest): Promise<InboxView> {
    return this.writing(async (manager) => {
      const inbox = manager.create(Inbox, {
        workspaceId,
        channel,
        name,
        settings: withSecrets(settings, {}, secrets),
      });
      return inboxViewOf(await manager.save(inbox));
    });
  }

  async update(request: UpdateInboxRequest): Promise<InboxView> {
    const view = await this.writing((manager) =>
      manager.transaction(async (tx) => {
        const inbox = await this.find(tx, request.workspaceId, request.inboxId);
        const stored = secretsOf(inbox.settings);
        inbox.settings = withSecrets(request.settings ?? inbox.settings, stored, request.secrets);
        if (request.name !== undefined) inbox.name = request.name;
        return inboxViewOf(await tx.save(inbox));
      }),
    );
    this.directory.forget(view.id);
    return view;
  }

  async delete({ workspaceId, inboxId }: DeleteInboxRequest): Promise<InboxView> {
    const view = await this.writing((manager) =>
      manager.transaction(async (tx) => {
        const inbox = await this.find(tx, workspaceId, inboxId);
        const view = inboxViewOf(inbox);
        await tx.delete(Inbox, { id: inbox.id });
        return view;
      }),
    );
    this.directory.forget(inboxId);
    return view;
  }

  private async find(manager: EntityManager, workspaceId: string, inboxId: string): Promise<Inbox> {
    const inbox = await manager.findOne(Inbox, {
      where: { id: inboxId, workspaceId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!inbox) throw InboxErrors.notFound(inboxId);
    return inbox;
  }

  /** Runs a write, turning the database's refusals into the inbox's own. */
  private async writing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await work(this.database.dataSource.manager);
    } catch (error) {
      const pg = pgErrorOf(error);
      if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'uq_inboxes_email_address')
        throw InboxErrors.addressTaken();
      if (pg?.code === PG_FOREIGN_KEY_VIOLATION) throw InboxErrors.inUse();
      throw error;
    }
  }
}

function secretsOf(settings: Record<string, unknown>): Record<string, string> {
  const secrets = settings.secrets;
  return typeof secrets === 'object' && secrets !== null && !Array.isArray(secrets)
    ? (secrets as Record<string, string>)
    : {};
}

/** The settings with the stored secrets, changed as asked (null removes one). */
function withSecrets(
  settings: Record<string, unknown>,
  stored: Record<string, string>,
  changes: SealedSecretChanges,
): Record<string, unknown> {
  const secrets: Record<string, string> = { ...stored };
  for (const [name, sealed] of Object.entries(changes)) {
    if (sealed === null) delete secrets[name];
    else secrets[name] = sealed;
  }
  const rest = { ...settings };
  delete rest.secrets;
  return Object.keys(secrets).length > 0 ? { ...rest, secrets } : rest;
}
