import { BUS_SERVICES, SERVICE_PERMISSIONS, type BusService } from '@hub/contracts';
import { replaysOf, streamsUsedBy } from './bus-permissions';

/**
 * The permission table of docs/architecture.md, from `SERVICE_PERMISSIONS`: per service what it
 * serves, calls, publishes, consumes and fans out (logical subjects, before the namespace).
 * A unit test keeps the document's copy current.
 */
export function busPermissionTable(): string {
  const header = [
    '| service | serves (requests) | calls (requests) | publishes (events) | consumes (durable: event) | realtime publish / subscribe | streams it ensures |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  return [...header, ...BUS_SERVICES.map(row)].join('\n');
}

function row(service: BusService): string {
  const rules = SERVICE_PERMISSIONS[service];
  const cells = [
    `\`${service}\``,
    list(rules.serves.map((request) => request.subject)),
    list(rules.calls.map((request) => request.subject)),
    list(rules.publishes.map((publication) => publication.subject)),
    list([
      ...rules.consumes.map(({ durable, event }) => `${durable}: ${event.subject}`),
      ...replaysOf(service).map(({ durable, stream }) => `${durable}: ${stream} (replay)`),
    ]),
    `${realtime(rules.realtime.publishes)} / ${realtime(rules.realtime.subscribes)}`,
    list(streamsUsedBy(service)),
  ];
  return `| ${cells.join(' | ')} |`;
}

function realtime(audiences: readonly string[]): string {
  return list(audiences.map((audience) => `rt.${audience}`));
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '–' : items.map((item) => `\`${item}\``).join(', ');
}
