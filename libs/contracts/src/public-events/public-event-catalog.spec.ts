import pinned from './public-event-catalog.pinned.json';
import { schemaViolations } from './json-schema';
import { PUBLIC_EVENT_CATALOG, PUBLIC_EVENT_TYPES, publicEventKey } from './public-event-catalog';

const catalog = new Map(
  PUBLIC_EVENT_CATALOG.map((event) => [publicEventKey(event.type, event.version), event]),
);

describe('public event catalog', () => {
  it('keeps every published version’s schema exactly as pinned (a change needs a new version)', () => {
    for (const [key, schema] of Object.entries(pinned)) {
      expect({ key, schema: catalog.get(key)?.schema }).toEqual({ key, schema });
    }
  });

  it('pins every version it publishes (pin a new version in the same change that adds it)', () => {
    expect([...catalog.keys()].sort()).toEqual(Object.keys(pinned).sort());
  });

  it('numbers each event’s versions 1, 2, 3… and publishes every event type', () => {
    for (const type of PUBLIC_EVENT_TYPES) {
      const versions = PUBLIC_EVENT_CATALOG.filter((e) => e.type === type).map((e) => e.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect(versions.length).toBeGreaterThan(0);
    }
  });

  it('gives each version an example that its own schema accepts', () => {
    for (const event of PUBLIC_EVENT_CATALOG) {
      expect(schemaViolations(event.schema, event.example)).toEqual([]);
    }
  });

  it('notices an example that breaks its schema', () => {
    const [first] = PUBLIC_EVENT_CATALOG;
    expect(schemaViolations(first.schema, { ...first.example, extra: 1 })).toEqual([
      '$.extra: not allowed',
    ]);
    expect(schemaViolations(first.schema, { ...first.example, channel: 'fax' })).toHaveLength(1);
  });
});
