import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation('app');
  return (
    <section className="page-status">
      <h1>{t('notFound.title')}</h1>
      <Link to="/conversations">{t('notFound.back')}</Link>
    </section>
  );
}
