import { IsInt, IsString, Min } from 'class-validator';

/** The payload the consumer suites publish. */
export class TestMessage {
  @IsString()
  id!: string;

  @IsInt()
  @Min(0)
  n!: number;
}
