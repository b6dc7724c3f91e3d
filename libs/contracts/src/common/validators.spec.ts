import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, validateSync } from 'class-validator';
import {
  IsAfterSeq,
  IsClientMessageId,
  IsEmailAddress,
  IsMessageContent,
  IsOneOfChange,
  IsStorableText,
} from './validators';

class Note {
  @IsStorableText() text!: unknown;
}

class Send {
  @IsClientMessageId() clientMessageId!: unknown;
  @IsMessageContent() content!: unknown;
}

class Resume {
  @IsAfterSeq() afterSeq?: unknown;
}

class Change {
  @IsOneOfChange(['size', 'visible']) @IsIn(['s', 'm']) size?: unknown;
  @IsOneOfChange(['size', 'visible']) @IsBoolean() visible?: unknown;
}

function failures<T extends object>(type: new () => T, plain: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(type, plain));
  return Object.fromEntries(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})]));
}

describe('IsStorableText', () => {
  it('refuses text holding a NUL character, which PostgreSQL cannot store', () => {
    expect(failures(Note, { text: 'a\u0000b' })).toEqual({ text: ['isStorableText'] });
    expect(failures(Note, { text: '\u0000' })).toEqual({ text: ['isStorableText'] });
  });

  it('refuses an unpaired surrogate, which a jsonb column refuses', () => {
    for (const text of ['\ud800', 'a\ud83d', '\ude00b', '\ude00\ud83d'])
      expect(failures(Note, { text })).toEqual({ text: ['isStorableText'] });
  });

  it('accepts any other text, control characters and surrogate pairs included', () => {
    for (const text of ['', 'hello', 'tab\there\nnewline', '\u0001\u001f', '😀', '\ud83d\ude00x'])
      expect(failures(Note, { text })).toEqual({});
  });

  it('leaves non-strings to the type validators', () => {
    expect(failures(Note, { text: 42 })).toEqual({});
  });
});

describe('IsMessageContent', () => {
  it('refuses a message text holding a NUL character', () => {
    expect(failures(Send, { clientMessageId: 'c-1', content: 'hi\u0000' })).toEqual({
      content: ['isStorableText'],
    });
  });
});

describe('IsClientMessageId', () => {
  it.each(['x', 'c-1', 'A.b_c:d~e-f', '0190c1c6-7b9a-7c3e-9d4f-2a1b3c4d5e6f', 'x'.repeat(100)])(
    'accepts %p',
    (clientMessageId) => {
      expect(failures(Send, { clientMessageId, content: 'hi' })).toEqual({});
    },
  );

  it.each([
    ['empty', ''],
    ['trailing whitespace', 'x '],
    ['leading whitespace', ' x'],
    ['a newline', 'x\ny'],
    ['a NUL', 'x\u0000'],
    ['a slash', 'a/b'],
    ['non-ASCII', 'café'],
    ['over 100 characters', 'x'.repeat(101)],
    ['a number', 7],
  ])('refuses an id with %s', (_what, clientMessageId) => {
    expect(failures(Send, { clientMessageId, content: 'hi' })).toEqual({
      clientMessageId: expect.arrayContaining(['matches']) as unknown,
    });
  });
});

describe('IsAfterSeq', () => {
  it('accepts 0 up to the largest exact integer', () => {
    for (const afterSeq of [0, 7, Number.MAX_SAFE_INTEGER])
      expect(failures(Resume, { afterSeq })).toEqual({});
  });

  it('refuses 1e20, which is past any sequence (and PostgreSQL bigint)', () => {
    expect(failures(Resume, { afterSeq: 1e20 })).toEqual({ afterSeq: ['max'] });
  });

  it('converts nothing: text and booleans are refused (REST converts its query strings itself)', () => {
    for (const afterSeq of ['7', true])
      expect(failures(Resume, { afterSeq }).afterSeq).toContain('isInt');
  });
});

describe('IsEmailAddress', () => {
  class Login {
    @IsEmailAddress() email!: unknown;
  }

  it('accepts an email address', () => {
    expect(failures(Login, { email: 'ada@example.com' })).toEqual({});
  });

  it('refuses an unpaired surrogate (IsEmail would throw) and a NUL instead of failing', () => {
    for (const email of ['ada@example.com\udc00', '\ud83d@example.com', 'a\u0000@example.com'])
      expect(failures(Login, { email })).toEqual({ email: ['isEmailAddress'] });
  });

  it('refuses what is not an email address', () => {
    for (const email of ['ada', '', 3])
      expect(failures(Login, { email })).toEqual({ email: ['isEmailAddress'] });
  });
});

describe('IsOneOfChange', () => {
  it('refuses a change naming none of its fields, on the first of them', () => {
    const errors = validateSync(plainToInstance(Change, {}));
    expect(errors.map((e) => [e.property, e.constraints])).toEqual([
      [
        'size',
        {
          isOneOfChange: 'at least one of size, visible must be given',
          isIn: 'size must be one of the following values: s, m',
        },
      ],
    ]);
  });

  it('accepts a change naming any of them, and checks only the fields given', () => {
    expect(failures(Change, { size: 's' })).toEqual({});
    expect(failures(Change, { visible: false })).toEqual({});
    expect(failures(Change, { size: 'm', visible: true })).toEqual({});
    expect(failures(Change, { size: 'xl' })).toEqual({ size: ['isIn'] });
  });

  it('refuses null, which names no value', () => {
    expect(failures(Change, { size: null, visible: true })).toEqual({ size: ['isIn'] });
    expect(failures(Change, { size: null })).toEqual({ size: ['isIn'] });
  });
});
