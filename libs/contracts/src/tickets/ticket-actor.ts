import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { Actor } from '../common/actor';

/** The acting agent, validated as a nested Actor. */
export function ValidateNestedActor(): PropertyDecorator {
  return (target, key) => {
    IsDefined()(target, key);
    ValidateNested()(target, key);
    Type(() => Actor)(target, key);
  };
}
