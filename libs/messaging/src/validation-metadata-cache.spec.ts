import { Allow, IsInt, IsString, registerDecorator, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: unknown;
}

class Derived extends Base {
  @IsInt()
  count!: unknown;
}

class LateRules {
  @IsString()
  first!: unknown;
  second!: unknown;
  third!: unknown;
}

const failing = (value: object) =>
  validateSync(value, { whitelist: true, forbidNonWhitelisted: true })
    .map((error) => error.property)
    .sort();

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers the same rules every time, inherited ones included', () => {
    const bad = Object.assign(new Derived(), { name: 1, count: 'x' });
    const good = Object.assign(new Derived(), { name: 'n', count: 2 });
    expect(failing(bad)).toEqual(['count', 'name']);
    expect(failing(good)).toEqual([]);
    expect(failing(bad)).toEqual(['count', 'name']);
    expect(failing(Object.assign(new Base(), { name: 1 }))).toEqual(['name']);
  });

  it('forgets what it remembered when a rule is added later', () => {
    const value = Object.assign(new LateRules(), { first: 'a', second: 1, third: 1 });
    expect(failing(value)).toEqual(['second', 'third']);
    // A rule alone (a property allowed), then a rule with its own constraint class.
    Allow()(LateRules.prototype, 'third');
    expect(failing(value)).toEqual(['second']);
    registerDecorator({
      target: LateRules,
      propertyName: 'second',
      validator: { validate: (second: unknown) => typeof second === 'string' },
    });
    expect(failing(Object.assign(value, { second: 'b' }))).toEqual([]);
    expect(failing(Object.assign(value, { second: 2 }))).toEqual(['second']);
  });
});
