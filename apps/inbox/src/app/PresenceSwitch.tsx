import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../api/types';
import { usePresence } from './usePresence';

const PRESENCES: readonly Presence[] = ['online', 'away', 'offline'];

export function PresenceSwitch() {
  const { t } = useTranslation('app');
  const { presence, setPresence } = usePresence();
  const [failed, setFailed] = useState(false);
  return (
    <label className={`presence presence-${presence}`}>
      <span className="presence-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('presence.label')}</span>
      <select
        value={presence}
        aria-label={t('presence.label')}
        aria-invalid={failed}
        onChange={(event) => {
          setFailed(false);
          setPresence(event.target.value as Presence).catch(() => setFailed(true));
        }}
      >
        {PRESENCES.map((value) => (
          <option key={value} value={value}>
            {t(`presence.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
