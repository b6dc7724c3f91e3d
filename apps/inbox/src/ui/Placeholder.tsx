import { useTranslation } from 'react-i18next';

/** A screen another branch is building: its title and a note, until it lands. */
export function Placeholder({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation('app');
  return (
    <section className="placeholder">
      <h1>{t(titleKey)}</h1>
      <p>{t('placeholder.note')}</p>
    </section>
  );
}
