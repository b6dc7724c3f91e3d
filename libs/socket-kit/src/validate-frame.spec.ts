import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Min, MinLength } from 'class-validator';
import { IsAfterSeq } from '@hub/contracts';
import { DomainException } from '@hub/service-kit';
import { validateFrame } from './validate-frame';

class SampleFrame {
  @IsString()
  @MinLength(1)
  name!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Type(() => Number)
  count?: number;
}

class ResumeFrame {
  @IsAfterSeq()
  lastSeq?: number;
}

class EmptyFrame {}

class FlagFrame {
  @IsBoolean()
  on!: boolean;
}

function failure(run: () => unknown): DomainException {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected the frame to be refused');
}

describe('validating a frame body', () => {
  it('returns an instance of the frame class', () => {
    const frame = validateFrame(SampleFrame, { name: 'a', count: 2 });

    expect(frame).toBeInstanceOf(SampleFrame);
    expect(frame).toEqual({ name: 'a', count: 2 });
  });

  it('refuses with VALIDATION_FAILED naming every bad and every unknown field, as REST does', () => {
    const error = failure(() => validateFrame(SampleFrame, { name: '', count: -1, sneaky: true }));

    expect(error).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
    expect(error.message).toMatch(/^Invalid request: /);
    expect(error.fieldErrors?.map((e) => e.field).sort()).toEqual(['count', 'name', 'sneaky']);
  });

  it('accepts a frame class with no fields only when the body is empty', () => {
    expect(validateFrame(EmptyFrame, {})).toEqual({});
    expect(failure(() => validateFrame(EmptyFrame, { extra: 1 })).fieldErrors).toEqual([
      { field: 'extra', message: 'property extra should not exist' },
    ]);
  });

  it('does not convert types the class does not ask to convert', () => {
    expect(failure(() => validateFrame(FlagFrame, { on: 'true' })).fieldErrors).toEqual([
      { field: 'on', message: 'on must be a boolean value' },
    ]);
  });

  it.each([
    ['a numeric string', '7'],
    ['a boolean', true],
    ['a fraction', 1.5],
  ])(
    'refuses %s where the contracts’ number rules want an integer, converting nothing',
    (_what, lastSeq) => {
      const refused = failure(() => validateFrame(ResumeFrame, { lastSeq })).fieldErrors ?? [];

      expect(refused).toContainEqual({
        field: 'lastSeq',
        message: 'lastSeq must be an integer number',
      });
      expect(new Set(refused.map((e) => e.field))).toEqual(new Set(['lastSeq']));
    },
  );

  it('keeps an integer given as a number', () => {
    expect(validateFrame(ResumeFrame, { lastSeq: 7 })).toEqual({ lastSeq: 7 });
  });
});
