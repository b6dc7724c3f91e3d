import { useEffect, useRef, useState } from 'preact/hooks';
import { Composer } from '../features/chat/Composer';
import { MessageList } from '../features/chat/MessageList';
import { OfflineForm } from '../features/offline/OfflineForm';
import { DepartmentPicker } from '../features/prechat/DepartmentPicker';
import { PreChatForm } from '../features/prechat/PreChatForm';
import { filesOf } from '../features/uploads/check-file';
import { chosenDepartment, isChatting, type WidgetState } from '../state/widget-state';
import { Header } from './Header';
import { useWidget } from './widget-context';

/** What the bottom of the panel offers now. */
function stage(state: WidgetState): 'offline' | 'prechat' | 'chat' {
  const beforeFirstMessage = state.conversationId === null && state.outbox.length === 0;
  if (!isChatting(state) && (!state.config.online || chosenDepartment(state)?.online === false))
    return 'offline';
  const form = state.config.preChatForm;
  if (beforeFirstMessage && form?.enabled && form.fields.length > 0 && !state.preChatDone)
    return 'prechat';
  return 'chat';
}

/** The chat panel: header, transcript, and the composer or the form due before it. */
export function Panel() {
  const { store, state, t } = useWidget();
  const [dragging, setDragging] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const current = stage(state);
  const showDepartments =
    state.config.departments.length > 0 &&
    state.conversationId === null &&
    state.outbox.length === 0;

  // Focus moves into the panel only when it already is in the widget (the launcher was used): a
  // panel restored open on a new page, or opened by the site's own button, never steals it.
  useEffect(() => {
    if (document.activeElement?.id !== 'hub-widget') return;
    panel.current?.querySelector<HTMLElement>('textarea, input, button.primary')?.focus();
  }, [current]);

  // A new message scrolls to it (the body is column-reverse: scrollTop 0 is the bottom).
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [state.messages.length, state.outbox.length]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = filesOf(event.dataTransfer);
    if (files.length > 0 && current === 'chat') void store.upload(files);
  };

  return (
    <div
      ref={panel}
      class="panel"
      role="dialog"
      aria-label={t('chat')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        const root = panel.current?.getRootNode() as ShadowRoot | undefined;
        store.setOpen(false);
        // Keyboard users land back on the launcher, not at the top of the page.
        setTimeout(() => root?.querySelector<HTMLElement>('.launcher')?.focus());
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (current === 'chat') setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.target === event.currentTarget) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Header />
      {state.connection === 'reconnecting' && (
        <p class="banner" role="status">
          {t('reconnecting')}
        </p>
      )}
      <div class="body" ref={body}>
        <div class="body-content">
          <MessageList />
          {showDepartments && <DepartmentPicker />}
          {current === 'offline' && <OfflineForm />}
          {current === 'prechat' && state.config.preChatForm && (
            <PreChatForm fields={state.config.preChatForm.fields} />
          )}
        </div>
      </div>
      {state.notice && (
        <p class="notice" role="alert" onClick={() => store.dismissNotice()}>
          {t(state.notice.key, state.notice.params)}
        </p>
      )}
      {current === 'chat' && <Composer />}
      {dragging && (
        <div class="drop-zone" aria-hidden="true">
          {t('dropToSend')}
        </div>
      )}
    </div>
  );
}
