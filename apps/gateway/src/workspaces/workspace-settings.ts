import {
  DEFAULT_WORKSPACE_SETTINGS,
  isIanaTimeZone,
  type WorkspaceSettingsView,
} from '@hub/contracts';

const isWholeDays = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 36_500;

const isPatternList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((pattern) => typeof pattern === 'string');

/**
 * The settings as stored (a jsonb object written over the years) read field by field: a field
 * missing or of the wrong shape takes its default, so one bad field never hides the others.
 */
export function workspaceSettingsOf(stored: Record<string, unknown>): WorkspaceSettingsView {
  const defaults = DEFAULT_WORKSPACE_SETTINGS;
  return {
    typingSneakPeek: stored.typingSneakPeek !== false,
    timeZone: isIanaTimeZone(stored.timeZone) ? stored.timeZone : defaults.timeZone,
    ticketReopenWindowDays: isWholeDays(stored.ticketReopenWindowDays)
      ? stored.ticketReopenWindowDays
      : defaults.ticketReopenWindowDays,
    maskingPatterns: isPatternList(stored.maskingPatterns)
      ? stored.maskingPatterns
      : defaults.maskingPatterns,
    retentionDays:
      isWholeDays(stored.retentionDays) && stored.retentionDays > 0
        ? stored.retentionDays
        : defaults.retentionDays,
    webhooksAllowPrivateTargets: stored.webhooksAllowPrivateTargets === true,
  };
}
