import { IsEntityId } from '../common/validators';

/** `connector-web.visitor.list-online` → VisitorView[]: the workspace's visitors on the site now. */
export class ListOnlineVisitorsRequest {
  @IsEntityId() workspaceId!: string;
}
