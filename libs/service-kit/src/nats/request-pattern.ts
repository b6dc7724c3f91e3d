import 'reflect-metadata';
import { MessagePattern } from '@nestjs/microservices';
import type { PayloadOf, ReplyOf, RequestContract } from '@hub/contracts';

/** A handler method answering contract `C`: takes its payload, resolves with its reply. */
export type RequestHandlerMethod<C extends RequestContract> = (
  payload: PayloadOf<C>,
) => Promise<ReplyOf<C>> | ReplyOf<C>;

/**
 * `@MessagePattern` for a request of `SUBJECTS`: the compiler checks the method's payload and
 * reply types against the contract, and at class definition the declared payload class (which
 * the validation pipe validates with) must be the contract's own class.
 */
export function RequestPattern<C extends RequestContract>(contract: C) {
  const pattern = MessagePattern(contract.subject);
  return (
    target: object,
    key: string | symbol,
    descriptor: { value?: RequestHandlerMethod<C> },
  ): void => {
    assertPayloadClass(contract, target, key);
    pattern(target, key, descriptor as PropertyDescriptor);
  };
}

function assertPayloadClass(contract: RequestContract, target: object, key: string | symbol): void {
  const declared = (
    Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined
  )?.[0];
  if (declared !== contract.payload) {
    const name = `${target.constructor.name}.${String(key)}`;
    const found = typeof declared === 'function' ? declared.name : String(declared);
    throw new TypeError(
      `${name} answers ${contract.subject}: its payload must be ${contract.payload.name}, not ${found}`,
    );
  }
}
