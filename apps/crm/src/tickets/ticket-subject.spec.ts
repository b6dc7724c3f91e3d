import { TICKET_SUBJECT_MAX_LENGTH, ticketSubjectOf } from './ticket-subject';

describe('ticketSubjectOf', () => {
  it('takes the first line of the message, trimmed', () => {
    expect(ticketSubjectOf('  Where is my order?  \nIt was due Monday.')).toBe(
      'Where is my order?',
    );
  });

  it('skips blank leading lines, whatever the line endings', () => {
    expect(ticketSubjectOf('\r\n   \r\nRefund please\r\nthanks')).toBe('Refund please');
  });

  it('cuts a long first line at 120 characters without splitting an emoji', () => {
    const subject = ticketSubjectOf(`${'a'.repeat(119)}😀😀 and more`);

    expect(Array.from(subject)).toHaveLength(TICKET_SUBJECT_MAX_LENGTH);
    expect(subject.endsWith('😀')).toBe(true);
  });

  it('keeps hostile text as it is: it is stored and shown as text', () => {
    expect(ticketSubjectOf('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });
});
