/**
 * The hub's JetStream streams and the (logical) subjects each stores. The messaging layer
 * creates each stream with exactly this filter; every event contract names its stream, and
 * `defineEvent` only accepts a subject inside that stream's filter.
 */
export const STREAM_SUBJECTS = {
  /** Customer messages a connector has accepted: `inbound.<channel>`. */
  INBOUND: 'inbound.>',
  /** Facts published after the owner's commit: `evt.<service>.<entity>.<past-tense>.v<N>`. */
  EVENTS: 'evt.>',
  /** Replies for a connector to deliver: `outbound.<channel>` (no producer yet). */
  OUTBOUND: 'outbound.>',
  /**
   * Messages a consumer gave up (never stored), with the reason: `dlq.<original subject>`.
   * The channel's connector tells the sender; `hub_dead_letters_total` counts them.
   */
  DEAD_LETTERS: 'dlq.>',
} as const;

/** Logical stream name: `INBOUND`, `EVENTS`, `OUTBOUND` or `DEAD_LETTERS`. */
export type HubStream = keyof typeof STREAM_SUBJECTS;

/** The subjects a stream stores, as a type: `evt.${string}` for EVENTS. */
export type StreamSubject<S extends HubStream> =
  (typeof STREAM_SUBJECTS)[S] extends `${infer Prefix}.>` ? `${Prefix}.${string}` : never;

/** The logical stream names, in a fixed order. */
export const HUB_STREAM_NAMES = Object.keys(STREAM_SUBJECTS) as HubStream[];
