import { registerDecorator } from 'class-validator';
import { isTimeZone } from '../workspace-settings';

/** An IANA time zone this runtime knows (`Asia/Tokyo`, `UTC`). */
export function IsTimeZone(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Asia/Tokyo' },
      validator: { validate: isTimeZone },
    });
}
