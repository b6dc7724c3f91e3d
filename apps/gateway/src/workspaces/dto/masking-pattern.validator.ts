import { maskingPatternProblem } from '@hub/text-safety';
import { registerDecorator, type ValidationArguments } from 'class-validator';

/** Each entry of the list is a pattern `maskingPatternProblem` accepts; the message says why not. */
export function AreMaskingPatterns(): PropertyDecorator {
  const firstProblem = (value: unknown): string | null => {
    if (!Array.isArray(value)) return null;
    for (const [index, source] of value.entries()) {
      if (typeof source !== 'string') continue;
      const problem = maskingPatternProblem(source);
      if (problem) return `maskingPatterns[${index}] ${problem}`;
    }
    return null;
  };
  return (target, propertyName) =>
    registerDecorator({
      name: 'areMaskingPatterns',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args: ValidationArguments) => firstProblem(args.value) ?? '' },
      validator: { validate: (value: unknown) => firstProblem(value) === null },
    });
}
