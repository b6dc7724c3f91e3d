import type { WidgetLocale } from './widget-settings';

/** `GET /api/v1/widget/config/:inboxId`: what the widget needs to render, nothing secret. */
export interface WidgetConfigView {
  inboxId: string;
  workspaceId: string;
  primaryColor: string;
  greeting: Partial<Record<WidgetLocale, string>>;
  locales: WidgetLocale[];
  departments: { id: string; name: string; online: boolean }[];
  preChatForm: { enabled: boolean; fields: { name: string; required: boolean }[] };
  /** Someone can answer now: within business hours and an agent online. */
  online: boolean;
  withinBusinessHours: boolean;
  /** Agents see what the visitor types before it is sent (the widget says so). */
  typingPreview: boolean;
  /** The inbox has an identity secret: `Hub('identify', …)` needs a valid hash. */
  identityVerification: boolean;
  uploads: { maxBytes: number; accept: string[] };
}
