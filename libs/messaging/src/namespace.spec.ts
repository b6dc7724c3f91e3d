import {
  logicalSubject,
  namespacedDurable,
  namespacedStream,
  namespacedSubject,
  namespaceFromEnv,
} from './namespace';

describe('namespacing', () => {
  it('defaults to the hub namespace when HUB_NAMESPACE is unset or blank', () => {
    expect(namespaceFromEnv({})).toBe('hub');
    expect(namespaceFromEnv({ HUB_NAMESPACE: ' ' })).toBe('hub');
    expect(namespaceFromEnv({ HUB_NAMESPACE: 't1abc_x' })).toBe('t1abc_x');
  });

  it('rejects a namespace that would break subjects or stream names', () => {
    for (const bad of ['Hub', 'hub.x', 'hub-x', '1hub', 'a'.repeat(32), 'hub >']) {
      expect(() => namespaceFromEnv({ HUB_NAMESPACE: bad })).toThrow(/HUB_NAMESPACE/);
    }
  });

  it('prefixes subjects, upper-cases stream names and joins durable parts', () => {
    expect(namespacedSubject('t1', 'inbound.web')).toBe('t1.inbound.web');
    expect(namespacedSubject('t1', 'inbound.>')).toBe('t1.inbound.>');
    expect(namespacedStream('t1_a', 'INBOUND')).toBe('T1_A_INBOUND');
    expect(namespacedDurable('t1', 'conversation', 'inbound')).toBe('t1_conversation_inbound');
    expect(namespacedDurable('t1', 'conversation_inbound')).toBe('t1_conversation_inbound');
  });

  it('strips the namespace back off a delivered subject', () => {
    expect(logicalSubject('t1', 't1.inbound.web')).toBe('inbound.web');
    expect(logicalSubject('t1', 'other.inbound.web')).toBe('other.inbound.web');
  });

  it('refuses names that NATS would reject', () => {
    expect(() => namespacedDurable('t1', 'conv.ersation', 'x')).toThrow(/durable/);
    expect(() => namespacedStream('t1', 'IN BOUND')).toThrow(/stream/);
    expect(() => namespacedSubject('t1', '.inbound')).toThrow(/subject/);
  });
});
