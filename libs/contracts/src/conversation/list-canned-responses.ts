import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { compose, IsEntityId, IsOneOfChange, IsStorableText } from '../common/validators';

/**
 * `conversation.canned-response.list` → CannedResponseView[]: the shared phrases (of every
 * department, or of none and `departmentId`), plus `agentId`'s personal ones; by shortcut.
 */
export class ListCannedResponsesRequest {
  @IsEntityId() workspaceId!: string;
  @IsOptional() @IsEntityId() departmentId?: string;
  @IsOptional() @IsEntityId() agentId?: string;
}

export const CANNED_RESPONSE_SCOPES = ['shared', 'personal'] as const;
export type CannedResponseScope = (typeof CANNED_RESPONSE_SCOPES)[number];

/** Typed after a slash: letters, digits, `-` and `_`, up to 40. */
export function IsShortcut(): PropertyDecorator {
  return compose(
    IsString(),
    Matches(/^[\p{L}\p{N}_-]{1,40}$/u, {
      message: 'shortcut must be 1 to 40 letters, digits, - or _',
    }),
  );
}

export function IsCannedText(): PropertyDecorator {
  return compose(IsString(), MinLength(1), MaxLength(5000), IsStorableText());
}

/**
 * `conversation.canned-response.create` → CannedResponseView: a shared phrase (the gateway lets
 * only supervisors and admins ask) or the agent's personal one. A shortcut the agent would see
 * twice is refused (CANNED_RESPONSE_SHORTCUT_TAKEN).
 */
export class CreateCannedResponseRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsIn(CANNED_RESPONSE_SCOPES) scope!: CannedResponseScope;
  @IsShortcut() shortcut!: string;
  @IsCannedText() text!: string;
  @IsOptional() @IsEntityId() departmentId?: string;
}

export const CANNED_RESPONSE_CHANGE_FIELDS = ['shortcut', 'text'] as const;

/**
 * `conversation.canned-response.update` → CannedResponseView. `mayEditShared`: the gateway's word
 * that the agent is a supervisor or admin; a personal phrase only its owner changes.
 */
export class UpdateCannedResponseRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsEntityId() cannedResponseId!: string;
  @IsBoolean() mayEditShared!: boolean;
  @IsOneOfChange(CANNED_RESPONSE_CHANGE_FIELDS) @IsShortcut() shortcut?: string;
  @IsOneOfChange(CANNED_RESPONSE_CHANGE_FIELDS) @IsCannedText() text?: string;
}

/** `conversation.canned-response.delete` → CannedResponseView (as it was). */
export class DeleteCannedResponseRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsEntityId() cannedResponseId!: string;
  @IsBoolean() mayEditShared!: boolean;
}
