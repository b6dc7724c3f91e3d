import type { VisitorIdentity } from '../visitor-sessions/visitor-sessions.service';

/** A page the visitor opened, as queued for storage. */
export interface QueuedView {
  pageViewId: string;
  url: string;
  title: string;
  referrer: string | null;
  /** When this server received it: the stored time, whatever the browser's clock says. */
  receivedAt: Date;
}

export interface QueuedLeave {
  pageViewId: string;
  durationMs: number;
}

/** Where the beacons came from: the visit's location and device are derived from it. */
export interface BeaconClient {
  ip: string | undefined;
  userAgent: string | undefined;
  /** From Accept-Language, most preferred first (an auto-invitation's language). */
  locales: string[];
}

/** What one visitor sent since the last flush. */
export interface VisitorBeacons {
  visitor: VisitorIdentity;
  client: BeaconClient;
  views: QueuedView[];
  leaves: QueuedLeave[];
}

/** A visitor whose page views a flush stored. */
export interface StoredVisitor {
  visitor: VisitorIdentity;
  client: BeaconClient;
  /** Was not online before this flush: `visitor.arrived`, else `visitor.updated`. */
  arrived: boolean;
  visitId: string;
  /** The visit began in this flush. */
  newVisit: boolean;
  visitCount: number;
  /** Some page view was new (not a resent beacon). */
  freshViews: boolean;
  /** Pages of the visit so far (when freshViews). */
  pagesViewed: number;
  searchKeyword: string | null;
  /** The latest page stored. */
  url: string;
}
