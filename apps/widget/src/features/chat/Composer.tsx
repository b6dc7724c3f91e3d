import { useRef } from 'preact/hooks';
import { AttachIcon, SendIcon } from '../../ui/icons';
import { useWidget } from '../../ui/widget-context';
import { filesOf } from '../uploads/check-file';

/** The text box (Enter sends, Shift+Enter is a new line), attach and send; paste uploads images. */
export function Composer() {
  const { store, state, t } = useWidget();
  const fileInput = useRef<HTMLInputElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    // While an IME composes (Chinese, Japanese), Enter picks the candidate: never send then.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229)
      return;
    event.preventDefault();
    store.send();
  };

  const onPaste = (event: ClipboardEvent) => {
    const files = filesOf(event.clipboardData);
    if (files.length === 0) return;
    event.preventDefault();
    void store.upload(files);
  };

  return (
    <div class="composer">
      {state.config.typingPreview && <p class="sneak-peek">{t('sneakPeek')}</p>}
      {state.uploads.map((name) => (
        <p key={name} class="muted" role="status">
          {t('uploading', { name })}
        </p>
      ))}
      <div class="composer-row">
        <textarea
          class="input"
          rows={1}
          aria-label={t('composer')}
          placeholder={t('composer')}
          value={state.composer}
          maxLength={20_000}
          onInput={(event) => store.setComposer((event.target as HTMLTextAreaElement).value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <button
          type="button"
          class="icon-button"
          aria-label={t('attach')}
          onClick={() => fileInput.current?.click()}
        >
          <AttachIcon />
        </button>
        <input
          ref={fileInput}
          class="file-input"
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          accept={state.config.uploads.accept.join(',')}
          onChange={(event) => {
            const input = event.target as HTMLInputElement;
            void store.upload([...(input.files ?? [])]);
            input.value = '';
          }}
        />
        <button
          type="button"
          class="icon-button send"
          aria-label={t('send')}
          disabled={state.composer.trim() === ''}
          onClick={() => store.send()}
        >
          <SendIcon />
        </button>
      </div>
    </div>
  );
}
