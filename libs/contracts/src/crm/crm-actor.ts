import { IsIn, ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';

export const CRM_ACTOR_TYPES = ['agent', 'system', 'integrator'] as const;
export type CrmActorType = (typeof CRM_ACTOR_TYPES)[number];

/**
 * Who writes a crm record, as the edge authenticated them: an agent (their id), an integrator
 * (the API key's id) or the system (no id). Recorded in audit entries and events.
 */
export class CrmActor {
  @IsIn(CRM_ACTOR_TYPES) type!: CrmActorType;
  @ValidateIf((_, v) => v !== null) @IsEntityId() id!: string | null;
}
