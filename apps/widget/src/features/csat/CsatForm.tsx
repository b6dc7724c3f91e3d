import { useState } from 'preact/hooks';
import { starsLabel } from '../../i18n/locale';
import { useWidget } from '../../ui/widget-context';

const RATINGS = [1, 2, 3, 4, 5];

/** After the conversation is resolved: 1–5 stars and an optional comment, once. */
export function CsatForm() {
  const { store, state, t } = useWidget();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');

  if (state.csat === 'thanks')
    return (
      <p class="confirmation" role="status">
        {t('csatThanks')}
      </p>
    );
  if (state.conversation?.csat) return null;

  const submit = (event: Event) => {
    event.preventDefault();
    if (rating > 0) store.submitCsat(rating, comment);
  };
  return (
    <form class="form csat" onSubmit={submit}>
      <p class="form-title">{t('ratePrompt')}</p>
      <div class="stars" role="radiogroup" aria-label={t('rate')}>
        {RATINGS.map((value) => (
          <label key={value} class={`star${value <= rating ? ' is-on' : ''}`}>
            <input
              type="radio"
              name="hub-csat-rating"
              value={value}
              checked={rating === value}
              aria-label={starsLabel(t, value)}
              onChange={() => setRating(value)}
            />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </div>
      <label class="field">
        <span class="field-label">{t('comment')}</span>
        <textarea
          class="input"
          rows={2}
          maxLength={2000}
          value={comment}
          onInput={(event) => setComment((event.target as HTMLTextAreaElement).value)}
        />
      </label>
      <button type="submit" class="primary" disabled={rating === 0 || state.csat === 'sending'}>
        {t('submitRating')}
      </button>
    </form>
  );
}
