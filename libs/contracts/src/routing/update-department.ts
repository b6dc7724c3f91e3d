import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Actor } from '../common/actor';
import { compose, IsEntityId, IsOneOfChange, IsStorableText } from '../common/validators';

/** The fields a department change may set; a change names at least one. */
export const DEPARTMENT_CHANGE_FIELDS = ['vipOnly', 'name', 'agentIds'] as const;

export function IsDepartmentName(): PropertyDecorator {
  return compose(IsString(), MinLength(1), MaxLength(100), IsStorableText());
}

export function IsAgentIds(): PropertyDecorator {
  return compose(IsArray(), ArrayMaxSize(500), ArrayUnique(), IsUUID('all', { each: true }));
}

/**
 * `routing.department.update` → DepartmentView: an admin renames a department, sets its
 * members, or reserves it for VIP customers (`vipOnly`) or opens it to everyone again. Routing checks the actor's current
 * role (ROUTING_ADMIN_ONLY). Conversations already waiting in it stay; new ones of customers
 * who are not VIPs wait in the workspace-wide queue instead.
 */
export class UpdateDepartmentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() departmentId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsOneOfChange(DEPARTMENT_CHANGE_FIELDS) @IsBoolean() vipOnly?: boolean;
  /** A new name, unique in the workspace (ROUTING_DEPARTMENT_NAME_TAKEN). */
  @IsOneOfChange(DEPARTMENT_CHANGE_FIELDS) @IsDepartmentName() name?: string;
  /** The department's members, replacing the current ones (agents of the workspace). */
  @IsOneOfChange(DEPARTMENT_CHANGE_FIELDS) @IsAgentIds() agentIds?: string[];
}

/** `routing.department.create` → DepartmentView: an admin adds a department. */
export class CreateDepartmentRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsDepartmentName() name!: string;
  @IsOptional() @IsBoolean() vipOnly?: boolean;
  @IsOptional() @IsAgentIds() agentIds?: string[];
}

/**
 * `routing.department.delete` → DepartmentView (as it was): refused while conversations wait
 * in its queue (ROUTING_DEPARTMENT_NOT_EMPTY): transfer or serve them first.
 */
export class DeleteDepartmentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() departmentId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
}
