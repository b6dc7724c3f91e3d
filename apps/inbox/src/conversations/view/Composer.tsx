import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../api/api-error';
import { useHub } from '../../api/HubProvider';
import type { ConversationView, UploadedFile } from '../../api/types';
import { keys, useCannedResponses } from '../api/queries';
import { cannedQuery, matchCanned } from './canned-match';
import { EMOJI } from './emoji';
import { safeHttpUrl } from './text-links';
import { useSendReply } from './useSendReply';

type Mode = 'reply' | 'note' | 'link';
const TYPING_EVERY_MS = 3_000;

/** Reply, private note or pushed link; `/` opens canned responses; Enter sends. */
export function Composer({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation('conversations');
  const { http, socket } = useHub();
  const queryClient = useQueryClient();
  const { send } = useSendReply(conversation.id);
  const canned = useCannedResponses();
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState(0);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [uploading, setUploading] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const query = mode === 'reply' ? cannedQuery(text) : undefined;
  const matches = query === undefined ? [] : matchCanned(canned.data ?? [], query);
  const listOpen = matches.length > 0;

  useEffect(() => {
    setPicked(0);
  }, [query]);
  useEffect(() => {
    const focus = () => field.current?.focus();
    window.addEventListener('inbox:focus-composer', focus);
    return () => window.removeEventListener('inbox:focus-composer', focus);
  }, []);

  const tellTyping = (isTyping: boolean) => {
    if (mode === 'note') return;
    const now = Date.now();
    if (isTyping && now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = isTyping ? now : 0;
    socket.fire({ type: 'typing', conversationId: conversation.id, isTyping });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const content = text.trim();
    if (!content) return;
    setError(null);
    if (mode === 'note') {
      try {
        await http.request(`/conversations/${conversation.id}/notes`, {
          method: 'POST',
          body: { body: content },
        });
        await queryClient.invalidateQueries({ queryKey: keys.notes(conversation.id) });
        setText('');
      } catch (failure) {
        setError(failureCode(failure));
      }
      return;
    }
    if (mode === 'link' && !safeHttpUrl(content)) return setError(t('composer.badLink'));
    setText('');
    tellTyping(false);
    void send({ content, kind: mode === 'link' ? 'link' : 'text' });
  };

  const insertCanned = (index: number) => {
    const response = matches[index];
    if (response) setText(response.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (listOpen && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setPicked((current) => (current + step + matches.length) % matches.length);
      return;
    }
    if (listOpen && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      return insertCanned(picked);
    }
    if (listOpen && event.key === 'Escape') return setText('');
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const uploaded = await http.upload<UploadedFile>('/uploads', form);
      void send({
        content: text.trim(),
        kind: 'text',
        fileId: uploaded.fileId,
        fileName: uploaded.name,
      });
      setText('');
    } catch (failure) {
      setError(
        t('composer.uploadFailed', {
          code: failureCode(failure),
        }),
      );
    } finally {
      setUploading(false);
    }
  };

  const insertEmoji = (emoji: string) => {
    const input = field.current;
    const at = input?.selectionStart ?? text.length;
    setText(text.slice(0, at) + emoji + text.slice(input?.selectionEnd ?? at));
    setEmojiOpen(false);
    input?.focus();
  };

  return (
    <form className={`composer composer-${mode}`} onSubmit={(event) => void submit(event)}>
      <div role="tablist" aria-label={t('composer.mode')} className="composer-modes">
        {(['reply', 'note', 'link'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={mode === value}
            onClick={() => {
              setMode(value);
              field.current?.focus();
            }}
          >
            {t(`composer.modes.${value}`)}
          </button>
        ))}
      </div>
      {listOpen ? (
        <ul
          className="canned-list"
          role="listbox"
          id="canned-list"
          aria-label={t('composer.canned')}
        >
          {matches.map((response, index) => (
            <li
              key={response.id}
              id={`canned-${response.id}`}
              role="option"
              aria-selected={index === picked}
              onMouseDown={(event) => {
                event.preventDefault();
                insertCanned(index);
              }}
            >
              <strong>/{response.shortcut}</strong> <span className="muted">{response.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <textarea
        ref={field}
        value={text}
        rows={3}
        aria-label={t(`composer.field.${mode}`)}
        placeholder={t(`composer.placeholder.${mode}`)}
        role={listOpen ? 'combobox' : undefined}
        aria-expanded={listOpen ? true : undefined}
        aria-controls={listOpen ? 'canned-list' : undefined}
        aria-activedescendant={
          listOpen && matches[picked] ? `canned-${matches[picked].id}` : undefined
        }
        onChange={(event) => {
          setText(event.target.value);
          tellTyping(event.target.value.length > 0);
        }}
        onBlur={() => tellTyping(false)}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="composer-tools">
        {mode === 'reply' ? (
          <>
            <button type="button" onClick={() => fileInput.current?.click()} disabled={uploading}>
              {uploading ? t('composer.uploading') : t('composer.attach')}
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              aria-label={t('composer.attach')}
              onChange={(event) => void attach(event)}
            />
            <button
              type="button"
              aria-expanded={emojiOpen}
              onClick={() => setEmojiOpen(!emojiOpen)}
            >
              {t('composer.emoji')}
            </button>
          </>
        ) : null}
        <button type="submit" className="primary">
          {t(`composer.send.${mode}`)}
        </button>
      </div>
      {emojiOpen ? (
        <div className="emoji-grid" role="group" aria-label={t('composer.emoji')}>
          {EMOJI.map((emoji) => (
            <button key={emoji} type="button" onClick={() => insertEmoji(emoji)}>
              {emoji}
            </button>
          ))}
        </div>
      ) : null}
    </form>
  );
}
