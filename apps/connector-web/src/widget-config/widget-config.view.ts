import type { WidgetLocale, WidgetPosition } from '@hub/contracts';

/** `GET /api/v1/widget/config/:inboxId`: what the widget needs to render, nothing secret. */
export interface WidgetConfigView {
  inboxId: string;
  workspaceId: string;
  primaryColor: string;
  /** The side of the page the launcher sits on. */
  position: WidgetPosition;
  /** The launcher's label per locale; the widget's own where missing. */
  launcherText: Partial<Record<WidgetLocale, string>>;
  greeting: Partial<Record<WidgetLocale, string>>;
  locales: WidgetLocale[];
  /** Shown when the visitor's browser asks for none of `locales`. */
  defaultLocale: WidgetLocale;
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
