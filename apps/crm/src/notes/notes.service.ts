import { Injectable } from '@nestjs/common';
import type { AddNoteRequest, ListNotesRequest, NoteView } from '@hub/contracts';
import { Database, DomainException } from '@hub/service-kit';
import { Customer } from '../customers/customer.entity';
import { CustomerError } from '../customers/customer.exception';
import { CustomerWrites } from '../customers/customer-writes';
import { Note } from './note.entity';

/** Agents' internal notes on a customer or on a conversation (always on its customer too). */
@Injectable()
export class NotesService {
  constructor(
    private readonly database: Database,
    private readonly writes: CustomerWrites,
  ) {}

  add(request: AddNoteRequest): Promise<NoteView> {
    const { workspaceId, customerId, actor } = request;
    if (actor.type !== 'agent' || actor.id === null) {
      throw new DomainException('VALIDATION_FAILED', 'Notes are written by agents', [
        { field: 'actor', message: 'must be an agent' },
      ]);
    }
    const authorId = actor.id;
    return this.writes.run(async (tx, record) => {
      const customer = await tx.findOneBy(Customer, { id: customerId, workspaceId });
      if (!customer) throw CustomerError.notFound(customerId);
      const note = await tx.save(
        tx.create(Note, {
          workspaceId,
          authorId,
          body: request.body,
          customerId,
          conversationId: request.target === 'conversation' ? request.conversationId : null,
        }),
      );
      // The body stays out of the audit entry and the event: notes are for agents only.
      await record({
        workspaceId,
        customerId,
        action: 'note_added',
        actor,
        vip: customer.vip,
        changes: [
          {
            field: 'notes',
            from: null,
            to: { noteId: note.id, conversationId: note.conversationId },
          },
        ],
      });
      return toNoteView(note);
    });
  }

  async list({ workspaceId, target, targetId }: ListNotesRequest): Promise<NoteView[]> {
    const where =
      target === 'customer'
        ? { workspaceId, customerId: targetId }
        : { workspaceId, conversationId: targetId };
    const notes = await this.database.dataSource.manager.find(Note, {
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 500,
    });
    return notes.map(toNoteView);
  }
}

export function toNoteView(note: Note): NoteView {
  return {
    id: note.id,
    authorId: note.authorId,
    body: note.body,
    customerId: note.customerId,
    conversationId: note.conversationId,
    createdAt: note.createdAt.toISOString(),
  };
}
