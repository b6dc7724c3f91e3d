import { ApiProperty } from '@nestjs/swagger';
import { BusinessHoursFields, IsEntityId, MAX_HOLIDAYS, type WeekSchedule } from '@hub/contracts';

export class DepartmentHoursParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  departmentId!: string;
}

/** The validation is the contract's; these declarations document it. */
export class BusinessHoursBody extends BusinessHoursFields {
  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA time zone' })
  declare timeZone: string;

  @ApiProperty({
    description:
      'Opening intervals per weekday (mon…sun), local time, start included, end excluded; ' +
      'an end at or before the start runs past midnight. At least one interval in the week.',
    example: {
      mon: [['09:00', '18:00']],
      fri: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
    },
  })
  declare week: WeekSchedule;

  @ApiProperty({
    type: [String],
    maxItems: MAX_HOLIDAYS,
    example: ['2026-12-25'],
    description: 'Local dates closed all day',
  })
  declare holidays: string[];
}
