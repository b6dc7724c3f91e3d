import type { RouteObject } from 'react-router';
import { InvitationPage } from './InvitationPage';
import { PasswordPage } from './PasswordPage';
import { SignInPage } from './SignInPage';

/** Routes outside the signed-in layout. */
export const authRoutes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invitations/:token', element: <InvitationPage /> },
];

/** The agent's own account, inside the signed-in layout. */
export const accountRoutes: RouteObject[] = [
  { path: 'account/password', element: <PasswordPage /> },
];
