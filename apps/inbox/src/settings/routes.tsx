import { Navigate, type RouteObject } from 'react-router';
import { ApiKeysSettings } from './screens/ApiKeysSettings';
import { AgentsSettings } from './screens/AgentsSettings';
import { BusinessHoursSettings } from './screens/BusinessHoursSettings';
import { CannedResponsesSettings } from './screens/CannedResponsesSettings';
import { CustomAttributesSettings } from './screens/CustomAttributesSettings';
import { DepartmentsSettings } from './screens/DepartmentsSettings';
import { InboxesSettings } from './screens/InboxesSettings';
import { SlaPoliciesSettings } from './screens/SlaPoliciesSettings';
import { TagsSettings } from './screens/TagsSettings';
import { TicketCategoriesSettings } from './screens/TicketCategoriesSettings';
import { WorkspaceSettings } from './screens/WorkspaceSettings';
import { SettingsLayout } from './SettingsLayout';

export const settingsRoutes: RouteObject[] = [
  {
    path: 'settings',
    element: <SettingsLayout />,
    children: [
      { index: true, element: <Navigate to="agents" replace /> },
      { path: 'agents', element: <AgentsSettings /> },
      { path: 'departments', element: <DepartmentsSettings /> },
      { path: 'inboxes', element: <InboxesSettings /> },
      { path: 'canned-responses', element: <CannedResponsesSettings /> },
      { path: 'tags', element: <TagsSettings /> },
      { path: 'api-keys', element: <ApiKeysSettings /> },
      { path: 'business-hours', element: <BusinessHoursSettings /> },
      { path: 'sla-policies', element: <SlaPoliciesSettings /> },
      { path: 'custom-attributes', element: <CustomAttributesSettings /> },
      { path: 'ticket-categories', element: <TicketCategoriesSettings /> },
      { path: 'workspace', element: <WorkspaceSettings /> },
    ],
  },
];
