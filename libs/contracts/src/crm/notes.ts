import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsEntityId, IsStorableText } from '../common/validators';
import { CrmActor } from './crm-actor';

export const NOTE_TARGETS = ['customer', 'conversation'] as const;
export type NoteTarget = (typeof NOTE_TARGETS)[number];

export const NOTE_MAX_LENGTH = 10_000;

/** An internal note: agents see it, customers never do. */
export interface NoteView {
  id: string;
  authorId: string;
  body: string;
  customerId: string | null;
  conversationId: string | null;
  createdAt: string;
}

/**
 * `crm.note.add` → NoteView: an agent's note on a customer or on a conversation (the edge
 * checked the conversation exists in the workspace and passes its customer along).
 */
export class AddNoteRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @IsIn(NOTE_TARGETS) target!: NoteTarget;
  /** The customer (for a conversation note: the conversation's customer). */
  @IsEntityId() customerId!: string;
  /** Only for a conversation note, and then required. */
  @ValidateIf((request: AddNoteRequest) => request.target === 'conversation')
  @IsEntityId()
  conversationId?: string;
  @IsString() @MinLength(1) @MaxLength(NOTE_MAX_LENGTH) @IsStorableText() body!: string;
}

/** `crm.note.list` → NoteView[]: a customer's or a conversation's notes, newest first. */
export class ListNotesRequest {
  @IsEntityId() workspaceId!: string;
  @IsIn(NOTE_TARGETS) target!: NoteTarget;
  /** The customer's or the conversation's id, as `target` says. */
  @IsEntityId() targetId!: string;
}
