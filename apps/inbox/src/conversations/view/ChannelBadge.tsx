import { useTranslation } from 'react-i18next';

export function ChannelBadge({ channel }: { channel: string }) {
  const { t } = useTranslation('conversations');
  return <span className={`channel channel-${channel}`}>{t(`channel.${channel}`)}</span>;
}
