import { useTranslation } from 'react-i18next';
import { useConversationTags, useSetConversationTag, useTags } from '../api/queries';
import { TagChip } from '../../ui/TagChip';

/** The conversation's tags in its header: take one off, or put one of the workspace's on. */
export function ConversationTags({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('conversations');
  const tags = useConversationTags(conversationId);
  const workspaceTags = useTags();
  const setTag = useSetConversationTag(conversationId);
  const current = tags.data ?? [];
  const addable = (workspaceTags.data ?? []).filter(
    (tag) => !current.some((has) => has.id === tag.id),
  );

  return (
    <div className="conversation-tags" role="group" aria-label={t('tags.label')}>
      {current.map((tag) => (
        <TagChip key={tag.id} tag={tag}>
          <button
            type="button"
            className="tag-remove"
            aria-label={t('tags.remove', { name: tag.name })}
            onClick={() => setTag.mutate({ tagId: tag.id, tagged: false })}
          >
            ×
          </button>
        </TagChip>
      ))}
      {addable.length > 0 ? (
        <select
          aria-label={t('tags.add')}
          value=""
          onChange={(event) => setTag.mutate({ tagId: event.target.value, tagged: true })}
        >
          <option value="">{t('tags.add')}</option>
          {addable.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      ) : null}
      {setTag.isError ? <span role="alert">{t('tags.failed')}</span> : null}
    </div>
  );
}
