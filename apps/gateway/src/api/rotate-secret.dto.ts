import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A week: long enough for an integrator's deploy, short enough that a leaked secret dies. */
export const MAX_SECRET_OVERLAP_SECONDS = 7 * 24 * 3600;

/** A day: what a rotation keeps the previous secret for unless told otherwise. */
export const DEFAULT_SECRET_OVERLAP_SECONDS = 24 * 3600;

/** The body of every rotate-secret route (outbound webhooks, API inboxes). */
export class RotateSecretBody {
  @ApiPropertyOptional({
    description:
      'How long the previous secret stays valid beside the new one (0: at once no longer)',
    minimum: 0,
    maximum: MAX_SECRET_OVERLAP_SECONDS,
    default: DEFAULT_SECRET_OVERLAP_SECONDS,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SECRET_OVERLAP_SECONDS)
  overlapSeconds?: number;

  /** The overlap asked for, in seconds (the default when none was). */
  static overlapOf(body: RotateSecretBody): number {
    return body.overlapSeconds ?? DEFAULT_SECRET_OVERLAP_SECONDS;
  }
}
