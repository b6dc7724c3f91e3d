import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { Actor } from '../common/actor';
import { compose } from '../common/validators';

/** The acting agent, validated as a nested Actor. */
export function ValidateNestedActor(): PropertyDecorator {
  return compose(
    IsDefined(),
    ValidateNested(),
    Type(() => Actor),
  );
}
