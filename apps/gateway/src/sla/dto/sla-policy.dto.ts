import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEntityId, SLA_HOURS, SlaPolicyFields, type SlaHours } from '@hub/contracts';
import { PRIORITIES, type Priority } from '@hub/domain';

export class SlaPolicyParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  policyId!: string;
}

export class SlaSubjectParams {
  @ApiProperty({ format: 'uuid', description: "A ticket's or a conversation's id" })
  @IsEntityId()
  subjectId!: string;
}

const TARGET = { type: Number, nullable: true, minimum: 1, description: 'Minutes; null: none' };

/** The validation is the contract's; these declarations document it. */
export class SlaPolicyBody extends SlaPolicyFields {
  @ApiProperty({ maxLength: 200 }) declare name: string;
  @ApiPropertyOptional({ minimum: 0, description: 'Matched in this order; default: last' })
  declare position?: number;
  @ApiProperty({ enum: PRIORITIES, isArray: true, description: 'Empty: any priority' })
  declare priorities: Priority[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Empty: any category' })
  declare categoryIds: string[];
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: VIP or not' })
  declare vip: boolean | null;
  @ApiProperty(TARGET) declare firstResponseMinutes: number | null;
  @ApiProperty(TARGET) declare nextResponseMinutes: number | null;
  @ApiProperty(TARGET) declare resolutionMinutes: number | null;
  @ApiProperty({ enum: SLA_HOURS }) declare hours: SlaHours;
}
