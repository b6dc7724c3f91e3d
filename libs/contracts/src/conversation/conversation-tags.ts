import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { compose, IsEntityId, IsOneOfChange, IsStorableText } from '../common/validators';

/** A workspace's label for conversations (`#1f7a8c`-style colour). */
export interface TagView {
  id: string;
  name: string;
  colour: string;
}

export const TAG_COLOUR_PATTERN = /^#[0-9a-f]{6}$/;

export function IsTagName(): PropertyDecorator {
  return compose(IsString(), MinLength(1), MaxLength(40), IsStorableText());
}

export function IsTagColour(): PropertyDecorator {
  return compose(
    IsString(),
    Matches(TAG_COLOUR_PATTERN, { message: 'colour must be #rrggbb in lower-case hex' }),
  );
}

/** `conversation.tag.list` → TagView[], by name. */
export class ListTagsRequest {
  @IsEntityId() workspaceId!: string;
}

/** `conversation.tag.create` → TagView; a name taken in the workspace (any case): TAG_NAME_TAKEN. */
export class CreateTagRequest {
  @IsEntityId() workspaceId!: string;
  @IsTagName() name!: string;
  @IsTagColour() colour!: string;
}

export const TAG_CHANGE_FIELDS = ['name', 'colour'] as const;

/** `conversation.tag.update` → TagView. */
export class UpdateTagRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() tagId!: string;
  @IsOneOfChange(TAG_CHANGE_FIELDS) @IsTagName() name?: string;
  @IsOneOfChange(TAG_CHANGE_FIELDS) @IsTagColour() colour?: string;
}

/** `conversation.tag.delete` → TagView (as it was); it leaves every conversation it was on. */
export class DeleteTagRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() tagId!: string;
}

/** `conversation.conversation.tags` → TagView[]: a conversation's tags, by name. */
export class ConversationTagsRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
}

/**
 * `conversation.conversation.set-tag` → TagView[] (the conversation's tags after): puts the
 * workspace's tag on the conversation (`tagged`) or takes it off; doing it twice changes nothing.
 */
export class SetConversationTagRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsEntityId() tagId!: string;
  @IsBoolean() tagged!: boolean;
}
