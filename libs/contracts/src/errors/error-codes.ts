/**
 * Every error code that crosses a service boundary (RPC error replies) or reaches a client
 * (REST bodies, socket error frames), with the HTTP status it is answered with. A REST error
 * answers with this status; an RPC error reply carries it, so the caller rebuilds the same error.
 * Nest's own HTTP errors (unknown route, malformed JSON, body too large) answer `HTTP_<status>`.
 */
export const ERROR_CODES = {
  // Any boundary.
  /** A body, payload or frame failed validation; `fieldErrors` says where. */
  VALIDATION_FAILED: { status: 400 },
  /** Unexpected: the details are in the service's log, never in the answer. */
  INTERNAL: { status: 500 },
  /** A service asked over NATS did not answer in time. */
  UPSTREAM_TIMEOUT: { status: 503 },
  /** A service asked over NATS could not be reached. */
  UPSTREAM_UNAVAILABLE: { status: 503 },
  /** The service's own database is unreachable; try again. */
  DATABASE_UNAVAILABLE: { status: 503 },
  /**
   * Too many requests from this IP, account or visitor: try again after `retryAfterMs` (also the
   * `Retry-After` header, in seconds, on REST).
   */
  RATE_LIMITED: { status: 429 },

  // Agent authentication (gateway, routing).
  AUTH_TOKEN_MISSING: { status: 401 },
  AUTH_TOKEN_INVALID: { status: 401 },
  AUTH_TOKEN_EXPIRED: { status: 401 },
  /** Login refused; the same code whether the workspace, the email or the password was wrong. */
  AUTH_INVALID_CREDENTIALS: { status: 401 },
  /** Authenticated, but the agent's role does not allow the action. */
  AUTH_FORBIDDEN: { status: 403 },
  /** The access token's session was ended (logout, refresh-token reuse, agent changed). */
  AUTH_SESSION_REVOKED: { status: 401 },
  /** An `X-Api-Key` that is unknown or revoked (on routes open to integrators). */
  AUTH_API_KEY_INVALID: { status: 401 },
  /** `POST /auth/refresh`: unknown, expired or revoked refresh token. */
  AUTH_REFRESH_INVALID: { status: 401 },
  /** `POST /auth/refresh`: a refresh token already rotated was used again; its family is revoked. */
  AUTH_REFRESH_REUSED: { status: 401 },
  /** No live API key with this id in the workspace. */
  API_KEY_NOT_FOUND: { status: 404 },
  /** `POST /workspaces`: the hub's SIGNUP is closed and no valid operator token was given. */
  SIGNUP_CLOSED: { status: 403 },
  /** `POST /workspaces`: another workspace has this slug. */
  WORKSPACE_SLUG_TAKEN: { status: 409 },

  // conversation.
  CONVERSATION_NOT_FOUND: { status: 404 },
  /** `conversation.conversation.assign`: the assignee is no longer the expected one. */
  CONVERSATION_ASSIGNEE_CHANGED: { status: 409 },
  CONVERSATION_ILLEGAL_TRANSITION: { status: 409 },
  CONVERSATION_NOT_ASSIGNED_TO_YOU: { status: 403 },
  /** The acting agent no longer exists in the workspace or was deactivated. */
  CONVERSATION_ACTOR_UNKNOWN: { status: 403 },
  /** `csat.submit`: not the visitor's own conversation, not resolved, or resolved too long ago. */
  CSAT_NOT_ALLOWED: { status: 409 },
  /** `transcript.request`: not the visitor's own conversation. */
  TRANSCRIPT_NOT_ALLOWED: { status: 409 },
  /** `transcript.request`: the workspace has no email inbox to mail transcripts from. */
  TRANSCRIPT_UNAVAILABLE: { status: 409 },
  /** No such inbox (or, on connector-web, not a web inbox). */
  INBOX_NOT_FOUND: { status: 404 },
  /** Another inbox of the hub already receives mail for this address. */
  INBOX_EMAIL_ADDRESS_TAKEN: { status: 409 },
  /** The inbox has conversations (transcripts are kept): it cannot be deleted. */
  INBOX_IN_USE: { status: 409 },
  /** The admin API cannot (yet) create or configure inboxes of this channel. */
  INBOX_CHANNEL_UNSUPPORTED: { status: 400 },
  CANNED_RESPONSE_NOT_FOUND: { status: 404 },
  /** The agent would see two canned responses with this shortcut. */
  CANNED_RESPONSE_SHORTCUT_TAKEN: { status: 409 },
  /** A shared canned response is changed by supervisors and admins only, a personal one by its owner. */
  CANNED_RESPONSE_FORBIDDEN: { status: 403 },
  /** No such tag in the workspace (also another workspace's tag). */
  TAG_NOT_FOUND: { status: 404 },
  /** The workspace has a tag of this name (in any case). */
  TAG_NAME_TAKEN: { status: 409 },

  // crm.
  CUSTOMER_NOT_FOUND: { status: 404 },
  /** A merge of a customer with itself. */
  CUSTOMER_MERGE_SAME: { status: 400 },
  /** The customer was merged into another one (its id says which until the merge is undone). */
  CUSTOMER_ALREADY_MERGED: { status: 409 },
  CUSTOMER_MERGE_NOT_FOUND: { status: 404 },
  CUSTOMER_MERGE_ALREADY_UNDONE: { status: 409 },
  /** The surviving customer is gone (merged away since, or erased): undo that first. */
  CUSTOMER_MERGE_UNDO_BLOCKED: { status: 409 },

  // crm tickets.
  TICKET_NOT_FOUND: { status: 404 },
  /** The ticket changed since the version the writer read; nothing was written. */
  TICKET_CONFLICT: { status: 409 },
  /** A status change the ticket workflow forbids (e.g. open → closed, anything from closed). */
  TICKET_ILLEGAL_TRANSITION: { status: 409 },
  /** A closed ticket is archived: no field of it changes any more. */
  TICKET_CLOSED: { status: 409 },
  /** An agent changing a ticket assigned to another agent (supervisors and admins may). */
  TICKET_NOT_ASSIGNED_TO_YOU: { status: 403 },
  /** `PATCH /tickets/:id` without the version read (`If-Match` header or `version`). */
  TICKET_VERSION_REQUIRED: { status: 428 },
  /** The conversation is already linked to a ticket (one ticket at a time). */
  TICKET_CONVERSATION_LINKED: { status: 409 },
  TICKET_CONVERSATION_NOT_LINKED: { status: 404 },
  TICKET_REMINDER_NOT_FOUND: { status: 404 },
  TICKET_CATEGORY_NOT_FOUND: { status: 404 },
  /** Categories nest one level: a child category cannot have children. */
  TICKET_CATEGORY_TOO_DEEP: { status: 400 },
  /** Another category with this name has the same parent. */
  TICKET_CATEGORY_NAME_TAKEN: { status: 409 },
  /** The category still has children or tickets. */
  TICKET_CATEGORY_IN_USE: { status: 409 },
  /** A customer write named a custom attribute the workspace has not defined. */
  CUSTOMER_ATTRIBUTE_UNKNOWN: { status: 400 },
  /** A custom attribute value of the wrong type (or not one of a list's options). */
  CUSTOMER_ATTRIBUTE_INVALID: { status: 400 },
  /** `crm.attribute.define`: the workspace already has an attribute with that key. */
  CUSTOMER_ATTRIBUTE_EXISTS: { status: 409 },
  CUSTOMER_ATTRIBUTE_NOT_FOUND: { status: 404 },
  /** The channel id belongs to another customer of the workspace. */
  CUSTOMER_IDENTITY_TAKEN: { status: 409 },
  CUSTOMER_IDENTITY_NOT_FOUND: { status: 404 },
  CUSTOMER_SUGGESTION_NOT_FOUND: { status: 404 },
  /** The link suggestion was already accepted or dismissed. */
  CUSTOMER_SUGGESTION_DECIDED: { status: 409 },
  /** A page cursor that this list did not hand out. */
  CURSOR_INVALID: { status: 400 },
  /** `PUT .../orders/:externalId`: the shop's order is recorded on another customer. */
  ORDER_OF_ANOTHER_CUSTOMER: { status: 409 },

  // routing.
  AGENT_NOT_FOUND: { status: 404 },
  DEPARTMENT_NOT_FOUND: { status: 404 },
  ROUTING_CONVERSATION_NOT_FOUND: { status: 404 },
  ROUTING_NOT_QUEUED: { status: 409 },
  ROUTING_NO_FREE_SLOT: { status: 409 },
  ROUTING_AGENT_UNAVAILABLE: { status: 409 },
  ROUTING_ALREADY_ASSIGNEE: { status: 409 },
  /** Two routing decisions raced; the loser is refused and may retry. */
  ROUTING_INVARIANT: { status: 409 },
  ROUTING_NOT_IN_DEPARTMENT: { status: 403 },
  ROUTING_TRANSFER_FORBIDDEN: { status: 403 },
  ROUTING_ACTOR_UNKNOWN: { status: 403 },
  /** Only an admin may change or remove an agent, or change a department. */
  ROUTING_ADMIN_ONLY: { status: 403 },
  /** The change would leave the workspace without an active admin. */
  ROUTING_LAST_ADMIN: { status: 409 },
  ROUTING_TRANSFER_TARGET: { status: 400 },
  /** A transfer of a conversation whose customer is not a VIP to a department reserved for VIPs. */
  ROUTING_VIP_ONLY_DEPARTMENT: { status: 409 },
  /** Routing recorded the change; conversation will be told shortly. */
  ROUTING_APPLY_PENDING: { status: 503 },
  /** The workspace already has an agent with this email. */
  ROUTING_AGENT_EMAIL_TAKEN: { status: 409 },
  /** An agent invitation token that is unknown, already used or expired. */
  ROUTING_INVITATION_INVALID: { status: 404 },
  /** The workspace already has a department with this name. */
  ROUTING_DEPARTMENT_NAME_TAKEN: { status: 409 },
  /** Conversations wait in the department's queue: it cannot be deleted. */
  ROUTING_DEPARTMENT_NOT_EMPTY: { status: 409 },
  /** SLA: no such SLA policy in this workspace. */
  SLA_POLICY_NOT_FOUND: { status: 404 },
  /** Business hours: none set for this workspace or department. */
  BUSINESS_HOURS_NOT_FOUND: { status: 404 },

  // connector-web visitor sessions (REST).
  INVALID_VISITOR_TOKEN: { status: 401 },

  // connector-web widget API (REST).
  /** `POST /api/v1/widget/identify`: the hash is not the HMAC of the id, or the inbox has no secret. */
  IDENTITY_HASH_INVALID: { status: 403 },
  /** `GET /widget.js`: the widget bundle has not been built (no manifest in WIDGET_DIST_DIR). */
  WIDGET_NOT_BUILT: { status: 503 },
  /** `GET /widget/:file`: not the bundle file the manifest names. */
  WIDGET_FILE_NOT_FOUND: { status: 404 },

  // Both sockets (socket-kit): frames that are not a known, well-formed frame.
  FRAME_MALFORMED: { status: 400 },
  UNKNOWN_FRAME_TYPE: { status: 400 },
  /** The socket's edge lost NATS, so it cannot follow realtime events; try again. */
  REALTIME_UNAVAILABLE: { status: 503 },

  // Visitor socket (connector-web) error frames.
  HELLO_REQUIRED: { status: 401 },
  HELLO_TIMEOUT: { status: 401 },
  HELLO_PENDING: { status: 409 },
  ALREADY_WELCOMED: { status: 409 },
  NO_CONVERSATION: { status: 409 },
  TOO_MANY_PENDING_MESSAGES: { status: 409 },
  MESSAGE_NOT_ACCEPTED: { status: 503 },
  /**
   * `message.failed`: an accepted message failed every attempt to store it and was given up
   * (dead-lettered); a client that sends it again needs a new clientMessageId.
   */
  MESSAGE_NOT_STORED: { status: 503 },

  // connector-social platform webhooks and replies.
  /** A webhook without the platform's signature (or secret token), or with a wrong one. */
  WEBHOOK_SIGNATURE_INVALID: { status: 401 },
  /** A webhook body that is not the platform's JSON. */
  WEBHOOK_BODY_INVALID: { status: 400 },
  /** The GET verification handshake of `/webhooks/meta` with a wrong `hub.verify_token`. */
  WEBHOOK_VERIFY_TOKEN_INVALID: { status: 403 },
  /**
   * A free-text WhatsApp reply more than 24 hours after the customer's last message: WhatsApp
   * only delivers a template then (send one by name with `template`).
   */
  WHATSAPP_WINDOW_CLOSED: { status: 409 },

  // Files (libs/storage: uploads on connector-web and gateway, signed links).
  /** An upload whose content is not an allowed type (decided by its bytes, not its name). */
  FILE_TYPE_NOT_ALLOWED: { status: 415 },
  /** An upload past the inbox's (or the hub's) size limit. */
  FILE_TOO_LARGE: { status: 413 },
  FILE_NOT_FOUND: { status: 404 },
  /** A file link whose signature is wrong or whose time is up. */
  FILE_LINK_EXPIRED: { status: 403 },
  // Live visitors and invitations (connector-web).
  BEACON_MALFORMED: { status: 400 },
  INVITATION_NOT_FOUND: { status: 404 },
  VISITOR_NOT_ONLINE: { status: 409 },
  VISITOR_ALREADY_CHATTING: { status: 409 },

  // Reports (crm).
  /** A report period longer than a year (`to` after `from` plus one year). */
  REPORT_PERIOD_TOO_LONG: { status: 400 },
  /** A report period that ends before it starts, or a date that does not exist. */
  REPORT_PERIOD_INVALID: { status: 400 },
  /** A rebuild of the workspace's reports is already running. */
  REPORT_REBUILD_RUNNING: { status: 409 },
  REPORT_REBUILD_NOT_FOUND: { status: 404 },

  // Integrators (gateway): the API channel and outbound webhooks.
  /** `POST /inboxes/:id/messages`: signature or timestamp missing, wrong, or older than 5 minutes. */
  API_SIGNATURE_INVALID: { status: 401 },
  /** A request body past the route's size limit. */
  PAYLOAD_TOO_LARGE: { status: 413 },
  /** A request body that is not JSON (or not readable at all). */
  PAYLOAD_MALFORMED: { status: 400 },
  /** The inbox is not an API inbox, or has no signing secret set. */
  API_INBOX_NOT_CONFIGURED: { status: 409 },
  WEBHOOK_NOT_FOUND: { status: 404 },
  /**
   * A webhook or callback URL that resolves to a loopback, private or link-local address (the
   * workspace does not allow them), or does not resolve at all.
   */
  WEBHOOK_TARGET_FORBIDDEN: { status: 422 },

  // Agent socket (gateway) error frames.
  SOCKET_OVERLOADED: { status: 400 },
  SOCKET_ALREADY_AUTHENTICATED: { status: 409 },
} as const satisfies Record<string, { status: number }>;

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The code Nest's own HTTP errors answer with: `HTTP_404`, `HTTP_413`... */
export type HttpErrorCode = `HTTP_${number}`;

/** True for a code of the catalogue (a code read off the wire may be anything). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** The HTTP status `code` is answered with. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}
