import { QueryFailedError } from 'typeorm';

/** PostgreSQL's SQLSTATE codes the services turn into their own refusals. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

/** The SQLSTATE and constraint of a failed query, or undefined for any other error. */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  if (error instanceof QueryFailedError) {
    return error.driverError as { code?: string; constraint?: string };
  }
  const raw = error as { code?: unknown; constraint?: unknown } | null;
  // pg's own DatabaseError, from a query run outside TypeORM's manager.
  return typeof raw?.code === 'string' && /^[0-9A-Z]{5}$/.test(raw.code)
    ? (raw as { code: string; constraint?: string })
    : undefined;
}
