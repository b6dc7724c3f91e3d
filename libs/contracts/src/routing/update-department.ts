import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, ValidateNested } from 'class-validator';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';

/**
 * `routing.department.update` → DepartmentView: an admin reserves a department for VIP
 * customers (`vipOnly`), or opens it to everyone again. Routing checks the actor's current
 * role (ROUTING_ADMIN_ONLY). Conversations already waiting in it stay; new ones of customers
 * who are not VIPs wait in the workspace-wide queue instead.
 */
export class UpdateDepartmentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() departmentId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsBoolean() vipOnly!: boolean;
}
