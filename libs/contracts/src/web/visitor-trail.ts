import { IsEntityId } from '../common/validators';

/**
 * `connector-web.visitor.trail` → VisitorTrailView: the visitor's pages in the workspace,
 * oldest first, across visits (empty for a visitor unknown there).
 */
export class VisitorTrailRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() visitorId!: string;
}
