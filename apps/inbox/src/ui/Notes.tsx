import { useState, type FormEvent } from 'react';
import { dateTimeText } from './time-text';

interface ListedNote {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
}

/** Agents' notes, yellow, newest first; the author's name when the screen knows it. */
export function NoteList(props: { notes: ListedNote[]; authorName?: (id: string) => string }) {
  return (
    <ul className="trail">
      {props.notes.map((note) => (
        <li key={note.id} className="note-card">
          <span className="muted small">
            {props.authorName ? `${props.authorName(note.authorId)} · ` : ''}
            {dateTimeText(note.createdAt)}
          </span>
          <div>{note.body}</div>
        </li>
      ))}
    </ul>
  );
}

/** A note's text box and button; `send` stores it (the box clears once it is stored). */
export function NoteComposer(props: {
  label: string;
  submitLabel: string;
  failedText: string;
  send: (body: string) => Promise<unknown>;
}) {
  const [body, setBody] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState('sending');
    props.send(body.trim()).then(
      () => {
        setBody('');
        setState('idle');
      },
      () => setState('failed'),
    );
  };
  return (
    <form className="stack-form" onSubmit={submit}>
      <label>
        {props.label}
        <textarea rows={2} value={body} onChange={(event) => setBody(event.target.value)} />
      </label>
      <button type="submit" disabled={!body.trim() || state === 'sending'}>
        {props.submitLabel}
      </button>
      {state === 'failed' && (
        <p role="alert" className="form-error">
          {props.failedText}
        </p>
      )}
    </form>
  );
}
