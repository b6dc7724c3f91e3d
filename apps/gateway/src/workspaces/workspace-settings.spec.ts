import { DEFAULT_WORKSPACE_SETTINGS } from '@hub/contracts';
import { workspaceSettingsOf } from './workspace-settings';

describe('workspaceSettingsOf', () => {
  it('gives the defaults for a workspace that never set anything', () => {
    expect(workspaceSettingsOf({})).toEqual(DEFAULT_WORKSPACE_SETTINGS);
  });

  it('reads each stored field that has the right shape', () => {
    expect(
      workspaceSettingsOf({
        typingSneakPeek: false,
        timeZone: 'Asia/Tokyo',
        ticketReopenWindowDays: 3,
        maskingPatterns: ['ORD-\\d{6}'],
        retentionDays: 90,
        webhooksAllowPrivateTargets: true,
      }),
    ).toEqual({
      typingSneakPeek: false,
      timeZone: 'Asia/Tokyo',
      ticketReopenWindowDays: 3,
      maskingPatterns: ['ORD-\\d{6}'],
      retentionDays: 90,
      webhooksAllowPrivateTargets: true,
    });
  });

  it('takes the default for each field of the wrong shape, keeping the others', () => {
    const settings = workspaceSettingsOf({
      timeZone: 'Mars/Olympus_Mons',
      ticketReopenWindowDays: -1,
      maskingPatterns: 'not a list',
      retentionDays: 1.5,
      webhooksAllowPrivateTargets: 'yes',
      typingSneakPeek: false,
    });
    expect(settings).toEqual({ ...DEFAULT_WORKSPACE_SETTINGS, typingSneakPeek: false });
  });
});
