import { ValidatorConstraint } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';

/** Without METRICS_PORT, metrics listen this far above PORT (the launcher's 3000-3006: 4000-4006). */
export const METRICS_PORT_OFFSET = 1000;

export interface MetricsPortSettings {
  PORT: number;
  METRICS_PORT?: number;
}

/** The internal port serving `/metrics`: METRICS_PORT (0 = any free port), else PORT + 1000. */
export function metricsPort({ PORT, METRICS_PORT }: MetricsPortSettings): number {
  return METRICS_PORT ?? PORT + METRICS_PORT_OFFSET;
}

/** On PORT: refuses a port whose default metrics port would not exist. */
@ValidatorConstraint({ name: 'defaultMetricsPortFits' })
export class DefaultMetricsPortFits implements ValidatorConstraintInterface {
  validate(_port: unknown, args: ValidationArguments): boolean {
    const env = args.object as MetricsPortSettings;
    return env.METRICS_PORT !== undefined || metricsPort(env) <= 65_535;
  }

  defaultMessage(): string {
    return `PORT must be at most ${65_535 - METRICS_PORT_OFFSET} unless METRICS_PORT is set (metrics default to PORT + ${METRICS_PORT_OFFSET})`;
  }
}
