import { Type } from 'class-transformer';
import { IsDefined, IsIn, ValidateNested } from 'class-validator';
import { IsEntityId } from '../common/validators';
import { CrmActor } from './crm-actor';

export const LINK_SUGGESTION_REASONS = ['same_name', 'same_email', 'same_phone'] as const;
export type LinkSuggestionReason = (typeof LINK_SUGGESTION_REASONS)[number];

export const LINK_SUGGESTION_STATUSES = ['pending', 'accepted', 'dismissed'] as const;
export type LinkSuggestionStatus = (typeof LINK_SUGGESTION_STATUSES)[number];

/** Another customer who may be the same person, and why crm thinks so. */
export interface LinkSuggestionView {
  id: string;
  /** The customer asked about. */
  customerId: string;
  /** The other customer. */
  candidateId: string;
  candidateName: string | null;
  reason: LinkSuggestionReason;
  status: LinkSuggestionStatus;
  createdAt: string;
}

/** `crm.customer.suggestion.list` → LinkSuggestionView[]: the pending ones, newest first. */
export class ListLinkSuggestionsRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
}

export const LINK_DECISIONS = ['accept', 'dismiss'] as const;
export type LinkDecision = (typeof LINK_DECISIONS)[number];

/**
 * `crm.customer.suggestion.decide` → LinkSuggestionView. `accept`: the candidate's identities
 * move to `customerId` (the record the agent keeps), so the person's next messages on any of
 * those channels land on it; their past conversations stay where they are until the records are
 * merged. `dismiss`: never suggested again. A decided suggestion → CUSTOMER_SUGGESTION_DECIDED.
 */
export class DecideLinkSuggestionRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @IsEntityId() suggestionId!: string;
  /** The record that keeps the identities: one of the two customers of the suggestion. */
  @IsEntityId() customerId!: string;
  @IsIn(LINK_DECISIONS) decision!: LinkDecision;
}
