import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSettingsView } from '@hub/contracts';
import { Field } from '../../ui/Field';
import { numberOrNull } from '../form-values';
import { useAdminRead, useAdminWrite } from '../settings-api';
import { FormFooter } from '../components/FormFooter';

interface Draft {
  typingSneakPeek: boolean;
  timeZone: string;
  ticketReopenWindowDays: string;
  retentionDays: string;
  maskingPatterns: string;
  webhooksAllowPrivateTargets: boolean;
}

function draftOf(view: WorkspaceSettingsView): Draft {
  return {
    typingSneakPeek: view.typingSneakPeek,
    timeZone: view.timeZone,
    ticketReopenWindowDays: String(view.ticketReopenWindowDays),
    retentionDays: view.retentionDays === null ? '' : String(view.retentionDays),
    maskingPatterns: view.maskingPatterns.join('\n'),
    webhooksAllowPrivateTargets: view.webhooksAllowPrivateTargets,
  };
}

/** The PATCH body: every setting of the form (an empty retention keeps messages for ever). */
function bodyOf(draft: Draft): Record<string, unknown> {
  return {
    typingSneakPeek: draft.typingSneakPeek,
    timeZone: draft.timeZone.trim(),
    ticketReopenWindowDays: Number(draft.ticketReopenWindowDays),
    retentionDays: numberOrNull(draft.retentionDays),
    // One per line only: a pattern may hold a comma.
    maskingPatterns: draft.maskingPatterns.split('\n').filter((line) => line.trim() !== ''),
    webhooksAllowPrivateTargets: draft.webhooksAllowPrivateTargets,
  };
}

/** Workspace settings: typing preview, time zone, ticket reopening, retention, masking. */
export function WorkspaceSettings() {
  const { t } = useTranslation('settings');
  const current = useAdminRead<WorkspaceSettingsView>('/workspace/settings');
  const save = useAdminWrite<Draft, WorkspaceSettingsView>(
    (draft) => ({ path: '/workspace/settings', method: 'PATCH', body: bodyOf(draft) }),
    ['/workspace/settings'],
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (current.data) setDraft(draftOf(current.data));
  }, [current.data]);
  if (!draft) return <h2>{t('workspace.title')}</h2>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  const error = save.error;

  return (
    <>
      <h2>{t('workspace.title')}</h2>
      <form className="settings-form" onSubmit={submit} aria-label={t('workspace.title')}>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.typingSneakPeek}
            onChange={(e) => setDraft({ ...draft, typingSneakPeek: e.target.checked })}
          />
          {t('workspace.typingSneakPeek')}
        </label>
        <Field
          label={t('workspace.timeZone')}
          hint={t('workspace.timeZoneHint')}
          error={error}
          name="timeZone"
        >
          <input
            required
            value={draft.timeZone}
            onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
          />
        </Field>
        <Field label={t('workspace.reopenDays')} error={error} name="ticketReopenWindowDays">
          <input
            type="number"
            required
            value={draft.ticketReopenWindowDays}
            onChange={(e) => setDraft({ ...draft, ticketReopenWindowDays: e.target.value })}
          />
        </Field>
        <Field
          label={t('workspace.retentionDays')}
          hint={t('workspace.retentionHint')}
          error={error}
          name="retentionDays"
        >
          <input
            type="number"
            value={draft.retentionDays}
            onChange={(e) => setDraft({ ...draft, retentionDays: e.target.value })}
          />
        </Field>
        <Field
          label={t('workspace.maskingPatterns')}
          hint={t('workspace.maskingHint')}
          error={error}
          name="maskingPatterns"
        >
          <textarea
            rows={4}
            className="code"
            value={draft.maskingPatterns}
            onChange={(e) => setDraft({ ...draft, maskingPatterns: e.target.value })}
          />
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.webhooksAllowPrivateTargets}
            onChange={(e) => setDraft({ ...draft, webhooksAllowPrivateTargets: e.target.checked })}
          />
          {t('workspace.privateTargets')}
        </label>
        <FormFooter submit={t('save')} pending={save.isPending} error={error} />
        {save.isSuccess ? <p role="status">{t('saved')}</p> : null}
      </form>
    </>
  );
}
