import { Injectable, Logger } from '@nestjs/common';
import {
  SUBJECTS,
  type DepartmentAvailabilityReply,
  type GetWorkspaceSettingsRequest,
  type InboxView,
  type WorkspaceScopedRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { VisitorSessionsService } from '../visitor-sessions/visitor-sessions.service';
import { isWithinBusinessHours } from './business-hours';
import type { WidgetConfigView } from './widget-config.view';
import { parseWidgetSettings, type ResolvedWidgetSettings } from './widget-settings';
import { WIDGET_UPLOAD_TYPES } from './widget-upload-types';

// A burst of page loads (every page of a busy site asks) costs one round of NATS requests per
// inbox in this window; "online" is at most this stale.
const CONFIG_FRESH_MS = 5_000;

/**
 * The public widget configuration of a web inbox: its settings (defaults for what is missing
 * or invalid), the departments it shows with who is online, business hours (routing's for the
 * workspace or department when set, else the inbox's own) and the workspace's typing preview. Cached per inbox for five seconds, one computation at a time.
 */
@Injectable()
export class WidgetConfigService {
  private readonly logger = new Logger(WidgetConfigService.name);
  private readonly cache = new Map<string, { view: Promise<WidgetConfigView>; until: number }>();

  constructor(
    private readonly sessions: VisitorSessionsService,
    private readonly rpc: RpcClient,
  ) {}

  get(inboxId: string): Promise<WidgetConfigView> {
    const now = Date.now();
    const cached = this.cache.get(inboxId);
    if (cached && cached.until > now) return cached.view;
    const view = this.compute(inboxId);
    this.cache.set(inboxId, { view, until: now + CONFIG_FRESH_MS });
    // A failure is not cached: the next page load asks again.
    view.catch(() => this.cache.delete(inboxId));
    this.forgetExpired(now);
    return view;
  }

  /** The inbox's settings with defaults applied; invalid stored fields are logged. */
  settingsOf(inbox: InboxView): ResolvedWidgetSettings {
    const { settings, invalid } = parseWidgetSettings(inbox.widgetSettings);
    if (invalid.length > 0) {
      this.logger.warn(
        { inboxId: inbox.id, invalid },
        'invalid widget settings replaced by defaults',
      );
    }
    return settings;
  }

  private async compute(inboxId: string): Promise<WidgetConfigView> {
    const inbox = await this.sessions.webInbox(inboxId);
    const settings = this.settingsOf(inbox);
    const [availability, typingPreview] = await Promise.all([
      this.availability(inbox.workspaceId),
      this.typingPreview(inbox.workspaceId),
    ]);
    // routing's business hours, when the workspace has them, replace the inbox's own.
    const withinBusinessHours =
      availability.withinBusinessHours ??
      (settings.businessHours ? isWithinBusinessHours(settings.businessHours, new Date()) : true);
    const known = new Map(availability.departments.map((d) => [d.id, d]));
    const departments = settings.departmentIds
      .map((id) => known.get(id))
      .filter((d) => d !== undefined)
      .map(({ id, name, online, withinBusinessHours: ownHours }) => ({
        id,
        name,
        // A department with routing hours of its own (or the workspace's) follows them.
        online: online && (ownHours ?? withinBusinessHours),
      }));
    // With a department picker, someone of a shown department must be there.
    const online =
      departments.length > 0
        ? departments.some((d) => d.online)
        : withinBusinessHours && availability.workspaceOnline;
    return {
      inboxId: inbox.id,
      workspaceId: inbox.workspaceId,
      primaryColor: settings.primaryColor,
      position: settings.position,
      launcherText: settings.launcherText,
      greeting: settings.greeting,
      locales: settings.locales,
      defaultLocale: settings.defaultLocale,
      departments,
      preChatForm: settings.preChatForm,
      online,
      withinBusinessHours,
      typingPreview,
      identityVerification: settings.identitySecret !== null,
      uploads: { maxBytes: settings.uploads.maxBytes, accept: [...WIDGET_UPLOAD_TYPES] },
    };
  }

  private availability(workspaceId: string): Promise<DepartmentAvailabilityReply> {
    const request: WorkspaceScopedRequest = { workspaceId };
    return this.rpc.request(SUBJECTS.routing.departmentAvailability, request);
  }

  // If the gateway cannot say, the widget warns the visitor anyway: telling them their typing
  // may be seen when it is not is the harmless mistake.
  private async typingPreview(workspaceId: string): Promise<boolean> {
    const request: GetWorkspaceSettingsRequest = { workspaceId };
    try {
      return (await this.rpc.request(SUBJECTS.gateway.getWorkspaceSettings, request))
        .typingSneakPeek;
    } catch (error) {
      this.logger.warn({ err: error, workspaceId }, 'typing preview setting unavailable');
      return true;
    }
  }

  private forgetExpired(now: number): void {
    for (const [inboxId, entry] of this.cache) if (entry.until <= now) this.cache.delete(inboxId);
  }
}
